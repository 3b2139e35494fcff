import OversightConsole
import OversightTerminal
import OversightDomain
import OversightTestSupport
import Testing

/// The history view: the journal newest first with its marks, narrowed to an organisation, filtered
/// with `/`, and Enter going to the record an entry changed.
@Suite struct HistoryScreenTests {
    let start = RecordingFixture.state()

    func rows(_ state: AppState) -> [String] {
        state.top.list.order.map { state.top.table.rows[$0].cells.map(\.searchText).joined(separator: " | ") }
    }

    @Test func theJournalIsListedNewestFirstWithWhoAndTheMarks() {
        let history = start.pressing(.character("H"))
        #expect(history.topKind == .history)
        #expect(rows(history) == [
            "5 | 20 Nov 2026 10:25 | secretary |  | Add action for Chief executive on RAAB",
            "4 | 20 Nov 2026 10:24 | chair | redo #2 | Add note on RAAB",
            "3 | 20 Nov 2026 10:23 | secretary | undo #2 | Add note on RAAB",
            "2 | 20 Nov 2026 10:22 | secretary |  | Add note on RAAB",
            "1 | 20 Nov 2026 10:21 | secretary |  | Segment decision for RAAA (NOF synthetic, 2026/27 Q2): 4",
        ])
    }

    @Test func anEntryUndoneAndNotRedoneIsMarkedUndone() {
        var items = RecordingFixture.items
        items.removeLast(2) // the redo and the action
        let history = AppState(dataset: RecordingFixture.dataset, today: ConsoleFixture.today, size: Size(width: 80, height: 24),
                               history: HistoryPage(items, in: RecordingFixture.dataset)).pressing(.character("H"))
        #expect(rows(history).last(where: { $0.hasPrefix("2 |") })?.contains("| undone |") == true, "\(rows(history))")
    }

    @Test func fromAScorecardTheHistoryIsOfThatOrganisationAndOWidensIt() {
        let scorecard = start.pressing(.character(":")).typing("RAAB").pressing(.enter)
        let own = scorecard.pressing(.character("H"))
        #expect(own.top.screen.crumb(own.context) == "History of RAAB")
        #expect(rows(own).map { $0.prefix(1) } == ["5", "4", "3", "2"])
        let all = own.pressing(.character("o"))
        #expect(rows(all).count == 5 && all.message?.text == "Showing every entry.")
        let narrowed = all.pressing(.end, .character("o"))
        #expect(narrowed.top.screen.crumb(narrowed.context) == "History of RAAA", "o narrows to the selected entry's organisation")
        #expect(rows(narrowed).count == 1)
    }

    @Test func slashFiltersTheHistory() {
        let filtered = start.pressing(.character("H"), .character("/")).typing("note !undo")
        #expect(rows(filtered).map { $0.prefix(1) } == ["4", "2"])
    }

    @Test func enterGoesToWhatTheEntryChangedAndEscComesBack() {
        let history = start.pressing(.character("H"))
        let decision = history.pressing(.end, .enter)
        #expect(decision.topKind == .scorecard && decision.stack.last?.screen.pathKey == "RAAA")
        #expect(decision.message?.text.hasPrefix("Went to: Segment decision for RAAA") == true)
        #expect(decision.pressing(.escape).topKind == .history)
        let action = history.pressing(.enter)
        #expect(action.topKind == .actions && action.selectedKey == "a-1")
        let note = history.pressing(.down, .enter)
        #expect(note.topKind == .notes)
        #expect(note.message?.text.contains("no longer in the store") == true, "the note is not in this dataset: \(note.message?.text ?? "")")
    }
}
