import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// One bad store per kind of problem `oversight validate` must find, each checked for the file and the place it names.
@Suite("oversight validate: every problem, with its file and place")
struct StoreValidatorTests {
    let scratch = ScratchDirectory("validate")

    /// The sample store's snapshot payload as pretty JSON text, for a test to damage.
    static let payloadText: String = {
        let framed = SampleStore.snapshotBytes()
        let range = try! Frame.payloadRange(in: framed[0..<(framed.count - 1)])
        return String(decoding: framed[range], as: UTF8.self)
    }()

    /// A store whose snapshot payload is `edit(payload)`, correctly framed so that only the edit is wrong.
    func store(_ edit: (String) -> String) -> String {
        let path = SampleStore.create(in: scratch)
        let payload = Array(edit(Self.payloadText).utf8)
        FileManager.default.createFile(atPath: path + "/snapshot.json", contents: Data(Frame.encode(payload)))
        chmod(path + "/snapshot.json", 0o600)
        return path
    }

    func problems(_ edit: (String) -> String) -> [StoreProblem] {
        StoreValidator.validate(store(edit))
    }

    /// The line (1-based) in snapshot.json where `needle` first appears in the damaged payload.
    func line(of needle: String, in edit: (String) -> String) -> Int {
        let text = #"{"crc":"00000000","len":0,"rec":"# + edit(Self.payloadText)
        return text.components(separatedBy: needle)[0].filter { $0 == "\n" }.count + 1
    }

    func replacing(_ old: String, _ new: String) -> (String) -> String {
        { text in
            guard let range = text.range(of: old) else { fatalError("fixture lacks \(old)") }
            return text.replacingCharacters(in: range, with: new)
        }
    }

    @Test("the sample store and a fresh one are valid")
    func valid() {
        #expect(StoreValidator.validate(SampleStore.create(in: scratch)).isEmpty)
    }

