import Foundation
import OversightConsole
import OversightDomain
import OversightPostgres
import OversightStore
import OversightTerminal
import OversightTestSupport
import Testing

/// Consoles on one team store (PostgreSQL): each shows the others' saves in place, saying who
/// changed what, and a stale save is refused by name with the form kept.
@Suite("Consoles on a team store",
       .enabled(if: PostgresTestServer.isAvailable, "needs PostgreSQL: set OVERSIGHT_TEST_PG_URL, or install it (scripts/pg-test-cluster install)"))
struct TeamStoreSessionTests {
    static func database() throws -> PostgresURL {
        let server = try PostgresURL(try PostgresTestServer.require().url)
        let url = server.with(database: "oversight_console_" + UUID().uuidString.lowercased().replacing("-", with: ""))
        try PostgresDatabases.create(url.database, on: server)
        try PostgresStore.create(url, from: SnapshotPayload(seq: 0, data: ConsoleFixture.dataset))
        return url
    }

    static func open(_ url: PostgresURL, as user: String) throws -> PostgresStore {
        try PostgresStore.open(url, options: StoreOptions(user: user, clock: SampleStore.tickingClock(from: 1_795_170_000)))
    }

    func note(_ text: String) -> Edit {
        .addNote(Note(id: NoteID("n-" + text.prefix(8).lowercased()), subject: .organisation("RAAA"), text: text, author: "secretary",
                      created: Timestamp(secondsSince1970: 1_795_170_100)))
    }

    @Test("a colleague's save is shown on the next idle look with who made it; the console stays editable")
    func othersSavesShown() throws {
        let url = try Self.database()
        let mine = try Self.open(url, as: "chair")
        let colleague = try Self.open(url, as: "secretary")
        defer { colleague.close(compacting: false) }
        let session = ConsoleSession(store: mine, terminal: HeadlessTerminal(size: Size(width: 80, height: 24)), today: ConsoleFixture.today)
        let before = session.state.landscape.dataset.notes.count
        _ = session.handle([.idle])
        #expect(session.state.message == nil, "nothing written, nothing said")

        try colleague.commit(note("Recovery plan by March"))
        _ = session.handle([.idle])
        #expect(session.state.landscape.dataset.notes.count == before + 1)
        #expect(session.state.message?.text == "Updated by secretary: Add note on RAAA.", "\(session.state.message?.text ?? "")")
        #expect(session.state.store.readOnly == nil, "a team store's console stays editable while it follows")
    }

    @Test("while a form is open the console does not catch up; after the form closes it does")
    func notWhileAFormIsOpen() throws {
        let url = try Self.database()
        let mine = try Self.open(url, as: "chair")
        let colleague = try Self.open(url, as: "secretary")
        defer { colleague.close(compacting: false) }
        let session = ConsoleSession(store: mine, terminal: HeadlessTerminal(size: Size(width: 80, height: 24)), today: ConsoleFixture.today)
        for key in [Key.enter, .enter, .enter] { _ = session.handle([.key(key)]) }
        _ = session.handle([.key(.character("n"))])
        guard session.state.mode.kind == .form else {
            Issue.record("n should open the note form on an organisation's screen (mode \(session.state.mode.kind))")
            return
        }
        let before = mine.lastSeq
        try colleague.commit(note("Written while the form was open"))
        _ = session.handle([.idle])
        #expect(mine.lastSeq == before, "the form's edit is made against what the user saw when opening it")
        _ = session.handle([.key(.escape)])
        if session.state.mode.kind != .form && session.state.mode.kind != .browsing {
            _ = session.handle([.key(.character("y"))])
        }
        _ = session.handle([.idle])
        #expect(mine.lastSeq == before + 1, "once the form is closed the console catches up")
    }
}
