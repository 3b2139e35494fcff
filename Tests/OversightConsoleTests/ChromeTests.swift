import OversightConsole
import OversightDomain
import OversightStore
import Testing

/// The bottom two lines: the hint bar shows each F-key with its letter and gives way by priority;
/// the status line always ends with the store's state.
@Suite struct ChromeTests {
    func bottom(_ state: AppState, _ size: Size) -> (status: String, hints: String) {
        let grid = view(state, size: size)
        return (grid.line(size.height - 2), grid.line(size.height - 1))
    }

    @Test func aWideBarShowsEveryFunctionKeyWithItsLetter() {
        let size = Size(width: 160, height: 40)
        let hints = bottom(ConsoleFixture.state(size), size).hints
        for item in ["F1 ? Help", "F2 : Go to", "F3 / Filter", "F4 s Sort", "F5 e Era", "F6 f Framework", "F7 p Period", "F8 u Undo",
                     "F9 ^R Redo", "F10 Q Quit"] {
            #expect(hints.contains(item), "“\(item)” missing from: \(hints)")
        }
    }

    @Test func atEightyColumnsTheMostImportantStayAndTheBarFits() {
        let size = Size(width: 80, height: 24)
        let scorecard = ConsoleFixture.state(size).pressing(.enter, .enter, .enter)
        let hints = bottom(scorecard, size).hints
        for item in ["F1 ? Help", "F10 Q Quit", "d Decide", "F8 u Undo"] { #expect(hints.contains(item), "“\(item)” missing from: \(hints)") }
        #expect(DisplayWidth.of(String(hints.droppingTrailingSpacesForTest)) <= 80)
    }

    /// A second console opens on a long message (what is published this quarter): it still says read-only at once.
    @Test func aLongMessageNeverHidesThatTheStoreIsReadOnly() {
        let size = Size(width: 80, height: 24)
        var state = ConsoleFixture.state(size, readOnly: "read-only (another oversight is editing)")
        state.message = .init(String(repeating: "Published figures for every trust this quarter. ", count: 4))
        #expect(bottom(state, size).status.hasSuffix("read-only (another oversight is editing)"))
    }

    @Test func readOnlyLeavesTheEditKeysOffTheBar() {
        let size = Size(width: 160, height: 40)
        let hints = bottom(ConsoleFixture.state(size, readOnly: "read-only (--read-only)").pressing(.enter, .enter, .enter), size).hints
        for item in ["Undo", "Redo", "d Decide", "n Note", "a Action"] { #expect(!hints.contains(item), "\(item) on a read-only bar: \(hints)") }
    }

    @Test func theStatusLineEndsWithTheStoresState() {
        let size = Size(width: 80, height: 24)
        #expect(bottom(ConsoleFixture.state(size), size).status.hasSuffix("editable"))
        let saved = AppState(dataset: ConsoleFixture.dataset, today: ConsoleFixture.today, size: size,
                             store: .init(lastSaved: Timestamp.parse("2026-11-20T14:02:09Z"))).fulfilled()
        #expect(bottom(saved, size).status.hasSuffix("saved 14:02"))
        let readOnly = ConsoleFixture.state(size, readOnly: "read-only: open in another process (pid 4242)")
        #expect(bottom(readOnly, size).status.hasSuffix("read-only: open in another process (pid 4242)"))
    }
}

extension String {
    var droppingTrailingSpacesForTest: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[startIndex..<end]
    }
}
