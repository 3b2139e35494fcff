import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// `validate` reads a clean snapshot of hundreds of scorecards on every core (`CleanSnapshot`), and
/// anything wrong in one sends it back to the one-pass check, which says where: the same report as
/// before, whichever piece the problem is in.
@Suite("validate: a clean snapshot on every core, any problem reported as before")
struct CleanSnapshotTests {
    let scratch = ScratchDirectory("validate-clean")

    /// 60 organisations × 8 quarters: enough scorecards to be read in pieces.
    static let payloadText: String = {
        let framed = SampleStore.snapshotBytes(ScaledDataset.make(organisations: 60, quarters: 8))
        let range = try! Frame.payloadRange(in: framed[0..<(framed.count - 1)])
        return String(decoding: framed[range], as: UTF8.self)
    }()

    func store(_ payload: String) -> String {
        let path = SampleStore.create(in: scratch)
        FileManager.default.createFile(atPath: path + "/snapshot.json", contents: Data(Frame.encode(Array(payload.utf8))))
        chmod(path + "/snapshot.json", 0o600)
        return path
    }

    @Test("a clean snapshot is read the quick way, to the payload the one-pass decoder reads, and validates")
    func clean() throws {
        let bytes = Array(Self.payloadText.utf8)
        let quick = try #require(CleanSnapshot.read(bytes[...]))
        let onePass = try JSONValueDecoder().decode(SnapshotPayload.self, from: try JSONParser.parse(bytes))
        #expect(quick == onePass)
        #expect(StoreValidator.validate(store(Self.payloadText)).isEmpty)
    }

    @Test("a problem in a scorecard, in the rest of the document, or in the rules is reported with its place",
          arguments: [
            (#""provenance" : {"#, #""zz" : 1, "provenance" : {"#, "zz"),
            (#""name" : ""#, "\"name\" : \"\\u001b[31m", "escape"),
            (#""schemaVersion" : 1"#, #""schemaVersion" : 1, "extra" : true"#, "extra"),
            (#""region" : "Y62""#, #""region" : "Y99""#, "y99"),
          ])
    func problems(old: String, new: String, expected: String) throws {
        // The last occurrence, deep in the scorecards for the first case; the first for the others.
        let text = Self.payloadText
        guard let range = expected == "zz" ? text.range(of: old, options: .backwards) : text.range(of: old) else {
            Issue.record("fixture lacks \(old)")
            return
        }
        let damaged = text.replacingCharacters(in: range, with: new)
        #expect(CleanSnapshot.read(Array(damaged.utf8)[...]) == nil)
        let found = StoreValidator.validate(store(damaged)).map(\.description)
        #expect(found.contains { $0.contains("snapshot.json:") && $0.lowercased().contains(expected) }, "\(found)")
    }
}
