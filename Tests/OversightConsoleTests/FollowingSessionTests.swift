import Foundation
import OversightConsole
import OversightDomain
import OversightStore
import OversightTerminal
import OversightTestSupport
import Testing

/// A second console on a store another holds (the chair's projector beside the secretary's laptop)
/// follows the saves made to it: the real store opened twice, the session woken idle as the
/// terminal wakes it while nobody types.
@Suite struct FollowingSessionTests {
    let scratch = ScratchDirectory("console-following")
    var storePath: String { scratch.appending("store") }

    func stores() throws -> (editor: Store, follower: Store) {
        try Store.create(storePath, snapshot: SnapshotCodec.encode(SnapshotPayload(seq: 0, data: ConsoleFixture.dataset)))
        let editor = try Store.open(storePath, options: StoreOptions(user: "secretary", clock: SampleStore.tickingClock(from: 1_795_170_000)))
        let follower = try Store.open(storePath, options: StoreOptions(user: "chair", clock: SampleStore.tickingClock(from: 1_795_170_000)))
        return (editor, follower)
    }

    func following(_ store: Store) -> ConsoleSession {
        let options = StoreOptions(readOnly: true, user: "chair", clock: SampleStore.tickingClock(from: 1_795_171_000))
        return ConsoleSession(store: store, terminal: HeadlessTerminal(size: Size(width: 80, height: 24)), today: ConsoleFixture.today,
                              reopen: { [storePath] in try Store.open(storePath, options: options) })
    }

    func notes(_ session: ConsoleSession) -> Set<String> {
        Set(session.state.landscape.dataset.notes.filter { $0.subject == .organisation("RAAA") }.map(\.text))
    }

    func note(_ text: String) -> Edit {
        .addNote(Note(id: NoteID("n-" + text.prefix(8).lowercased()), subject: .organisation("RAAA"), text: text, author: "secretary",
                      created: Timestamp(secondsSince1970: 1_795_170_100)))
    }

    @Test func aSaveInTheEditorIsShownOnTheNextIdleLookWithWhoMadeIt() throws {
        let (editor, follower) = try stores()
        defer { editor.close() }
        #expect(follower.isReadOnly, "the second opening finds the lock held")
        let session = following(follower)
        for key in [Key.enter, .enter, .enter] { _ = session.handle([.key(key)]) }
        let screen = session.state.topKind

        let before = notes(session)
        session.refreshIfChanged()
        #expect(notes(session) == before, "nothing written, nothing read")

        try editor.commit(note("Recovery plan by March"))
        _ = session.handle([.idle])
        #expect(notes(session) == before.union(["Recovery plan by March"]))
        #expect(session.state.message?.text == "Updated by secretary: Add note on RAAA.", "\(session.state.message?.text ?? "")")
        #expect(session.state.topKind == screen, "the screen stays where it was")
        #expect(session.state.store.readOnly == ReadOnlyReason.lockedByAnotherProcess(pid: getpid()).short)
        #expect(session.state.store.explanation?.contains("shows its saves as they are made") == true)
        #expect(session.state.store.refreshed != nil)

        // An undo in the editor is followed too, and said as an undo.
        _ = try editor.undo()
        _ = session.handle([.idle])
        #expect(notes(session) == before)
        #expect(session.state.message?.text == "Updated by secretary: undid Add note on RAAA.")
    }

    @Test func aQuestionOnTheFollowerIsLeftOpenByARefresh() throws {
        let (editor, follower) = try stores()
        defer { editor.close() }
        let session = following(follower)
        _ = session.handle([.key(.escape)])
        #expect(session.state.mode.kind == .confirmingQuit, "Esc at the top asks whether to quit")
        try editor.commit(note("Question left open"))
        _ = session.handle([.idle])
        #expect(session.state.mode.kind == .confirmingQuit, "a refresh does not answer or close the question")
    }

    @Test func anEditableConsoleDoesNotFollow() throws {
        try Store.create(storePath, snapshot: SnapshotCodec.encode(SnapshotPayload(seq: 0, data: ConsoleFixture.dataset)))
        let store = try Store.open(storePath, options: StoreOptions(user: "secretary"))
        defer { store.close() }
        var reopened = 0
        let session = ConsoleSession(store: store, terminal: HeadlessTerminal(size: Size(width: 80, height: 24)), today: ConsoleFixture.today,
                                     reopen: { reopened += 1; return store })
        try store.commit(note("Not followed"))
        session.refreshIfChanged()
        #expect(reopened == 0, "the console that holds the store has nothing to follow")
        #expect(session.state.store.refreshed == nil)
    }
}
