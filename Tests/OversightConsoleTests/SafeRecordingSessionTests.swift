import Foundation
import OversightConsole
import OversightDomain
import OversightStore
import OversightTerminal
import OversightTestSupport
import Testing

/// Nothing recorded is taken back by accident: the session against a real store and a headless
/// terminal, with key times injected as the terminal would stamp them (no test reads a clock).
@Suite struct SafeRecordingSessionTests {
    let scratch = ScratchDirectory("console-safe-recording")
    let size = Size(width: 80, height: 24)
    var storePath: String { scratch.appending("store") }
    var drafts: DraftFile { DraftFile(path: scratch.appending("state/oversight/drafts/draft.json")) }

    func makeStore() throws {
        guard !FileManager.default.fileExists(atPath: storePath + "/snapshot.json") else { return }
        try Store.create(storePath, snapshot: SnapshotCodec.encode(SnapshotPayload(seq: 0, data: ConsoleFixture.dataset)))
    }

    func open(start: Int64 = 1_795_170_000) throws -> (ConsoleSession, Store) {
        try makeStore()
        let store = try Store.open(storePath, options: StoreOptions(user: "secretary", clock: SampleStore.tickingClock(from: start)))
        let session = ConsoleSession(store: store, terminal: HeadlessTerminal(size: size), today: ConsoleFixture.today, drafts: drafts)
        return (session, store)
    }

    /// Keys a person presses, `gap` milliseconds apart from `start`.
    func press(_ session: ConsoleSession, _ keys: [Key], from start: Int64, gap: Int64 = 150) {
        for (i, key) in keys.enumerated() { _ = session.handle([.key(key, at: start + Int64(i) * gap)]) }
    }

    func text(_ text: String) -> [Key] { text.map { Key.character($0) } }

    var scorecard: [Key] { [.enter, .enter, .enter] }

    func notes(_ store: Store) -> [String] { store.dataset.notes.filter { $0.subject == .organisation("RAAA") }.map(\.text) }

    /// A save made by a single deliberate key (moving an agenda item, answering y) has no typing running on after
    /// it: `]` pressed again, or `u` straight after, acts at once instead of being set aside as text.
    @Test func keysStraightAfterAOneKeySaveAreCommands() throws {
        var data = ConsoleFixture.dataset
        let meeting = Meeting(id: "m-1", title: "Board", kind: .board, date: .ymd(2026, 12, 3), startMinutes: 600,
                              items: ["i-1", "i-2", "i-3"].map { AgendaItem(id: AgendaItemID($0), subject: .topic($0), reason: "") },
                              created: Timestamp(secondsSince1970: 1_790_000_000))
        data = try Edit.addMeeting(meeting).apply(to: data).0
        try Store.create(storePath, snapshot: SnapshotCodec.encode(SnapshotPayload(seq: 0, data: data)))
        let (session, store) = try open()
        press(session, [.character("M"), .enter, .character("]")], from: 0, gap: 400)
        press(session, [.character("]")], from: 1_400)
        #expect(store.dataset.meeting("m-1")?.items.map(\.id.rawValue) == ["i-2", "i-3", "i-1"], "both moves were made")
        press(session, [.character("u")], from: 1_900)
        #expect(store.dataset.meeting("m-1")?.items.map(\.id.rawValue) == ["i-2", "i-1", "i-3"], "u undid the last move at once")
        #expect(session.state.setAside == nil)
    }

    /// The issue's first finding: after a note was saved, "update from the trust" undid it (u), moved the
    /// period back (p) and opened a decision form (d). Now the note keeps its new line, F2 saves it, and typing
    /// that runs on after the save is set aside, kept for a note, and nothing is done.
    @Test func typingThatRunsOnAfterASaveIsSetAsideAndUndoesNothing() throws {
        let (session, store) = try open()
        press(session, scorecard + [.character("n")] + text("Board discussed finances") + [.enter] + text("Second line"), from: 0, gap: 120)
        #expect(session.state.form?.field("text")?.text == "Board discussed finances\nSecond line", "Enter started a new line")
        press(session, [.function(2)], from: 10_000)
        #expect(notes(store).contains("Board discussed finances\nSecond line"))
        let period = session.state.viewpoint.period
        press(session, text("update from the trust") + [.enter], from: 10_150, gap: 140)
        #expect(notes(store).contains("Board discussed finances\nSecond line"), "nothing was undone")
        #expect(session.state.viewpoint.period == period, "p did not move the period")
        #expect(session.state.form == nil && session.state.mode.kind == .browsing, "d opened no form")
        #expect(session.state.message?.text == "That looked like typing, so nothing was done. Kept for a note (n): “update from the trust”.",
                "\(session.state.message?.text ?? "")")
        #expect(session.state.setAside == "update from the trust\n")

