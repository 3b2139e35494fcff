import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// `M` lists meetings, upcoming first; Enter opens one's agenda; Enter on a trust's item opens its scorecard.
@Suite struct MeetingScreenTests {
    static func dataset() throws -> Dataset {
        var data = ConsoleFixture.dataset
        let created = Timestamp(secondsSince1970: 1_760_000_000)
        let past = Meeting(id: "m-past", title: "Board, October", kind: .board, date: .ymd(2026, 10, 1), startMinutes: 600, created: created)
        let next = Meeting(id: "m-next", title: "Regional oversight, December", kind: .regionalOversight, date: .ymd(2026, 12, 3), startMinutes: 570,
                           attendees: ["Chair"], apologies: ["Finance lead"],
                           items: [AgendaItem(id: "i-1", subject: .topic("Winter plan"), reason: "Standing item", minutes: 15),
                                   AgendaItem(id: "i-2", subject: .organisation("RAAA"), reason: "In segment 4", presenter: "Director", minutes: 20)],
                           created: created)
        let later = Meeting(id: "m-later", title: "Quality committee", kind: .qualityCommittee, date: .ymd(2027, 1, 10), startMinutes: 600, created: created)
        for meeting in [past, next, later] { data = try Edit.addMeeting(meeting).apply(to: data).0 }
        return data
    }

    @Test func mListsMeetingsUpcomingFirstAndEnterOpensTheAgendaThenTheTrust() throws {
        let start = ConsoleFixture.state(dataset: try Self.dataset())
        let list = start.pressing(.character("M"))
        #expect(list.crumbKinds == ["overview", "meetings"])
        #expect(list.visibleKeys == ["m-next", "m-later", "m-past"], "upcoming soonest first, then past")
        let agenda = list.pressing(.enter)
        #expect(agenda.crumbKinds == ["overview", "meetings", "meeting"])
        #expect(agenda.visibleKeys == ["i-1", "i-2"])
        #expect(agenda.top.table.rows[1].cells.count == 6)
        let trust = agenda.pressing(.down, .enter)
        #expect(trust.crumbKinds == ["overview", "meetings", "meeting", "scorecard"])
        #expect(agenda.pressing(.enter).crumbKinds == ["overview", "meetings", "meeting"], "a topic opens nothing")
    }

    @Test func withNoMeetingsTheListSaysHowToMakeOne() {
        let list = ConsoleFixture.state().pressing(.character("M"))
        #expect(list.top.table.rows.isEmpty)
        #expect(list.top.table.emptyText.contains("oversight meeting new"))
    }

    @Test func anActionRecordedFromAnAgendaItemIsTiedToTheMeetingAndItem() throws {
        let item = ConsoleFixture.state(dataset: try Self.dataset()).pressing(.character("M"), .enter, .down)
        let form = item.pressing(.character("a"))
        #expect(form.form?.meeting == MeetingLink(meeting: "m-next", item: "i-2"))
        #expect(form.form?.context.last == "At “Regional oversight, December”, item 2")
        let saved = form.typing("Send the recovery plan").pressing(.tab).typing("Chief executive").effects(.function(2)).1
        guard case .commit(.addAction(let action))? = saved.first else { Issue.record("no action: \(saved)"); return }
        #expect(action.meeting == MeetingLink(meeting: "m-next", item: "i-2"))
        #expect(action.subject == .organisation("RAAA"))
        let onScorecard = ConsoleFixture.state(dataset: try Self.dataset()).pressing(.character("a"))
        #expect(onScorecard.form?.meeting == nil, "away from a meeting, nothing is tied to one")
    }

    @Test func vPresentsTheSelectedItemLargeAndArrowsStepThroughTheAgenda() throws {
        let agenda = ConsoleFixture.state(dataset: try Self.dataset()).pressing(.character("M"), .enter, .down)
        let presenting = agenda.pressing(.character("V"))
        #expect(presenting.crumbKinds == ["overview", "meetings", "meeting", "presenter"])
        #expect(presenting.selectedKey == "i-2", "it opens on the item selected on the agenda")
        let screen = view(presenting, size: Size(width: 80, height: 24)).text
        #expect(screen.contains("Item 2 of 2 · 09:45–10:05 (20 min) · presented by Director"))
        #expect(screen.contains("Why: In segment 4"))
        #expect(screen.contains("Last decision:"))
        let previous = presenting.pressing(.up)
        #expect(previous.selectedKey == "i-1")
        #expect(view(previous, size: Size(width: 80, height: 24)).text.contains("WINTER PLAN"))
        // Recording works here too, tied to the item on screen.
        #expect(presenting.pressing(.character("n")).form?.meeting == MeetingLink(meeting: "m-next", item: "i-2"))
        let large = view(presenting, size: Size(width: 200, height: 60)).text
        #expect(large.contains("Item 2 of 2"))
        #expect(!large.contains("more of this item than fits"))
    }

    /// The presenter view shows the time and how long the item has run against its slot, saying in words
    /// when it is over; the timer starts again on the next item, and recording at the item does not reset it.
    @Test func thePresenterClockTimesEachItemAgainstItsSlot() throws {
        var state = ConsoleFixture.state(dataset: try Self.dataset()).pressing(.character("M"), .enter)
        let start = Timestamp(secondsSince1970: 1_796_000_000)
        state.setTime(start)
        state = state.pressing(.character("V"))
        #expect(state.presenterTimer == PresenterTimer(item: "i-1", since: start))
        state.setTime(start.shifted(by: 245))
        let early = view(state, size: Size(width: 80, height: 24)).text
        #expect(early.contains("on this item 4:05 of 15 min"))
        #expect(!early.contains("OVER"))
        state.setTime(start.shifted(by: 16 * 60 + 3))
        #expect(view(state, size: Size(width: 80, height: 24)).text.contains("OVER by 1:03"))
        let noted = state.pressing(.character("n")).typing("Discussed").effects(.function(2)).0
        #expect(noted.presenterTimer?.since == start, "recording at the item keeps its timer")
        state.setTime(start.shifted(by: 20 * 60))
        let next = state.pressing(.down)
        #expect(next.presenterTimer == PresenterTimer(item: "i-2", since: start.shifted(by: 20 * 60)))
        #expect(view(next, size: Size(width: 80, height: 24)).text.contains("on this item 0:00 of 20 min"))
        #expect(next.showsClock)
        #expect(!next.pressing(.escape).showsClock, "only the presenter view wakes the session each second")
    }
}
