import Foundation
import OversightDomain
import Testing
@testable import OversightStore

/// What Foundation's encoder writes for the domain, the strict reader reads back unchanged,
/// with nothing left over (so no field is silently dropped on the next save).
@Suite("JSON domain round trip")
struct JSONDomainRoundTripTests {
    private func encode<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys]
        return Array(try encoder.encode(value))
    }

    @Test("a dataset survives encode → strict parse → decode, compact and pretty")
    func dataset() throws {
        let original = JSONSampleDataset.dataset
        for pretty in [false, true] {
            let value = try JSONParser.parse(try encode(original, pretty: pretty))
            let (decoded, unknown) = try JSONValueDecoder().decodeReportingUnknownFields(Dataset.self, from: value)
            #expect(unknown.isEmpty, "unexpected unknown fields: \(unknown)")
            #expect(decoded == original)
            #expect(StoredTextScan.problems(in: value).isEmpty)
        }
    }

    @Test("a snapshot payload with a journal entry in its undo window survives the round trip")
    func snapshotPayload() throws {
        let dataset = JSONSampleDataset.dataset
        let before = dataset.scorecards[0]
        var after = before
        after.values["OF0050"] = .number(12)
        let entry = JournalEntry(seq: 7, ts: Timestamp(secondsSince1970: 1_763_942_400), user: "secretary", kind: .do,
                                 cmd: "scorecard.value", label: "Set OF0050",
                                 change: Change([RecordChange(key: .scorecard(before.id), before: .scorecard(before), after: .scorecard(after))]))
        let payload = SnapshotPayload(seq: 7, data: dataset, history: UndoWindow(entries: [entry], undo: [7]))
        let value = try JSONParser.parse(try encode(payload, pretty: true))
        #expect(try JSONValueDecoder().decode(SnapshotPayload.self, from: value) == payload)
    }

    @Test("a field this version does not know is reported where it is, not dropped")
    func newerField() throws {
        var text = String(decoding: try encode(JSONSampleDataset.dataset, pretty: true), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"rationale\" :", with: "\"confidence\" : 0.9,\n\"rationale\" :")
        let problems = try decodingProblems(Dataset.self, text)
        #expect(problems.map(\.path.description) == ["$.scorecards[0].decision.confidence"])
        #expect(problems.map(\.kind) == [.unknownField])
    }

    @Test("metric values read directly agree with MetricValue's own decoder, value for value",
          arguments: ["1.5", "-0.0", "0", "92.35", "1e308", "null", #""suppressed""#, #""n/a""#, #""hidden""#, "true", "{}", "[]", "1e400"])
    func metricValueShortcut(json: String) throws {
        let text = "[" + json + "]"
        let foundation = try? JSONDecoder().decode([MetricValue].self, from: Data(text.utf8))
        let strict = try? JSONValueDecoder().decode([MetricValue].self, from: JSONParser.parse(text))
        #expect(strict == foundation, "\(json): strict reader gave \(String(describing: strict)), MetricValue's decoder \(String(describing: foundation))")
        let keyed = "{\"OF1\": " + json + "}"
        let foundationKeyed = try? JSONDecoder().decode([MetricID: MetricValue].self, from: Data(keyed.utf8))
        let strictKeyed = try? JSONValueDecoder().decode([MetricID: MetricValue].self, from: JSONParser.parse(keyed))
        #expect(strictKeyed == foundationKeyed)
    }

    @Test("a metric value of the wrong kind names the metric's path")
    func badMetricValue() throws {
        var text = String(decoding: try encode(JSONSampleDataset.dataset, pretty: true), as: UTF8.self)
        text = text.replacingOccurrences(of: "\"suppressed\"", with: "\"hidden\"")
        let problems = try decodingProblems(Dataset.self, text)
        #expect(problems.map(\.description)
                == [#"$.scorecards[0].values.OF0060: “hidden” is not a metric value; use a number, null, "suppressed", "n/a" or {"count": n}"#])
    }
}
