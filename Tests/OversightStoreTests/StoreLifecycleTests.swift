import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

@Suite("Store lifecycle: create, commit, undo, redo, reopen")
struct StoreLifecycleTests {
    @Test("a new store is private: directory 0700, files 0600")
    func privateModes() throws {
        let scratch = ScratchDirectory()
        let path = SampleStore.create(in: scratch)
        let fs = POSIXFileSystem()
        #expect(fs.mode(path) == 0o700)
        for name in ["snapshot.json", "journal.jsonl", "README.txt"] {
            #expect(fs.mode(path + "/" + name) == 0o600, "\(name) should be 0600")
        }
    }

    @Test("init refuses to overwrite a directory with files in it")
    func initRefuses() {
        let scratch = ScratchDirectory()
        let path = SampleStore.create(in: scratch)
        #expect(throws: StoreError.alreadyExists(path)) { try Store.create(path, snapshot: SampleStore.snapshotBytes()) }
    }

    @Test("a commit survives a reopen, and so do undo and redo")
    func undoAcrossRestart() throws {
        let scratch = ScratchDirectory()
        let path = SampleStore.create(in: scratch)
        do {
            let store = try Store.open(path, options: SampleStore.options())
            try store.commit(SampleStore.addNote(1))
            try store.commit(SampleStore.addNote(2))
            #expect(store.dataset.notes.count == 2)
            store.close(compacting: false)
        }
        do {
            let store = try Store.open(path, options: SampleStore.options())
            #expect(store.dataset.notes.count == 2)
            #expect(store.nextUndo?.label == "Add note on RAA")
            let undone = try store.undo()
            #expect(undone.kind == .undo && undone.of == 2)
            #expect(store.dataset.notes.map(\.id) == ["n-1"])
            store.close(compacting: false)
        }
        do {
            let store = try Store.open(path, options: SampleStore.options())
            #expect(store.dataset.notes.map(\.id) == ["n-1"], "the undo must survive a restart")
            #expect(store.canRedo)
            try store.redo()
            #expect(store.dataset.notes.count == 2)
            try store.undo()
            try store.undo()
            #expect(store.dataset == Store.openedSample(), "undoing everything returns the start")
            #expect(throws: StoreError.nothingToUndo) { try store.undo() }
            store.close()
        }
    }

    @Test("a new edit after an undo clears redo")
    func linearUndo() throws {
        let scratch = ScratchDirectory()
        let store = try Store.open(SampleStore.create(in: scratch), options: SampleStore.options())
        try store.commit(SampleStore.addNote(1))
        try store.undo()
        #expect(store.canRedo)
        try store.commit(SampleStore.addNote(2))
        #expect(!store.canRedo)
        #expect(throws: StoreError.nothingToRedo) { try store.redo() }
    }

    @Test("compaction keeps the data and the undo window, and backups hold the old generation")
    func compactionKeepsUndo() throws {
        let scratch = ScratchDirectory()
        let path = SampleStore.create(in: scratch)
        var options = SampleStore.options()
        options.compactAfterEntries = 5
        let store = try Store.open(path, options: options)
        for n in 1...12 { try store.commit(SampleStore.addNote(n)) }
        #expect(store.dataset.notes.count == 12)
        store.close(compacting: false)
        let fs = POSIXFileSystem()
        #expect(try fs.list(path + "/backups").contains { $0.hasPrefix("snapshot-") })
        let reopened = try Store.open(path, options: SampleStore.options())
        #expect(reopened.dataset.notes.count == 12)
        #expect(reopened.undoDepth == 12, "undo reaches back past two compactions")
        for _ in 1...12 { try reopened.undo() }
        #expect(reopened.dataset == Store.openedSample())
        #expect(reopened.history.count == 24, "history lists every entry across compactions")
    }

    @Test("a second process opens read-only and names the holder")
    func secondOpenerIsReadOnly() throws {
        let scratch = ScratchDirectory()
        let path = SampleStore.create(in: scratch)
        let first = try Store.open(path, options: SampleStore.options())
        let second = try Store.open(path, options: SampleStore.options(fileSystem: POSIXFileSystem()))
        #expect(first.readOnlyReason == nil)
        #expect(second.readOnlyReason == .lockedByAnotherProcess(pid: getpid()))
        #expect(throws: StoreError.readOnly(.lockedByAnotherProcess(pid: getpid()))) { try second.commit(SampleStore.addNote(1)) }
    }

    @Test("invalid edits are refused and nothing is written")
    func invalidEditWritesNothing() throws {
        let scratch = ScratchDirectory()
        let path = SampleStore.create(in: scratch)
        let store = try Store.open(path, options: SampleStore.options())
        #expect(throws: StoreError.self) { try store.commit(.addNote(SampleDataset.note(text: ""))) }
        #expect(try POSIXFileSystem().read(path + "/journal.jsonl") == [])
    }

    @Test("a torn last line is moved to quarantine and trimmed; everything before it stays")
    func tornTail() throws {
        let scratch = ScratchDirectory()
        let path = SampleStore.create(in: scratch)
        do {
            let store = try Store.open(path, options: SampleStore.options())
            try store.commit(SampleStore.addNote(1))
            store.close(compacting: false)
        }
        let journal = path + "/journal.jsonl"
        let good = try #require(try POSIXFileSystem().read(journal))
        try Data(good + Array(#"{"crc":"0000"#.utf8)).write(to: URL(fileURLWithPath: journal))
        let store = try Store.open(path, options: SampleStore.options())
        #expect(store.readOnlyReason == nil)
        #expect(store.dataset.notes.count == 1)
        #expect(store.notices.contains { $0.contains("quarantine") })
        #expect(try POSIXFileSystem().read(journal) == good)
        #expect(try POSIXFileSystem().list(path + "/quarantine").count == 1)
    }

    @Test("damage in the middle of the journal opens read-only and changes nothing")
    func middleDamage() throws {
        let scratch = ScratchDirectory()
        let path = SampleStore.create(in: scratch)
        do {
            let store = try Store.open(path, options: SampleStore.options())
            try store.commit(SampleStore.addNote(1))
            try store.commit(SampleStore.addNote(2))
            store.close(compacting: false)
        }
        let journal = path + "/journal.jsonl"
        var bytes = try #require(try POSIXFileSystem().read(journal))
        bytes[40] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: journal))
        let store = try Store.open(path, options: SampleStore.options())
        guard case .damagedJournal(let line, _, _)? = store.readOnlyReason else {
            Issue.record("expected a damaged-journal read-only store, got \(String(describing: store.readOnlyReason))")
            return
        }
        #expect(line == 1)
        #expect(try POSIXFileSystem().read(journal) == bytes, "a damaged journal is never changed on open")
    }
}

extension Store {
    /// The sample dataset as a store holds it (normalised).
    static func openedSample() -> Dataset {
        var data = SampleDataset.make()
        data.normalise()
        return data
    }
}
