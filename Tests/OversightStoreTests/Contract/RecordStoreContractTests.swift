import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// What every `RecordStore` must do, whatever keeps it, written against the protocol alone and run
/// on each backend in `RecordStoreBackend.all`: the console and the commands rely on exactly this.
@Suite("Record store contract: what every backend must do")
struct RecordStoreContractTests {
    /// A new store on the sample dataset, and where it is (the scratch directory lives as long as the value).
    struct Fixture {
        let scratch = ScratchDirectory("contract")
        let backend: RecordStoreBackend
        let location: String

        init(_ backend: RecordStoreBackend) throws {
            self.backend = backend
            location = try backend.create(SampleDataset.make(), scratch.path)
        }

        func open(readOnly: Bool = false) throws -> any RecordStore { try backend.open(location, readOnly) }
    }

    static func noteIDs(_ store: any RecordStore) -> [String] { store.dataset.notes.map(\.id.rawValue).sorted() }

    @Test("an edit saved is read back at once, numbered after the last, and is still there after a reopen", arguments: RecordStoreBackend.all)
    func appendThenRead(_ backend: RecordStoreBackend) throws {
        let fixture = try Fixture(backend)
        let store = try fixture.open()
        #expect(store.readOnlyReason == nil && store.damage == nil, "a new store opens for writing: \(String(describing: store.readOnlyReason))")
        let before = store.lastSeq
        let entry = try store.commit(SampleStore.addNote(1))
        #expect(entry.seq == before + 1 && entry.kind == .do && entry.of == nil)
        #expect(entry.user == store.user && entry.user == "contract")
        #expect(store.lastSeq == entry.seq)
        #expect(Self.noteIDs(store) == ["n-1"])
        #expect(store.dataset.notes.first?.text == "Note number 1")
        #expect(store.lastSaved == entry.ts)
        #expect(store.history.last?.seq == entry.seq && store.history.last?.label == entry.label)
        let saved = store.dataset
        store.close(compacting: false)

        let reopened = try fixture.open()
        #expect(reopened.dataset == saved, "the records after a reopen differ from those saved")
        #expect(reopened.lastSeq == entry.seq)
        #expect(reopened.history.last?.seq == entry.seq)
        reopened.close(compacting: false)
    }

    @Test("undo takes back the newest action as an entry of its own; redo does it again; a new action clears redo",
          arguments: RecordStoreBackend.all)
    func undoRedoMeaning(_ backend: RecordStoreBackend) throws {
        let fixture = try Fixture(backend)
        let store = try fixture.open()
        let initial = store.dataset
        #expect(store.nextUndo == nil && store.nextRedo == nil)
        #expect(throws: StoreError.nothingToUndo) { try store.undo() }
        #expect(throws: StoreError.nothingToRedo) { try store.redo() }

        let first = try store.commit(SampleStore.addNote(1))
        let afterFirst = store.dataset
        let second = try store.commit(SampleStore.addNote(2))
        let afterSecond = store.dataset
        #expect(store.nextUndo?.seq == second.seq)

        let undone = try store.undo()
        #expect(undone.kind == .undo && undone.of == second.seq && undone.seq == second.seq + 1)
        #expect(undone.label == second.label)
        #expect(store.dataset == afterFirst, "undo must give back the records exactly as they were")
        #expect(store.nextUndo?.seq == first.seq && store.nextRedo?.seq == second.seq)

        let redone = try store.redo()
        #expect(redone.kind == .redo && redone.of == second.seq && redone.seq == undone.seq + 1)
        #expect(store.dataset == afterSecond)
        #expect(store.nextRedo == nil)

        try store.undo()
        try store.undo()
        #expect(store.dataset == initial, "undoing everything gives back the store as it was made")
        #expect(throws: StoreError.nothingToUndo) { try store.undo() }
        #expect(store.nextRedo?.seq == first.seq)

        try store.commit(SampleStore.addNote(3))
        #expect(store.nextRedo == nil, "a new action clears redo")
        #expect(throws: StoreError.nothingToRedo) { try store.redo() }
        #expect(Self.noteIDs(store) == ["n-3"])
        store.close(compacting: false)
    }

    @Test("the history lists every entry oldest first, numbered one after another, saying what undo and redo refer to",
          arguments: RecordStoreBackend.all)
    func historyOrder(_ backend: RecordStoreBackend) throws {
        let fixture = try Fixture(backend)
        let store = try fixture.open()
        let start = store.lastSeq
        let already = store.history.count
        let a = try store.commit(SampleStore.addNote(1))
        let b = try store.commit(SampleStore.addNote(2))
        let u = try store.undo()
        let r = try store.redo()
        let c = try store.commit(.editNote(NoteID("n-1"), text: "Edited", at: Timestamp(secondsSince1970: 1_760_000_500)))
        let expected = [a, b, u, r, c]
        let listed = Array(store.history.dropFirst(already))
        #expect(listed.map(\.seq) == Array(start + 1...start + 5))
        #expect(listed.map(\.seq) == expected.map(\.seq))
        #expect(listed.map(\.kind) == [.do, .do, .undo, .redo, .do])
        #expect(listed.map(\.of) == [nil, nil, b.seq, b.seq, nil])
        #expect(listed.map(\.label) == expected.map(\.label))
        #expect(listed.allSatisfy { $0.user == "contract" })
        store.close(compacting: false)

        let reopened = try fixture.open()
        #expect(Array(reopened.history.dropFirst(already)) == listed, "the history after a reopen differs")
        reopened.close(compacting: false)
    }

