import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// The snapshot's scorecards are decoded in parallel chunks when the document is clean; anything
/// else falls back to one pass, so a damaged snapshot is reported exactly as before.
@Suite("Snapshot decoding in parallel")
struct SnapshotDecodingTests {
    /// A stored snapshot's JSON, as a parsed tree, with enough scorecards to be split up.
    static func document() throws -> (JSONValue, Dataset) {
        let dataset = ScaledDataset.make(organisations: 60, quarters: 8)
        let bytes = try SnapshotCodec.encoder(pretty: false).encode(SnapshotPayload(seq: 3, data: dataset))
        return (try JSONParser.parse(Array(bytes)), dataset)
    }

    /// The document with `edit` applied to the scorecard at `index`.
    static func editingScorecard(_ document: JSONValue, at index: Int, _ edit: (inout JSONObject) -> Void) -> JSONValue {
        guard case .object(var root) = document.content,
              let d = root.members.firstIndex(where: { $0.key == "data" }),
              case .object(var data) = root.members[d].value.content,
              let s = data.members.firstIndex(where: { $0.key == "scorecards" }),
              case .array(var cards) = data.members[s].value.content,
              case .object(var card) = cards[index].content else { fatalError("not a stored snapshot") }
        edit(&card)
        cards[index].content = .object(card)
        data.members[s].value.content = .array(cards)
        root.members[d].value.content = .object(data)
        return JSONValue(.object(root))
    }

    @Test("a clean snapshot decodes to the same data, scorecards in file order, as one pass does")
    func sameAsOnePass() throws {
        let (document, dataset) = try Self.document()
        #expect(dataset.scorecards.count >= SnapshotDecoding.parallelThreshold)
        let parallel = try #require(SnapshotDecoding.parallel(document))
        let onePass = try JSONValueDecoder().decode(StoredSnapshot.self, from: document)
        #expect(parallel.value.data == onePass.data)
        #expect(parallel.value.data.scorecards.map(\.id) == dataset.scorecards.map(\.id))
        #expect(parallel.value.seq == 3)
        #expect(parallel.unknownFields.isEmpty)
    }

    @Test("an unknown field inside a scorecard is still reported, at its index")
    func unknownFieldFallsBack() throws {
        let (document, dataset) = try Self.document()
        let index = dataset.scorecards.count / 2 + 1
        let changed = Self.editingScorecard(document, at: index) { $0.members.append(.init(key: "fromTheFuture", value: JSONValue(.bool(true)))) }
        #expect(SnapshotDecoding.parallel(changed) == nil)
        let bytes = Array(changed.description.utf8)
        let decoded = try PayloadCoding.decodeStoredSnapshot(bytes[...])
        #expect(decoded.unknownFields.count == 1)
        #expect(decoded.unknownFields.first?.path.description.contains("scorecards[\(index)]") == true,
                "\(decoded.unknownFields.first?.path.description ?? "no problem")")
    }

    @Test("a wrong type inside a scorecard fails with the path of that scorecard")
    func typeErrorFallsBack() throws {
        let (document, dataset) = try Self.document()
        let index = dataset.scorecards.count - 2
        let changed = Self.editingScorecard(document, at: index) { card in
            let period = card.members.firstIndex { $0.key == "period" }!
            card.members[period].value = JSONValue(.number(JSONNumber(7)))
        }
        #expect(SnapshotDecoding.parallel(changed) == nil)
        let bytes = Array(changed.description.utf8)
        #expect {
            _ = try PayloadCoding.decodeStoredSnapshot(bytes[...])
        } throws: { error in
            guard let failure = error as? JSONDecodingFailure else { return false }
            return failure.problems.count == 1 && failure.problems[0].path.description.contains("scorecards[\(index)]")
        }
    }

    @Test("a small snapshot is left to one pass")
    func smallIsOnePass() throws {
        let bytes = try SnapshotCodec.encoder(pretty: false).encode(SnapshotPayload(seq: 1, data: SampleDataset.make()))
        #expect(SnapshotDecoding.parallel(try JSONParser.parse(Array(bytes))) == nil)
    }
}
