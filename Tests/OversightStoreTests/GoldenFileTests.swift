import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// T7: a store written by every schema version ever shipped opens with the data it held, its files
/// decode and re-encode byte for byte (so Codable drops nothing), and a newer version opens read-only.
@Suite("T7 golden store files")
struct GoldenFileTests {
    /// Fixtures/store-v1: schema 1, as this version writes it. Kept forever; never regenerated.
    static var fixtures: URL { Bundle.module.url(forResource: "Fixtures", withExtension: nil)! }
    static func fixture(_ version: Int) -> URL { fixtures.appendingPathComponent("store-v\(version)") }

    /// A private copy of a fixture store to open (opening may take the lock and tighten modes).
    static func copy(_ version: Int, into scratch: ScratchDirectory, editing edit: (inout [UInt8], inout [UInt8]) throws -> Void = { _, _ in }) throws -> String {
        let source = fixture(version)
        var snapshot = [UInt8](try Data(contentsOf: source.appendingPathComponent("snapshot.json")))
        var journal = [UInt8](try Data(contentsOf: source.appendingPathComponent("journal.jsonl")))
        try edit(&snapshot, &journal)
        let path = scratch.appending("store")
        try FileManager.default.createDirectory(atPath: path + "/backups", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: path + "/quarantine", withIntermediateDirectories: true)
        try Data(snapshot).write(to: URL(fileURLWithPath: path + "/snapshot.json"))
        try Data(journal).write(to: URL(fileURLWithPath: path + "/journal.jsonl"))
        return path
    }

    @Test("the v1 store opens with the expected dataset, undo and redo stacks, and history")
    func v1Opens() throws {
        let scratch = ScratchDirectory("golden")
        let store = try Store.open(try Self.copy(1, into: scratch), options: SampleStore.options())
        #expect(store.readOnlyReason == nil, "a v1 store opens for editing: \(String(describing: store.readOnlyReason))")
        let expected = [UInt8](try Data(contentsOf: Self.fixture(1).appendingPathComponent("expected-dataset.json")))
        let actual = Array(try SnapshotCodec.encoder(pretty: true).encode(store.dataset)) + [0x0A]
        #expect(actual == expected, "the dataset differs from expected-dataset.json")
        #expect(store.lastSeq == 14 && store.snapshotSeq == 8)
        #expect(store.stacks.undo == [1, 2, 3, 10] && store.stacks.redo == [11], "stacks \(store.stacks)")
        #expect(store.dataset.notes.map(\.id.rawValue) == ["n-1", "n-10"])
        #expect(store.dataset.scorecard(ScorecardID(org: SampleDataset.acute, framework: SampleDataset.nof, period: SampleDataset.q2))?.decision?.segment == 3)
        #expect(store.dataset.interventions.map(\.id.rawValue) == ["int-RAA-rsp"], "the undone intervention stays undone")
        #expect(store.nextRedo?.label == "Add action for Director of Finance on QAA")
        #expect(store.history.map(\.seq) == Array(1...14), "the history reads back across the compaction")
        #expect(store.history.map(\.kind.rawValue).joined(separator: " ") == "do do do do undo redo undo undo redo do do undo undo redo")
        #expect(Set(store.history.map(\.user)) == ["board.secretary"])
        // Undo reaches into the snapshot's window: undo everything and the sample dataset is back.
        while store.canUndo { try store.undo() }
        #expect(store.dataset == Store.openedSample())
    }

    @Test("decoding and re-encoding the v1 snapshot and every journal entry gives the same bytes")
    func v1RoundTrips() throws {
        let snapshot = [UInt8](try Data(contentsOf: Self.fixture(1).appendingPathComponent("snapshot.json")))
        let range = try Frame.payloadRange(in: snapshot[0..<(snapshot.count - 1)])
        let payload = try PayloadCoding.decodeSnapshot(snapshot[range]).value
        #expect(payload.schemaVersion == 1)
        #expect(!payload.history.undo.isEmpty && !payload.history.redo.isEmpty, "the fixture's window holds undo and redo entries")
        #expect(try SnapshotCodec.encode(payload) == snapshot, "snapshot.json did not survive decode and encode unchanged")
        let journal = [UInt8](try Data(contentsOf: Self.fixture(1).appendingPathComponent("journal.jsonl")))
        let scan = JournalScan(journal)
        #expect(scan.damage == nil && scan.lines.count == 6)
        for line in scan.lines {
            let entry = try PayloadCoding.decodeEntry(journal[line.payload]).value
            #expect(try PayloadCoding.encodeEntry(entry) == Array(journal[line.payload]), "journal line \(line.number) changed on decode and encode")
        }
        #expect(Set(scan.lines.map { try! PayloadCoding.decodeEntry(journal[$0.payload]).value.kind }) == [.do, .undo, .redo])
    }

