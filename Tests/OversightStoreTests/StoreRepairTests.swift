import Foundation
import Glibc
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// Issue 11, items 3, 4 and 6, through the store's API: a repair plan reads every generation,
/// accounts for every entry, offers the later entries whose before-images match, changes nothing
/// until it is carried out; and compaction never deletes the only copy of an entry.
@Suite("Store safety: repair accounts for every entry; compaction never deletes the only copy")
struct StoreRepairTests {
    let scratch = ScratchDirectory("repair")

    func store(_ edits: [Edit], compactAfter: Int = 2_000, name: String = "store") throws -> String {
        let path = SampleStore.create(in: scratch, name: name)
        var options = SampleStore.options()
        options.compactAfterEntries = compactAfter
        let store = try Store.open(path, options: options)
        for edit in edits { try store.commit(edit) }
        store.close()
        return path
    }

    /// Flips one byte inside line `line` (1-based) of a file, keeping its newline.
    func damage(_ file: String, line: Int) throws {
        var bytes = try #require(try POSIXFileSystem().read(file))
        let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        let end = bytes[starts[line - 1]...].firstIndex(of: 0x0A)!
        bytes[(starts[line - 1] + end) / 2] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: file))
    }

    /// Opens as `repair` does: the lock, and nothing tidied.
    func openForRepair(_ path: String) throws -> Store {
        var options = SampleStore.options()
        options.recover = false
        return try Store.open(path, options: options)
    }

    @Test("item 3: with snapshot.json and a line of the newest backup journal damaged, the plan starts from the newest intact backup, brings back 9 of 10 entries, and names the one it cannot with the file and line")
    func everyGeneration() throws {
        let path = try store((1...10).map(SampleStore.addNote), compactAfter: 3)
        try damage(path + "/snapshot.json", line: 3)
        try damage(path + "/backups/journal-6.jsonl", line: 2)
        let before = FileState.all(under: path).filter { $0.key != "LOCK" }
        let store = try openForRepair(path)
        let plan = try store.planRepair()
        #expect(FileState.all(under: path).filter { $0.key != "LOCK" } == before, "planning changed the store")
        #expect(plan.steps == [.rebuild(base: "backups/snapshot-6.json", baseSeq: 6)])
        #expect(plan.broughtBack == [7])
        #expect(plan.lost.map(\.seq) == [8])
        #expect(plan.lost.first?.why.contains("backups/journal-6.jsonl line 2") == true, "\(plan.lost)")
        #expect(plan.replayable.map(\.seq) == [9, 10])
        #expect(plan.nextSeq == 11)
        #expect(plan.keptFiles.contains("snapshot.json") && plan.keptFiles.contains("backups-journal-6.jsonl"))
        var chosen = plan
        chosen.replayLater = true
        try store.repair(chosen)
        let reopened = try Store.open(path, options: SampleStore.options())
        #expect(reopened.readOnlyReason == nil)
        #expect(reopened.dataset.notes.map(\.id.rawValue).sorted() == (1...10).filter { $0 != 8 }.map { "n-\($0)" }.sorted())
        #expect(try reopened.commit(SampleStore.addNote(11)).seq == 11)
    }

    @Test("item 6: later entries whose before-images match are offered, those that depend on the lost one are not; nothing is replayed without yes")
    func laterEntries() throws {
        let edits: [Edit] = [SampleStore.addNote(1), SampleStore.addNote(2),
                             .editNote(NoteID("n-2"), text: "Edited", at: Timestamp(secondsSince1970: 1_750_000_100)),
                             SampleStore.addNote(4), SampleStore.addNote(5)]
        for replay in [false, true] {
            let path = try store(edits, name: "store-\(replay)")
            try damage(path + "/journal.jsonl", line: 2)
            let store = try openForRepair(path)
            var plan = try store.planRepair()
            #expect(plan.broughtBack == [1] && plan.lost.map(\.seq) == [2])
            #expect(plan.replayable.map(\.seq) == [4, 5])
            #expect(plan.notReplayable.map(\.seq) == [3])
            #expect(plan.undoStartsAfresh)
            plan.replayLater = replay
            try store.repair(plan)
            let reopened = try Store.open(path, options: SampleStore.options(readOnly: true))
            #expect(reopened.dataset.notes.map(\.id.rawValue) == (replay ? ["n-1", "n-4", "n-5"] : ["n-1"]))
            #expect(reopened.lastSeq == 5, "the numbers of the entries set aside stay used")
        }
    }

    @Test("item 4: opened as repair opens it, a torn tail is left in place until the plan to cut it is carried out")
    func tornTailWaitsForTheAnswer() throws {
        let path = try store([SampleStore.addNote(1)])
        let journal = path + "/journal.jsonl"
        let good = try #require(try POSIXFileSystem().read(journal))
        let torn = Array(#"{"crc":"0badf00d","len":500,"rec":{"ch"#.utf8)
        try Data(good + torn).write(to: URL(fileURLWithPath: journal))
        let store = try openForRepair(path)
        let plan = try store.planRepair()
        #expect(try POSIXFileSystem().read(journal) == good + torn, "opening and planning cut nothing")
        guard case .cutTornTail(let line, _, _)? = plan.steps.first else {
            Issue.record("expected a plan to cut the torn tail, got \(plan.steps)")
            return
        }
        #expect(line == 2)
        try store.repair(plan)
        #expect(try POSIXFileSystem().read(journal) == good)
    }

    @Test("a whole store needs no repair")
    func wholeStore() throws {
        let path = try store([SampleStore.addNote(1)])
        let plan = try openForRepair(path).planRepair()
        #expect(plan.isEmpty && plan.reason.contains("whole"))
    }

    @Test("compaction never deletes a backup generation holding the only copy of an entry's bytes: a damaged one goes to quarantine/")
    func pruningKeepsDamagedGenerations() throws {
        let path = try store((1...9).map(SampleStore.addNote), compactAfter: 3)
        // Generations 0, 3 and 6 are in backups/; damage the oldest, which the next compaction prunes.
        let oldest = path + "/backups/journal-0.jsonl"
        try damage(oldest, line: 2)
        let damaged = try #require(try POSIXFileSystem().read(oldest))
        var options = SampleStore.options()
        options.compactAfterEntries = 3
        let store = try Store.open(path, options: options)
        for n in 10...12 { try store.commit(SampleStore.addNote(n)) }
        store.close()
        #expect(!FileManager.default.fileExists(atPath: oldest), "the generation was pruned from backups/")
        let kept = FileState.all(under: path + "/quarantine").values.filter { $0.kind == "file" }.map(\.bytes)
        #expect(kept.contains(damaged), "its damaged journal was deleted instead of kept in quarantine/")
    }
}
