import Foundation
import OversightDomain
import OversightPostgres
import OversightStore
import OversightTestSupport
import Testing

/// The team store on a real PostgreSQL server: several writers, stale edits refused by name,
/// per-user undo, the round trip to and from a file store.
@Suite("Team store: several writers on one PostgreSQL database",
       .enabled(if: PostgresTestServer.isAvailable, "needs PostgreSQL: set OVERSIGHT_TEST_PG_URL, or install it (scripts/pg-test-cluster install)"))
struct TeamStoreTests {
    static func open(_ url: PostgresURL, as user: String, readOnly: Bool = false) throws -> PostgresStore {
        try PostgresStore.open(url, options: SampleStore.options(readOnly: readOnly, user: user))
    }

    static func journalCount(_ url: PostgresURL) throws -> Int {
        let store = try open(url, as: "counter", readOnly: true)
        defer { store.close(compacting: false) }
        return store.history.count
    }

    @Test("a stale edit is refused naming who changed the record and when; the refused store then shows their version")
    func staleEditRefused() throws {
        let url = try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: SampleDataset.make()))
        let alice = try Self.open(url, as: "alice")
        try alice.commit(.addNote(SampleDataset.note("n-1", text: "First draft")))
        let bob = try Self.open(url, as: "bob")
        try alice.commit(.editNote(NoteID("n-1"), text: "Alice's wording", at: alice.now))
        // Bob still sees "First draft": his edit is made against it and must not overwrite Alice's.
        #expect(bob.dataset.note(NoteID("n-1"))?.text == "First draft")
        #expect {
            try bob.commit(.editNote(NoteID("n-1"), text: "Bob's wording", at: bob.now))
        } throws: { error in
            guard case StoreError.conflict(let conflict) = error else { return false }
            return conflict.by == "alice" && conflict.at != nil && conflict.seq == 2
                && conflict.description.contains("alice changed note:n-1")
        }
        #expect(bob.dataset.note(NoteID("n-1"))?.text == "Alice's wording", "after the refusal Bob's copy shows Alice's version")
        #expect(bob.lastSeq == 2)
        // Made again against what he now sees, Bob's edit goes through.
        try bob.commit(.editNote(NoteID("n-1"), text: "Bob's wording", at: bob.now))
        try alice.catchUp()
        #expect(alice.dataset.note(NoteID("n-1"))?.text == "Bob's wording")
        #expect(try Self.journalCount(url) == 3, "two acknowledged edits of Alice's and one of Bob's; the refused one is not there")
        alice.close(compacting: false)
        bob.close(compacting: false)
    }

    @Test("edits to different records by different people both go through, numbered one after another")
    func differentRecordsBothSaved() throws {
        let url = try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: SampleDataset.make()))
        let alice = try Self.open(url, as: "alice")
        let bob = try Self.open(url, as: "bob")
        let first = try alice.commit(SampleStore.addNote(1))
        let second = try bob.commit(SampleStore.addNote(2))
        #expect(first.seq == 1)
        #expect(second.seq == 2, "Bob's entry follows Alice's, which his store read on the way")
        #expect(bob.dataset.notes.count == 2)
        let items = try alice.catchUp()
        #expect(items.map(\.user) == ["bob"])
        #expect(alice.dataset == bob.dataset)
        alice.close(compacting: false)
        bob.close(compacting: false)
    }

    @Test("u takes back my last edit, not a colleague's newer one; refused with a reason if someone changed that record since")
    func perUserUndo() throws {
        let url = try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: SampleDataset.make()))
        let alice = try Self.open(url, as: "alice")
        let bob = try Self.open(url, as: "bob")
        try alice.commit(SampleStore.addNote(1))
        try bob.commit(SampleStore.addNote(2))
        #expect(alice.nextUndo?.seq == 1, "Alice's undo is her own entry, though Bob's is newer")
        let undone = try alice.undo()
        #expect(undone.of == 1)
        #expect(alice.dataset.note(NoteID("n-1")) == nil)
        #expect(alice.dataset.note(NoteID("n-2")) != nil, "Bob's note stays")
        #expect(bob.nextUndo?.seq == 2)
        try alice.redo()

        // Bob edits Alice's note; her undo of adding it would now delete his wording: refused, naming him.
        try bob.catchUp()
        try bob.commit(.editNote(NoteID("n-1"), text: "Bob changed this", at: bob.now))
        #expect {
            try alice.undo()
        } throws: { error in
            guard case StoreError.conflict(let conflict) = error else { return false }
            return conflict.by == "bob"
        }
        #expect(alice.dataset.note(NoteID("n-1"))?.text == "Bob changed this")
        // The history shows everyone's entries, oldest first.
        #expect(alice.history.map(\.user) == ["alice", "bob", "alice", "alice", "bob"])
        alice.close(compacting: false)
        bob.close(compacting: false)
    }

    @Test("a file store carried to the team store and back has the same records, history and undo window")
    func roundTrip() throws {
        let scratch = ScratchDirectory("team-roundtrip")
        let source = scratch.appending("source")
        try Store.create(source, snapshot: SampleStore.snapshotBytes(SampleDataset.make()))
        let files = try Store.open(source, options: SampleStore.options(user: "secretary"))
        for n in 1...6 { try files.commit(SampleStore.addNote(n)) }
        try files.compact()
        try files.commit(.editNote(NoteID("n-3"), text: "Edited after compaction", at: files.now))
        try files.undo()
        try files.undo()
        try files.redo()
        let original = try files.transferPayload()
        files.close(compacting: false)

        let url = try TeamStoreDatabase.create(original)
        let team = try Self.open(url, as: "secretary")
        #expect(team.dataset == original.data)
        #expect(team.history == original.log)
        #expect(team.lastSeq == original.seq)
        #expect(team.nextUndo?.seq == original.history.undo.last, "the same action is next to undo")
        #expect(team.nextRedo?.seq == original.history.redo.last)
        let exported = try team.exportPayload()
        team.close(compacting: false)

        let back = scratch.appending("back")
        try Store.create(back, snapshot: SnapshotCodec.encode(exported))
        let copy = try Store.open(back, options: SampleStore.options(user: "secretary"))
        #expect(copy.dataset == original.data)
        #expect(copy.history == original.log)
        #expect(copy.lastSeq == original.seq)
        #expect(copy.nextUndo == files.nextUndo)
        #expect(try copy.transferPayload() == original, "records, history and undo window all come back the same")
        // And the copy still works as a store: undo reaches back through what came from the team store.
        try copy.undo()
        copy.close(compacting: false)
    }

    @Test("init refuses a database that already holds a store, and leaves it as it was")
    func createRefusesExisting() throws {
        let url = try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: SampleDataset.make()))
        let store = try Self.open(url, as: "alice")
        try store.commit(SampleStore.addNote(1))
        #expect(throws: StoreError.self) { try PostgresStore.create(url, from: SnapshotPayload(seq: 0, data: Dataset())) }
        let again = try Self.open(url, as: "alice", readOnly: true)
        #expect(again.dataset.notes.count == 1)
        store.close(compacting: false)
        again.close(compacting: false)
    }

    @Test("the journal is append-only in the database itself: even its owner cannot change or delete an entry")
    func journalAppendOnly() throws {
        let url = try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: SampleDataset.make()))
        let store = try Self.open(url, as: "alice")
        try store.commit(SampleStore.addNote(1))
        store.close(compacting: false)
        #expect(throws: StoreError.self) { try PostgresDatabases.run("UPDATE oversight.journal SET who = 'mallory'", on: url) }
        #expect(throws: StoreError.self) { try PostgresDatabases.run("DELETE FROM oversight.journal", on: url) }
        #expect(throws: StoreError.self) { try PostgresDatabases.run("TRUNCATE oversight.journal", on: url) }
        let again = try Self.open(url, as: "alice", readOnly: true)
        #expect(again.history.map(\.user) == ["alice"])
        again.close(compacting: false)
    }
}