    @Test("malformed JSON: line and column of the mistake")
    func syntax() throws {
        let edit = replacing(#""name" : "North West","#, #""name" : "North West" oops,"#)
        let found = problems(edit)
        let problem = try #require(found.first)
        #expect(problem.file == "snapshot.json")
        #expect(problem.line == line(of: "oops", in: edit))
        #expect(problem.column != nil)
        #expect(found.count == 1)
    }

    @Test("a trailing comma is refused where Foundation would accept it")
    func trailingComma() throws {
        let edit = replacing(#""validFrom" : "2020-04-01""#, #""validFrom" : "2020-04-01","#)
        let problem = try #require(problems(edit).first)
        #expect(problem.message.contains("comma"), "\(problem)")
        #expect(problem.line == line(of: "2020-04-01\",", in: edit))
    }

    @Test("a duplicate key names both places")
    func duplicateKey() throws {
        let edit = replacing(#""name" : "North West","#, #""name" : "North West", "name" : "Elsewhere","#)
        let problem = try #require(problems(edit).first)
        #expect(problem.message.contains("name"))
        #expect(problem.message.contains("first"))
        #expect(problem.line == line(of: "Elsewhere", in: edit))
    }

    @Test("a wrong type names the path")
    func wrongType() throws {
        let edit = replacing(#""weight" : 1"#, #""weight" : "heavy""#)
        let problem = try #require(problems(edit).first)
        #expect(problem.path?.description.hasPrefix("$.rec.data.frameworks[0].metrics[") == true, "\(problem)")
        #expect(problem.path?.description.hasSuffix(".weight") == true, "\(problem)")
        #expect(problem.message.contains("expected"))
    }

    @Test("a missing field names the record that lacks it")
    func missingField() throws {
        let edit = replacing(#""era" : "2020","#, "")
        let problem = try #require(problems(edit).first)
        #expect(problem.path?.description == "$.rec.data.regions[1]", "\(problem)")
        #expect(problem.message.contains("era"))
    }

    @Test("an unknown field is reported: a save would drop it")
    func unknownField() throws {
        let edit = replacing(#""name" : "North West","#, #""name" : "North West", "colour" : "blue","#)
        let problem = try #require(problems(edit).first)
        #expect(problem.path?.description == "$.rec.data.regions[1].colour")
        #expect(problem.line == line(of: "colour", in: edit))
    }

    @Test("duplicate ids name both records")
    func duplicateID() throws {
        let edit = replacing(#""code" : "RBB""#, #""code" : "RAA""#)
        let found = problems(edit)
        #expect(found.contains { $0.path?.description == "$.rec.data.organisations[2]" && $0.message.contains("duplicate ODS code RAA") }, "\(found)")
    }

    @Test("a trust in an unknown footprint is a dangling reference")
    func danglingFootprint() throws {
        let edit = replacing(#""footprint" : "QAA","#, #""footprint" : "QZZ","#)
        let problem = try #require(problems(edit).first { $0.message.contains("unknown footprint QZZ") })
        #expect(problem.path?.description.hasSuffix(".footprint") == true, "\(problem)")
        #expect(problem.line == line(of: "QZZ", in: edit))
    }

    @Test("a scorecard for an unknown metric")
    func unknownMetric() throws {
        let edit = replacing(#""ae" : 72.5"#, #""xx" : 72.5"#)
        let problem = try #require(problems(edit).first)
        #expect(problem.message.contains("has no metric xx"))
        #expect(problem.path?.description.hasSuffix("values.xx") == true, "\(problem)")
    }

    @Test("an out-of-range value")
    func outOfRange() throws {
        let edit = replacing(#""ae" : 72.5"#, #""ae" : 172.5"#)
        let problem = try #require(problems(edit).first)
        #expect(problem.message.contains("not a percentage"))
        #expect(problem.line == line(of: "172.5", in: edit))
    }

    @Test("a newer schema version")
    func newerSchema() throws {
        let edit = replacing(#""schemaVersion" : 1"#, #""schemaVersion" : 2"#)
        let problem = try #require(problems(edit).first)
        #expect(problem.message.contains("newer"))
        #expect(problem.path?.description == "$.rec.schemaVersion")
    }

    @Test("a control character (a terminal escape) in stored text")
    func controlCharacter() throws {
        let edit = replacing(#""name" : "North West","#, #""name" : "North \u001b[2JWest","#)
        let problem = try #require(problems(edit).first)
        #expect(problem.path?.description == "$.rec.data.regions[1].name")
        #expect(problem.message.contains("ESC"))
        #expect(!problem.description.contains("\u{1B}"), "the report itself must not carry the escape")
    }

    @Test("a changed byte breaks the checksum")
    func checksum() throws {
        let path = SampleStore.create(in: scratch)
        var bytes = try #require(FileManager.default.contents(atPath: path + "/snapshot.json"))
        bytes[200] = bytes[200] == 0x61 ? 0x62 : 0x61
        FileManager.default.createFile(atPath: path + "/snapshot.json", contents: bytes)
        chmod(path + "/snapshot.json", 0o600)
        let problem = try #require(StoreValidator.validate(path).first)
        #expect(problem.file == "snapshot.json" && problem.line == 1)
        #expect(problem.message.contains("checksum mismatch") || problem.message.contains("length mismatch"))
    }

    @Test("journal problems name their line: a bad frame, a gap")
    func journal() throws {
        let path = SampleStore.create(in: scratch)
        do {
            let store = try Store.open(path, options: SampleStore.options())
            try store.commit(SampleStore.addNote(1))
            try store.commit(SampleStore.addNote(2))
            try store.commit(SampleStore.addNote(3))
            store.close(compacting: false)
        }
        let journal = path + "/journal.jsonl"
        var lines = String(decoding: try #require(FileManager.default.contents(atPath: journal)), as: UTF8.self).split(separator: "\n")
        lines.remove(at: 1)
        FileManager.default.createFile(atPath: journal, contents: Data((lines.joined(separator: "\n") + "\n").utf8))
        chmod(journal, 0o600)
        let gap = try #require(StoreValidator.validate(path).first)
        #expect(gap.file == "journal.jsonl" && gap.line == 2)
        #expect(gap.message.contains("entries are missing"))
        FileManager.default.createFile(atPath: journal, contents: Data((lines[0] + "\nnot a frame\n" + lines[1] + "\n").utf8))
        chmod(journal, 0o600)
        let bad = try #require(StoreValidator.validate(path).first)
        #expect(bad.line == 2 && bad.message.contains("not a valid frame"))
    }

    @Test("a store directory others can read")
    func permissions() throws {
        let path = SampleStore.create(in: scratch)
        chmod(path, 0o755)
        let problem = try #require(StoreValidator.validate(path).first)
        #expect(problem.message.contains("chmod 700"))
    }

    @Test("validate never changes a byte of a bad store")
    func readOnly() throws {
        let path = store(replacing(#""ae" : 72.5"#, #""ae" : 172.5"#))
        let before = try FileManager.default.contentsOfDirectory(atPath: path).sorted().map {
            ($0, FileManager.default.contents(atPath: path + "/" + $0))
        }
        _ = StoreValidator.validate(path)
        let after = try FileManager.default.contentsOfDirectory(atPath: path).sorted().map {
            ($0, FileManager.default.contents(atPath: path + "/" + $0))
        }
        #expect(before.map(\.0) == after.map(\.0))
        #expect(zip(before, after).allSatisfy { $0.1 == $1.1 })
    }
}
