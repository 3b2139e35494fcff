import Foundation
import OversightConsole
import OversightTerminal
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// The session against a real store (in a scratch directory) and a headless terminal: a save is
/// journaled and said, undo and redo say what they did and put the cursor back on what changed,
/// the history lists it all, and a store that cannot write keeps the form and says why.
@Suite struct RecordingSessionTests {
    let scratch = ScratchDirectory("console-recording")
    let size = Size(width: 80, height: 24)

    func open(readOnly: Bool = false, dataset: Dataset = ConsoleFixture.dataset) throws -> (ConsoleSession, Store) {
        let path = scratch.appending("store")
        if !FileManager.default.fileExists(atPath: path + "/snapshot.json") {
            try Store.create(path, snapshot: SnapshotCodec.encode(SnapshotPayload(seq: 0, data: dataset)))
        }
        let store = try Store.open(path, options: StoreOptions(readOnly: readOnly, user: "secretary",
                                                               clock: SampleStore.tickingClock(from: 1_795_170_000)))
        let session = ConsoleSession(store: store, terminal: HeadlessTerminal(size: size), today: ConsoleFixture.today)
        return (session, store)
    }

    func press(_ session: ConsoleSession, _ keys: Key...) {
        for key in keys { _ = session.handle(.key(key)) }
    }

    func type(_ session: ConsoleSession, _ text: String) {
        for character in text { _ = session.handle(.key(.character(character))) }
    }

    func lines(_ grid: Grid) -> [String] { grid.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    var decision: ScorecardID { ScorecardID(org: "RAAA", framework: SyntheticDataset.framework, period: .quarter(2026, 2)) }

    @Test func aDecisionIsSavedUndoneFromElsewhereWithTheCursorBackOnItAndRedone() throws {
        let (session, store) = try open()
        press(session, .enter, .enter, .enter, .character("d"), .tab, .control("u"))
        type(session, "Agreed at the regional board")
        press(session, .function(2))
        #expect(store.dataset.scorecard(decision)?.decision?.rationale == "Agreed at the regional board")
        #expect(session.state.message?.text.hasPrefix("Saved: RAAA decision 3 (2026/27 Q2), as computed.") == true)
        #expect(session.state.mode.kind == .browsing && session.state.form == nil)
        let screen = view(session.state, size: size).text
        #expect(screen.contains("saved 10:20"), "the status line says when it was saved:\n\(screen)")

        press(session, .escape, .escape, .escape)
        #expect(session.state.topKind == .overview)
        press(session, .character("u"))
        #expect(store.dataset.scorecard(decision)?.decision?.rationale == "Generated")
        #expect(session.state.message?.text.hasPrefix("Undone: Segment decision for RAAA") == true)
        #expect(session.state.topKind == .scorecard && session.state.stack.last?.screen.pathKey == "RAAA",
                "undo went to the scorecard it changed: \(session.state.crumbKinds)")

        press(session, .control("r"))
        #expect(store.dataset.scorecard(decision)?.decision?.rationale == "Agreed at the regional board")
        #expect(session.state.message?.text.hasPrefix("Redone: Segment decision for RAAA") == true)

        press(session, .character("H"))
        #expect(session.state.topKind == .history)
        let rows = session.state.top.table.rows.map { $0.cells.map(\.searchText).joined(separator: " | ") }
        #expect(rows.count == 3, "\(rows)")
        #expect(rows[0].contains("redo #1") && rows[1].contains("undo #1"), "newest first, marked: \(rows)")
        press(session, .down, .down, .enter)
        #expect(session.state.topKind == .scorecard, "Enter on an entry goes to what it changed")
        press(session, .escape)
        #expect(session.state.topKind == .history, "and Esc comes back to the history")
    }