        // After a pause keys are commands again, and n starts a note with what was set aside: nothing typed is lost.
        press(session, [.character("n")], from: 20_000)
        #expect(session.state.form?.field("text")?.text == "update from the trust\n")
        #expect(session.state.form?.notice?.text.contains("set aside") == true)
    }

    /// A two-line paste in a terminal without bracketed paste undid two notes, one saved in an earlier run.
    @Test func aPasteWithoutBracketedPasteIsNeverReadAsCommands() throws {
        try makeStore()
        do {
            let earlier = try Store.open(storePath, options: StoreOptions(user: "secretary", clock: SampleStore.tickingClock(from: 1_795_000_000)))
            try earlier.commit(.addNote(Note(id: "n-earlier", subject: .organisation("RAAA"), text: "From an earlier meeting", author: "secretary",
                                             created: Timestamp(secondsSince1970: 1_795_000_000))))
            earlier.close()
        }
        let (session, store) = try open()
        let paste = (text("undo this") + [.enter] + text("quit now") + [.enter]).map { TerminalEvent.key($0, at: 5_000) }
        #expect(session.handle(paste) == nil, "nothing quit")
        #expect(store.dataset.note("n-earlier") != nil, "nothing was undone")
        #expect(session.state.message?.text.contains("That looked like typing") == true)
        #expect(session.state.setAside == "undo this\nquit now\n")
        // n starts a note with what was set aside, and the same paste into it is text, line breaks and all, and does not save it.
        press(session, scorecard + [.character("n")], from: 10_000)
        #expect(session.state.form?.field("text")?.text == "undo this\nquit now\n")
        _ = session.handle(paste.map { if case .key(let key, _) = $0 { return .key(key, at: 20_000) } else { return $0 } })
        #expect(session.state.form?.field("text")?.text == "undo this\nquit now\nundo this\nquit now\n")
        #expect(session.state.mode.kind == .form)
    }

    /// Ctrl-C arrives as SIGINT: in a form with text it asks as Esc does; anywhere it never quits at once.
    @Test func ctrlCInAFormAsksAndNeverQuits() throws {
        let (session, _) = try open()
        press(session, scorecard + [.character("n")] + text("Half a minute"), from: 0)
        #expect(session.handle(.signal(SIGINT)) == nil)
        #expect(session.state.question?.text.hasPrefix("Throw away what you typed in “Add a note”?") == true)
        press(session, [.character("n")], from: 5_000)
        #expect(session.state.form?.field("text")?.text == "Half a minute", "n goes back to the form with the text")
        press(session, [.escape, .character("y")], from: 6_000)
        #expect(session.handle(.signal(SIGINT)) == nil, "Ctrl-C while browsing does not quit")
        #expect(session.state.mode.kind == .confirmingQuit)
        press(session, [.enter], from: 9_000)
        #expect(session.state.mode.kind == .confirmingQuit, "Enter does not answer the quit question")
        #expect(session.handle([.key(.character("y"), at: 10_000)]) == .quit)
    }

    /// A closed SSH window (SIGHUP) keeps the form's text as a private draft, which the next start offers back.
    @Test func aClosedWindowKeepsTheFormAsADraftOfferedAtTheNextStart() throws {
        var (session, store) = try open()
        press(session, scorecard + [.character("n")] + text("The board asked for") + [.enter] + text("a recovery plan"), from: 0)
        #expect(session.handle(.signal(SIGHUP)) == .signal(SIGHUP))
        store.close()
        var info = stat()
        #expect(stat(drafts.path, &info) == 0, "the draft was written")
        #expect(info.st_mode & 0o777 == 0o600, "and only its owner can read it")
        #expect(!FileManager.default.fileExists(atPath: storePath + "/" + (drafts.path as NSString).lastPathComponent))
        let kept = try String(contentsOfFile: drafts.path, encoding: .utf8)
        #expect(try !FileManager.default.contentsOfDirectory(atPath: storePath).contains { $0.contains("draft") }, "never in the store")
        #expect(kept.contains("a recovery plan"))

        (session, store) = try open()
        let offer = try #require(session.state.question?.text)
        #expect(offer.contains("“Add a note”") && offer.contains("y opens it again; n keeps it for later"), "\(offer)")
        press(session, [.enter], from: 0)
        #expect(session.state.question != nil, "Enter does not answer")
        press(session, [.character("y")], from: 1_000)
        #expect(session.state.form?.field("text")?.text == "The board asked for\na recovery plan")
        #expect(!FileManager.default.fileExists(atPath: drafts.path), "the reopened draft is not offered twice")
        press(session, [.function(2)], from: 2_000)
        #expect(notes(store).contains("The board asked for\na recovery plan"))
    }

    @Test func aDraftDeclinedIsKeptForLater() throws {
        var (session, store) = try open()
        press(session, scorecard + [.character("n")] + text("Keep me"), from: 0)
        _ = session.handle(.endOfInput)
        store.close()
        (session, store) = try open()
        press(session, [.character("n")], from: 0)
        #expect(session.state.mode.kind == .browsing && FileManager.default.fileExists(atPath: drafts.path))
        #expect(session.state.message?.text == "The draft is kept: it is offered again when oversight next starts.")
    }

    /// Undo of anything but the change just made here names it and asks; the message after names how to bring it back.
    @Test func undoOfAnEntryFromAnEarlierSittingAsksFirst() throws {
        try makeStore()
        do {
            let earlier = try Store.open(storePath, options: StoreOptions(user: "chair", clock: SampleStore.tickingClock(from: 1_795_000_000)))
            try earlier.commit(.addNote(Note(id: "n-earlier", subject: .organisation("RAAA"), text: "From an earlier meeting", author: "chair",
                                             created: Timestamp(secondsSince1970: 1_795_000_000))))
            earlier.close()
        }
        let (session, store) = try open()
        press(session, [.character("u")], from: 0)
        let question = try #require(session.state.question?.text)
        #expect(question.hasPrefix("Undo “Add note on RAAA”? It is not the change just made here (entry 1,"), "\(question)")
        #expect(question.contains("by chair") && question.hasSuffix("y undoes it (Ctrl-R brings it back), n leaves it."), "\(question)")
        press(session, [.character("n")], from: 2_000)
        #expect(store.dataset.note("n-earlier") != nil)
        press(session, [.character("u"), .character("y")], from: 4_000)
        #expect(store.dataset.note("n-earlier") == nil)
        #expect(session.state.message?.text == "Undone: Add note on RAAA. Ctrl-R\u{A0}brings\u{A0}it\u{A0}back.")
        // Redo of what was just undone here does not ask.
        press(session, [.control("r")], from: 6_000)
        #expect(store.dataset.note("n-earlier") != nil)
        #expect(session.state.message?.text == "Redone: Add note on RAAA. u\u{A0}takes\u{A0}it\u{A0}back.")
    }

    @Test func undoOfTheChangeJustMadeHereDoesNotAskButAfterAFewMinutesItDoes() throws {
        let (session, store) = try open()
        press(session, scorecard + [.character("n")] + text("Just now") + [.function(2)], from: 0)
        #expect(notes(store).contains("Just now"))
        var later = session.state
        later.setTime(Timestamp(secondsSince1970: 1_795_170_000 + Sitting.fresh + 60))
        #expect(update(later, .undo).1.isEmpty, "some minutes on, undo asks")
        #expect(update(later, .undo).0.question?.text.contains("It was made some minutes ago") == true)
        press(session, [.character("u")], from: 5_000)
        #expect(!notes(store).contains("Just now"), "the change just made is undone at once")
    }
}
