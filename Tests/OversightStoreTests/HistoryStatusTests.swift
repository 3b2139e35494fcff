import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// The marks the journal list shows (shared by `oversight history` and the console's history view),
/// which organisations an entry is about, and the id format.
@Suite("History marks, organisations of an entry, record ids")
struct HistoryStatusTests {
    func store() throws -> Store {
        let scratch = ScratchDirectory()
        return try Store.open(SampleStore.create(in: scratch), options: SampleStore.options())
    }

    @Test("an undone entry is marked undone until it is redone; undo and redo name the entry")
    func marks() throws {
        let store = try store()
        try store.commit(SampleStore.addNote(1))
        try store.undo()
        var status = HistoryStatus(store.history)
        #expect(status.describe(store.history[0]) == "Add note on RAA  [undone]")
        #expect(status.describe(store.history[1]) == "Undo #1: Add note on RAA")
        #expect(status.mark(store.history[1]) == "undo #1")
        try store.redo()
        status = HistoryStatus(store.history)
        #expect(!status.isUndone(store.history[0]), "redone, so no longer undone")
        #expect(status.describe(store.history[2]) == "Redo #1: Add note on RAA")
    }

    @Test("an entry is about the organisation of its scorecard, note or intervention, kept in the entry so a deleted note still says")
    func organisations() throws {
        let store = try store()
        try store.commit(SampleStore.addNote(1))
        let event = InterventionEvent(id: "ev-1", date: .ymd(2025, 7, 1), text: "Review", provenance: .recorded)
        try store.commit(.addInterventionEvent("int-RAA-rsp", event))
        try store.commit(.deleteNote("n-1"))
        for item in store.history {
            #expect(item.organisations(in: store.dataset) == [SampleDataset.acute], "\(item.label)")
            #expect(item.subjects == [.organisation(SampleDataset.acute)], "\(item.label)")
        }
        #expect(!store.history[0].organisations(in: store.dataset).contains("RBB"))
    }

    /// Summaries written before they named their subjects still decode, and are read by their keys.
    @Test("a summary without subjects (an older snapshot's log) still reads, by its keys")
    func olderSummaries() throws {
        let older = #"{"seq":1,"ts":"2026-11-23T23:40:00Z","user":"secretary","kind":"do","cmd":"note.add","label":"Add note on RAA","keys":["note:n-1","scorecard:RAA/nof-test/2025-26-Q1"]}"#
        let item = try JSONValueDecoder().decode(HistoryItem.self, from: try JSONParser.parse(Array(older.utf8)))
        #expect(item.subjects == nil)
        #expect(item.organisations(in: SampleDataset.make()) == [SampleDataset.acute], "the scorecard key names RAA; the note is not in the data")
    }

    @Test("record ids carry the prefix, the time as digits and eight hex digits of salt")
    func recordID() {
        let time = Timestamp.parse("2026-11-23T23:40:00Z")!
        #expect(Store.recordID("n", at: time, salt: 0x1a2b) == "n-20261123234000-00001a2b")
        #expect(Store.recordID("a", at: time, salt: .max) == "a-20261123234000-ffffffff")
    }
}