    /// The user took "saved" to mean the segment was now 3: the message says what stands, on one line at 80 columns.
    @Test func savingADecisionTheMethodDoesNotApplySaysTheComputedSegmentStandsOnOneLine() throws {
        let (session, _) = try open()
        press(session, .enter, .enter, .enter, .character("d"), .down, .tab, .control("u"))
        type(session, "Finances worse than the metrics show")
        press(session, .function(2))
        let lines = lines(view(session.state, size: size))
        #expect(lines[22].hasPrefix("Saved: RAAA decision 4 (2026/27 Q2); computed 3 stands. u undoes it."), "\(lines.suffix(3))")
        #expect(lines[21].hasPrefix("  Notes"), "the message did not push the screen up: \(lines.suffix(3))")
    }

    /// A long message wraps, but never between a key and what it does ("u" / "undoes it").
    @Test func aWrappedMessageKeepsTheKeyWithItsVerb() throws {
        let (session, _) = try open()
        press(session, .enter, .enter, .enter, .character("d"), .tab, .control("u"))
        type(session, "Agreed")
        press(session, .function(2), .character("u"))
        // At 86 columns a plain word wrap leaves "Ctrl-R" at the end of the first line.
        let wide = lines(view(session.state, size: Size(width: 86, height: 24)))
        #expect(wide.contains { $0.hasPrefix("Ctrl-R brings it back.") }, "\(wide.suffix(4))")
        #expect(!wide.contains { $0.trimmingCharacters(in: .whitespaces).hasSuffix("Ctrl-R") })
    }

    @Test func undoingADeletedNotePutsTheCursorBackOnItsRow() throws {
        let (session, store) = try open()
        press(session, .enter, .enter, .enter, .character("N"), .delete, .character("y"))
        #expect(store.dataset.note("note-0") == nil)
        #expect(view(session.state, size: size).text.contains("Saved: Delete note on RAAA. u undoes it."))
        press(session, .character("u"))
        #expect(store.dataset.note("note-0") != nil)
        #expect(session.state.topKind == .notes && session.state.selectedKey == "note-0")
    }

    @Test func anActionAddedNationWideIsSelectedInTheList() throws {
        var data = ConsoleFixture.dataset
        data.actions = [Action(id: "a-old", subject: .organisation("RAAB"), text: "Older", owner: "CEO", due: nil,
                               created: Timestamp(secondsSince1970: 1_700_000_000))]
        let (session, store) = try open(dataset: data)
        press(session, .character("A"), .character("a"))
        type(session, "RAAC")
        press(session, .tab)
        type(session, "Write to the trust")
        press(session, .tab)
        type(session, "Secretary")
        press(session, .function(2))
        let added = try #require(store.dataset.actions.first { $0.id != "a-old" })
        #expect(added.subject == .organisation("RAAC"))
        #expect(session.state.topKind == .actions && session.state.selectedKey == added.id.rawValue)
    }

    @Test func aReadOnlyStoreSaysWhyWhenAnEditKeyIsPressed() throws {
        _ = try open()
        let (session, _) = try open(readOnly: true)
        #expect(view(session.state, size: size).text.contains("read-only (--read-only)"))
        press(session, .enter, .enter, .enter, .character("d"))
        #expect(session.state.form == nil)
        #expect(session.state.message?.text == "Nothing can be recorded: it was opened with --read-only; open it without that flag to edit.")
    }

    @Test func aStoreThatRefusesTheSaveKeepsTheFormAndWhatWasTyped() throws {
        let (session, store) = try open()
        press(session, .enter, .enter, .enter, .character("n"))
        type(session, "Typed before the store went away")
        store.close()
        press(session, .function(2))
        #expect(session.state.mode.kind == .form)
        #expect(session.state.form?.field("text")?.text == "Typed before the store went away")
        #expect(session.state.form?.notice?.text == "Not saved: the store is read-only. The store has been closed.")
    }

    @Test func undoWithNothingToUndoSaysSo() throws {
        let (session, _) = try open()
        press(session, .character("u"))
        #expect(session.state.message == .init("Nothing to undo.", isError: true))
    }
}