    @Test("opened to read only, it says why and refuses every change, and nothing it refused is saved",
          arguments: RecordStoreBackend.all)
    func refusesWhenReadOnly(_ backend: RecordStoreBackend) throws {
        let fixture = try Fixture(backend)
        let writer = try fixture.open()
        try writer.commit(SampleStore.addNote(1))
        try writer.commit(SampleStore.addNote(2))
        try writer.undo()
        let saved = writer.dataset
        let lastSeq = writer.lastSeq
        writer.close(compacting: false)

        let reader = try fixture.open(readOnly: true)
        #expect(reader.isReadOnly && reader.readOnlyReason == .requested)
        #expect(reader.dataset == saved && reader.lastSeq == lastSeq, "a reader sees what was saved")
        #expect(throws: StoreError.readOnly(.requested)) { try reader.commit(SampleStore.addNote(3)) }
        #expect(throws: StoreError.readOnly(.requested)) { try reader.undo() }
        #expect(throws: StoreError.readOnly(.requested)) { try reader.redo() }
        #expect(reader.dataset == saved && reader.lastSeq == lastSeq, "a refused change must not show")
        reader.close(compacting: false)

        let again = try fixture.open()
        #expect(again.dataset == saved && again.lastSeq == lastSeq, "a refused change must not be saved")
        again.close(compacting: false)
    }

    @Test("a reader's change mark stays the same while nothing is written, and differs once another opener saves",
          arguments: RecordStoreBackend.all)
    func changeMarkFollowsWrites(_ backend: RecordStoreBackend) throws {
        let fixture = try Fixture(backend)
        let writer = try fixture.open()
        let reader = try fixture.open(readOnly: true)
        let quiet = reader.changeMark()
        #expect(reader.changeMark() == quiet, "looking twice with nothing written must give the same mark")
        try writer.commit(SampleStore.addNote(1))
        let afterSave = reader.changeMark()
        #expect(afterSave != quiet, "a save by another opener must change the mark")
        try writer.undo()
        #expect(reader.changeMark() != afterSave, "an undo by another opener must change the mark")
        let reopened = try fixture.open(readOnly: true)
        #expect(reopened.dataset == writer.dataset, "a reader opened after the saves sees them")
        writer.close(compacting: false)
        reader.close(compacting: false)
        reopened.close(compacting: false)
    }

    @Test("an edit that does not fit the records is refused, and nothing changes", arguments: RecordStoreBackend.all)
    func refusesInvalidEdit(_ backend: RecordStoreBackend) throws {
        let fixture = try Fixture(backend)
        let store = try fixture.open()
        try store.commit(SampleStore.addNote(1))
        let saved = store.dataset
        let lastSeq = store.lastSeq
        let history = store.history
        let refused: StoreError? = {
            do throws(StoreError) { try store.commit(.editNote(NoteID("no-such-note"), text: "x", at: Timestamp(secondsSince1970: 1_760_000_500))) } catch { return error }
            return nil
        }()
        guard case .invalidEdit? = refused else {
            Issue.record("an edit of a note that does not exist was not refused as invalid: \(String(describing: refused))")
            return
        }
        #expect(store.dataset == saved && store.lastSeq == lastSeq && store.history == history)
        #expect(store.nextUndo?.seq == lastSeq, "a refused edit must not reach the undo stack")
        store.close(compacting: false)
    }

    @Test("undo and redo reach back across a reopen, and a closed store writes nothing", arguments: RecordStoreBackend.all)
    func reopenSurvives(_ backend: RecordStoreBackend) throws {
        let fixture = try Fixture(backend)
        let store = try fixture.open()
        let initial = store.dataset
        let first = try store.commit(SampleStore.addNote(1))
        let second = try store.commit(SampleStore.addNote(2))
        let third = try store.commit(SampleStore.addNote(3))
        try store.undo()
        let saved = store.dataset
        store.close(compacting: false)
        #expect(store.isReadOnly, "a closed store says it cannot write")
        #expect(throws: StoreError.self) { try store.commit(SampleStore.addNote(4)) }

        let reopened = try fixture.open()
        #expect(reopened.dataset == saved)
        #expect(reopened.nextUndo?.seq == second.seq && reopened.nextRedo?.seq == third.seq)
        try reopened.redo()
        #expect(Self.noteIDs(reopened) == ["n-1", "n-2", "n-3"])
        reopened.close(compacting: true)

        let compacted = try fixture.open()
        #expect(compacted.nextUndo?.seq == third.seq, "undo must reach back after a compacting close too")
        try compacted.undo()
        try compacted.undo()
        try compacted.undo()
        #expect(compacted.nextUndo == nil && compacted.nextRedo?.seq == first.seq)
        #expect(compacted.dataset == initial)
        compacted.close(compacting: false)
    }
}
