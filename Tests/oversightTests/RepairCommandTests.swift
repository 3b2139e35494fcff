import Foundation
import Glibc
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// Issue 11, items 3, 4 and 6, as a person meets them: `oversight repair` changes nothing before
/// the answer, accounts for every acknowledged entry in every generation, and offers to replay the
/// entries after a damaged one whose before-images still match.
@Suite("oversight repair: nothing before the answer, every acknowledged entry accounted for")
struct RepairCommandTests {
    let scratch = ScratchDirectory("repair-cli")

    /// A store with `edits` applied through the store (compacting every `compactAfter` entries).
    func store(_ edits: [Edit], compactAfter: Int = 2_000) throws -> String {
        let path = SampleStore.create(in: scratch)
        var options = SampleStore.options()
        options.compactAfterEntries = compactAfter
        let store = try Store.open(path, options: options)
        for edit in edits { try store.commit(edit) }
        store.close()
        return path
    }

    func notes(_ count: Int) -> [Edit] { (1...count).map(SampleStore.addNote) }

    /// Flips one byte in the middle of line `line`'s payload (1-based), keeping every newline.
    func damage(_ file: String, line: Int) throws {
        var bytes = try #require(FileManager.default.contents(atPath: file).map { [UInt8]($0) })
        let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        let start = starts[line - 1]
        let end = bytes[start...].firstIndex(of: 0x0A)!
        let middle = start + (end - start) * 2 / 3
        bytes[middle] = bytes[middle] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
    }

    func repair(_ store: String, answers: String? = nil) throws -> BuiltBinary.Result {
        try BuiltBinary.run(["repair", "--store", store] + (answers == nil ? ["--yes"] : []), stdin: answers, watchdog: 120)
    }

    func noteIDs(_ store: String) throws -> [String] {
        try Store.open(store, options: SampleStore.options(readOnly: true)).dataset.notes.map(\.id.rawValue).sorted()
    }

    @Test("item 4: answered no, repair changes nothing, and a damaged last entry is not cut before the question",
          arguments: ["a damaged last entry", "a torn last line"])
    func noChangesBeforeTheAnswer(kind: String) throws {
        let path = try store(notes(3))
        let journal = path + "/journal.jsonl"
        if kind == "a damaged last entry" {
            try damage(journal, line: 3)
        } else {
            let handle = try #require(FileHandle(forWritingAtPath: journal))
            handle.seekToEndOfFile()
            handle.write(Data(#"{"crc":"1234abcd","len":900,"rec":{"change""#.utf8))
            try handle.close()
        }
        // LOCK aside: repair takes the lock to look (so nothing else writes meanwhile), and the lock
        // file says which process holds it; it is not data.
        let before = FileState.all(under: path).filter { $0.key != "LOCK" }
        let result = try repair(path, answers: "n\nn\n")
        #expect(result.status == 1, "answered no, repair exits 1: \(result.stdout)")
        #expect(result.stdout.contains("Nothing was changed"))
        #expect(!result.stdout.contains("The store is whole"), "with \(kind), the store is not whole: \(result.stdout)")
        let after = FileState.all(under: path).filter { $0.key != "LOCK" }
        #expect(after == before, "repair changed the store before the answer: \(FileState.differences(before, after))")
    }

    @Test("item 3: a damaged snapshot and one flipped byte in the newest backup journal: repair brings back 9 of 10 notes, names the one it cannot and why, and that entry's bytes outlive later compactions")
    func everyGenerationAccountedFor() throws {
        // Compaction every 3 entries: backups hold generations 0, 3 and 6; snapshot.json is at entry 9.
        let path = try store(notes(10), compactAfter: 3)
        let backupJournal = path + "/backups/journal-6.jsonl"
        #expect(FileManager.default.fileExists(atPath: backupJournal))
        try damage(path + "/snapshot.json", line: 1)
        try damage(backupJournal, line: 2)
        let damagedLine = try #require(String(data: FileManager.default.contents(atPath: backupJournal)!, encoding: .isoLatin1))
            .split(separator: "\n")[1]

        let result = try repair(path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        let ids = try noteIDs(path)
        #expect(ids == (1...10).filter { $0 != 8 }.map { "n-\($0)" }.sorted(), "repair brought back \(ids.count) of 10: \(ids)")
        #expect(result.stdout.contains("Entry 8 cannot be brought back"),
                "repair says which entry it cannot bring back: \(result.stdout)")
        #expect(result.stdout.contains("backups/journal-6.jsonl line 2"), "and where it was: \(result.stdout)")

        // Later compactions prune backups/; the damaged entry's bytes must still be somewhere in quarantine/.
        var options = SampleStore.options()
        options.compactAfterEntries = 2
        let store = try Store.open(path, options: options)
        for n in 11...20 { try store.commit(SampleStore.addNote(n)) }
        store.close()
        let quarantined = try FileManager.default.contentsOfDirectory(atPath: path + "/quarantine").flatMap { name -> [String] in
            let file = path + "/quarantine/" + name
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory)
            let files = isDirectory.boolValue ? try FileManager.default.contentsOfDirectory(atPath: file).map { file + "/" + $0 } : [file]
            return files.compactMap { FileManager.default.contents(atPath: $0).flatMap { String(data: $0, encoding: .isoLatin1) } }
        }
        #expect(quarantined.contains { $0.contains(damagedLine) }, "the only copy of entry 8 was deleted")
    }

    /// n-1 added, n-2 added (to be damaged), n-2 edited (depends on it), n-4 and n-5 added.
    func dependentEdits() -> [Edit] {
        [SampleStore.addNote(1), SampleStore.addNote(2), .editNote(NoteID("n-2"), text: "Edited", at: Timestamp(secondsSince1970: 1_750_000_100)),
         SampleStore.addNote(4), SampleStore.addNote(5)]
    }

    @Test("item 6: after a damaged entry in the middle, the later entries whose before-images match are replayed on yes")
    func replayLaterEntries() throws {
        let path = try store(dependentEdits())
        try damage(path + "/journal.jsonl", line: 2)
        let result = try repair(path)
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(try noteIDs(path) == ["n-1", "n-4", "n-5"], "entries 4 and 5 fit without entry 2 and are replayed; entry 3 edits n-2 and cannot be")
        #expect(result.stdout.contains("Entry 3 (Edit note on RAA) cannot be replayed"), "\(result.stdout)")
    }

    @Test("item 6: answered no to the replay, the later entries are set aside (kept in quarantine/), not replayed")
    func replayDeclined() throws {
        let path = try store(dependentEdits())
        try damage(path + "/journal.jsonl", line: 2)
        let result = try repair(path, answers: "n\ny\n")
        #expect(result.status == 0, "\(result.stdout)\n\(result.stderr)")
        #expect(result.stdout.contains("Replay"), "the replay is offered as its own question: \(result.stdout)")
        #expect(try noteIDs(path) == ["n-1"])
        let next = try Store.open(path, options: SampleStore.options())
        #expect(try next.commit(SampleStore.addNote(9)).seq == 6, "entries 2–5 keep their numbers: the next edit is 6")
    }
}