    @Test("a snapshot with schemaVersion 2 opens read-only, saying a newer oversight wrote it, and changes nothing")
    func newerSnapshotIsReadOnly() throws {
        let scratch = ScratchDirectory("golden")
        let path = try Self.copy(1, into: scratch) { snapshot, _ in snapshot = try Self.reframedSnapshot(snapshot, "\"schemaVersion\" : 1,", "\"schemaVersion\" : 2,") }
        let before = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        let store = try Store.open(path, options: SampleStore.options())
        #expect(store.readOnlyReason == .newerSchema(found: 2, supported: 1))
        #expect(store.readOnlyReason?.explanation.contains("newer version of oversight") == true)
        #expect(throws: StoreError.readOnly(.newerSchema(found: 2, supported: 1))) { try store.commit(SampleStore.addNote(99)) }
        store.close()
        let after = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        #expect(after == (before + ["LOCK"]).sorted(), "only the lock file appears: \(before) → \(after)")
    }

    @Test("a journal entry with v 2 opens read-only at the entry before it")
    func newerEntryIsReadOnly() throws {
        let scratch = ScratchDirectory("golden")
        let path = try Self.copy(1, into: scratch) { _, journal in journal = try Self.reframedJournal(journal, line: 3, "\"v\":1", "\"v\":2") }
        let store = try Store.open(path, options: SampleStore.options())
        #expect(store.readOnlyReason == .newerSchema(found: 2, supported: 1))
        #expect(store.lastSeq == 10, "entries before the newer one are shown")
    }

    @Test("a newer snapshot this version cannot decode at all is refused with a message, not read as something else")
    func unreadableNewerSnapshot() throws {
        let scratch = ScratchDirectory("golden")
        let path = try Self.copy(1, into: scratch) { snapshot, _ in
            snapshot = try Self.reframedSnapshot(snapshot, "\"schemaVersion\" : 1,", "\"schemaVersion\" : 2,")
            snapshot = try Self.reframedSnapshot(snapshot, "\"data\" : {", "\"dataV2\" : {")
        }
        #expect {
            try Store.open(path, options: SampleStore.options())
        } throws: { error in
            "\(error)".contains("newer version of oversight") && "\(error)".contains("Nothing was changed")
        }
    }

    static func reframedSnapshot(_ file: [UInt8], _ old: String, _ new: String) throws -> [UInt8] {
        let range = try Frame.payloadRange(in: file[0..<(file.count - 1)])
        let text = String(decoding: file[range], as: UTF8.self)
        #expect(text.contains(old), "the fixture holds \(old)")
        return Frame.encode(Array(text.replacingOccurrences(of: old, with: new).utf8))
    }

    static func reframedJournal(_ file: [UInt8], line number: Int, _ old: String, _ new: String) throws -> [UInt8] {
        let scan = JournalScan(file)
        var out: [UInt8] = []
        for line in scan.lines {
            var payload = String(decoding: file[line.payload], as: UTF8.self)
            if line.number == number {
                #expect(payload.contains(old))
                payload = payload.replacingOccurrences(of: old, with: new)
            }
            out += Frame.encode(Array(payload.utf8))
        }
        return out
    }

    /// Writes a fixture store for the current schema version, once, when a new version ships:
    /// `OVERSIGHT_WRITE_FIXTURE=1 swift test --filter GoldenFileTests/writeFixture`. It refuses to
    /// overwrite a fixture: those of shipped versions are kept forever.
    @Test("write the fixture for the current schema version", .enabled(if: ProcessInfo.processInfo.environment["OVERSIGHT_WRITE_FIXTURE"] == "1"))
    func writeFixture() throws {
        let version = SnapshotPayload.currentSchemaVersion
        let target = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/store-v\(version)")
        guard !FileManager.default.fileExists(atPath: target.path) else {
            Issue.record("\(target.path) exists; fixtures of shipped versions are never regenerated")
            return
        }
        let scratch = ScratchDirectory("golden")
        let path = SampleStore.create(in: scratch)
        let store = try Store.open(path, options: SampleStore.options(user: "board.secretary"))
        let dataset = { store.dataset }
        // Entries 1–8 end up in the snapshot, whose undo window then holds undo and redo entries;
        // 9–14 stay in the journal: a redo of an entry from the window, edits, undos and a redo.
        try store.commit(SampleEdits.make(.addNote, number: 1, in: dataset())!)
        try store.commit(SampleEdits.make(.decideSegment, number: 2, in: dataset())!)
        try store.commit(SampleEdits.make(.importValues, number: 3, in: dataset())!)
        try store.commit(SampleEdits.make(.addIntervention, number: 4, in: dataset())!)
        try store.undo()
        try store.redo()
        try store.undo()
        try store.undo()
        try store.compact()
        try store.redo()
        try store.commit(SampleEdits.make(.addNote, number: 10, in: dataset())!)
        try store.commit(SampleEdits.make(.addAction, number: 11, in: dataset())!)
        try store.undo()
        try store.undo()
        try store.redo()
        store.close(compacting: false)
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for name in ["snapshot.json", "journal.jsonl"] {
            try FileManager.default.copyItem(atPath: path + "/" + name, toPath: target.appendingPathComponent(name).path)
        }
        let reopened = try Store.open(path, options: SampleStore.options())
        try (Array(try SnapshotCodec.encoder(pretty: true).encode(reopened.dataset)) + [0x0A]).writeFile(target.appendingPathComponent("expected-dataset.json"))
    }
}

extension Array where Element == UInt8 {
    func writeFile(_ url: URL) throws { try Data(self).write(to: url) }
}
