import Foundation
import OversightConsole
import OversightTerminal
import OversightDomain
import OversightStore
import Testing

/// Times on the user's clock: the journal keeps UTC, a meeting is minuted in local time.
@Suite struct LocalTimeTests {
    static let london = LocalTime(zone: TimeZone(identifier: "Europe/London")!)
    /// 2026-06-09T13:05:00Z, in British Summer Time.
    static let summer = Timestamp.parse("2026-06-09T13:05:00Z")!
    /// 2026-11-23T23:40:00Z, in Greenwich Mean Time.
    static let winter = Timestamp.parse("2026-11-23T23:40:00Z")!

    @Test("in England a summer time is an hour ahead of UTC and named BST; a winter one is GMT")
    func england() {
        #expect(Self.london.named(Self.summer) == "9 Jun 2026 14:05 BST")
        #expect(Self.london.named(Self.winter) == "23 Nov 2026 23:40 GMT")
        #expect(Self.london.heading(at: Self.summer) == "UK time")
    }

    @Test("a time that crosses midnight on the local clock shows the local day")
    func crossesMidnight() {
        let late = Timestamp.parse("2026-06-09T23:30:00Z")!
        #expect(Self.london.display(late) == "10 Jun 2026 00:30")
    }

    @Test("UTC stays UTC; other zones by their abbreviation or offset")
    func elsewhere() {
        #expect(LocalTime.utc.named(Self.summer) == "9 Jun 2026 13:05 UTC")
        let india = LocalTime(zone: TimeZone(secondsFromGMT: 19_800)!)
        #expect(india.display(Self.summer) == "9 Jun 2026 18:35")
        #expect(india.name(Self.summer).hasSuffix("5:30") || india.name(Self.summer) == "IST", "\(india.name(Self.summer))")
    }

    @Test("the history view shows times on the session's clock")
    func historyUsesTheClock() throws {
        let size = Size(width: 80, height: 24)
        var state = ConsoleFixture.state(size)
        state = AppState(dataset: state.landscape.dataset, today: state.landscape.today, size: size,
                         history: HistoryPage([HistoryItem(JournalEntry(seq: 1, ts: Self.summer, user: "board secretary", kind: .do, of: nil,
                                                                        cmd: "note.add", label: "Add note", change: Change([])))],
                                              in: state.landscape.dataset),
                         time: Self.london).fulfilled()
        let grid = view(state.pressing(.character("H")), size: size)
        let lines = (0..<size.height).map(grid.line)
        #expect(lines.contains { $0.contains("When (UK time)") }, "\(lines.joined(separator: "\n"))")
        #expect(lines.contains { $0.contains("9 Jun 2026 14:05") && !$0.contains("BST") })
        #expect(lines.contains { $0.contains("9 Jun 2026 14:05 BST") })
    }
}
