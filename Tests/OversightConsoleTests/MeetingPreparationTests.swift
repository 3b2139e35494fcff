import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// Before the meeting, in the console: `n` on the meetings list prepares one, `E` changes it or an agenda item,
/// `D` takes an item off (asked first), and `S` suggests items from the published figures, each with its
/// reasons, to keep or drop with Space before `a` adds the kept ones as one entry.
@Suite struct MeetingPreparationTests {
    @Test func nPreparesAMeetingAndEChangesIt() throws {
        let list = ConsoleFixture.state(dataset: try MeetingScreenTests.dataset()).pressing(.character("M"))
        let form = list.pressing(.character("n"))
        #expect(form.form?.title == "New meeting")
        let filled = form.typing("ICB oversight, February").pressing(.tab, .right, .tab).typing("2027-02-11")
            .pressing(.tab, .control("u")).typing("14:30").pressing(.tab).typing("Chair").pressing(.control("j")).typing("Director of nursing")
        let (_, effects) = filled.effects(.function(2))
        guard case .commit(.addMeeting(let meeting))? = effects.first else { Issue.record("no meeting: \(effects)"); return }
        #expect(meeting.title == "ICB oversight, February")
        #expect(meeting.kind == .icbOversight)
        #expect(meeting.date == .ymd(2027, 2, 11) && meeting.startText == "14:30")
        #expect(meeting.attendees == ["Chair", "Director of nursing"])

        let wrong = form.typing("Board").pressing(.tab, .tab).typing("2027-02").pressing(.tab, .control("u")).typing("25:00").effects(.function(2))
        #expect(wrong.1.isEmpty)
        #expect(wrong.0.field("date")?.error == "a meeting needs a full date, like 2027-01-15")
        #expect(wrong.0.field("start")?.error == "type the time it starts like 10:00 or 14:30")

        let change = list.pressing(.character("E"))
        #expect(change.form?.title == "Change the meeting")
        #expect(change.field("title")?.text == "Regional oversight, December", "E opens the selected meeting, upcoming first")
        let (_, changed) = change.pressing(.control("u")).typing("Regional oversight, 3 December").effects(.function(2))
        guard case .commit(.editMeeting(let edited))? = changed.first else { Issue.record("no change: \(changed)"); return }
        #expect(edited.title == "Regional oversight, 3 December" && edited.items.count == 2, "the agenda is kept")
    }

    @Test func eChangesAnAgendaItemAndDTakesItOffAfterAsking() throws {
        let agenda = ConsoleFixture.state(dataset: try MeetingScreenTests.dataset()).pressing(.character("M"), .enter, .down)
        let form = agenda.pressing(.character("E"))
        #expect(form.form?.title == "Change the agenda item")
        let (_, effects) = form.pressing(.tab, .tab, .control("u")).typing("30").effects(.function(2))
        guard case .commit(.editAgendaItem("m-next", let item))? = effects.first else { Issue.record("no change: \(effects)"); return }
        #expect(item.minutes == 30 && item.presenter == "Director" && item.reason == "In segment 4")

        let topic = agenda.pressing(.character("T")).typing("Any other business").effects(.function(2))
        guard case .commit(.addAgendaItem("m-next", let added, at: nil))? = topic.1.first else { Issue.record("no topic: \(topic.1)"); return }
        #expect(added.subject == .topic("Any other business") && added.id == "i-3" && added.minutes == 10)

        let asked = agenda.pressing(.character("D"))
        #expect(asked.question?.text.hasPrefix("Take “") == true)
        guard case .commit(.removeAgendaItem("m-next", "i-2"))? = asked.effects(.character("y")).1.first else {
            Issue.record("not removed"); return
        }
    }

    @Test func bracketsMoveTheSelectedItemEarlierOrLater() throws {
        let agenda = ConsoleFixture.state(dataset: try MeetingScreenTests.dataset()).pressing(.character("M"), .enter, .down)
        guard case .commit(.moveAgendaItem("m-next", "i-2", to: 0))? = agenda.effects(.character("[")).1.first else {
            Issue.record("not moved"); return
        }
        let (last, effects) = agenda.effects(.character("]"))
        #expect(effects.isEmpty)
        #expect(last.message?.text == "It is the last item already.")
    }

    /// Acute figures are published for Q1 only: a decision at a December meeting's item on an acute trust is for
    /// Q1, the quarter the meeting looked at, starting from the published segment, whatever quarter was on screen.
    @Test(.enabled(if: BundledFixture.dataset != nil, "the bundled store is built from ../shared/reference"))
    func aDecisionAtAnItemIsForTheQuarterTheMeetingLookedAt() throws {
        var data = try #require(BundledFixture.dataset)
        let meeting = Meeting(id: "m-1", title: "Regional oversight", kind: .regionalOversight, date: .ymd(2026, 12, 10), startMinutes: 600,
                              items: [AgendaItem(id: "i-1", subject: .organisation("RTG"), reason: "In segment 4")],
                              created: Timestamp(secondsSince1970: 1_750_000_000))
        data = try Edit.addMeeting(meeting).apply(to: data).0
        let form = ConsoleFixture.state(dataset: data).pressing(.character("M"), .enter, .character("V"), .character("d"))
        // At 60×16 the bundled trust's item runs past the window, and says so.
        let small = view(ConsoleFixture.state(Size(width: 60, height: 16), dataset: data).pressing(.character("M"), .enter, .character("V")),
                         size: Size(width: 60, height: 16)).text
        #expect(small.contains("… more of this item than fits"), "a cut item says so:\n\(small)")
        guard case .decideSegment(let id, _)? = form.form?.purpose else { Issue.record("no decision form: \(String(describing: form.message))"); return }
        #expect(id.period == .quarter(2025, 1), "the quarter of the item's published figures, not the one on screen")
        #expect(form.field("segment")?.choice?.value == "4", "it starts from NHS England's published segment")
    }

    @Test(.enabled(if: BundledFixture.dataset != nil, "the bundled store is built from ../shared/reference"))
    func sSuggestsItemsWithTheirReasonsToKeepOrDrop() throws {
        var data = try #require(BundledFixture.dataset)
        let meeting = Meeting(id: "m-1", title: "Regional oversight", kind: .regionalOversight, date: .ymd(2025, 10, 2), startMinutes: 600,
                              created: Timestamp(secondsSince1970: 1_750_000_000))
        data = try Edit.addMeeting(meeting).apply(to: data).0
        let agenda = ConsoleFixture.state(dataset: data).pressing(.character("M"), .enter)
        let form = agenda.pressing(.character("S"))
        #expect(form.form?.title == "Suggest agenda items")
        #expect(form.field("quarter")?.text == "2025-26-Q4", "the latest quarter with published figures")
        // Acute trusts in Q1 2025/26, the quarter NHS England published for every acute trust.
        let suggestions = form.pressing(.tab, .control("u")).typing("2025-26-Q1").pressing(.function(2))
        #expect(suggestions.crumbKinds == ["overview", "meetings", "meeting", "suggestions"])
        let rows = suggestions.top.table.rows
        #expect(rows.count > 10)
        let first = try #require(rows.first)
        let screen = view(suggestions, size: Size(width: 80, height: 24)).text
        #expect(screen.contains("\(rows.count) of \(rows.count) kept"))
        #expect(screen.contains("• In segment"), "the selected suggestion's reasons are spelt out:\n\(screen)")

        let dropped = suggestions.pressing(.character(" "))
        #expect(dropped.selectedKey == first.key, "the cursor stays on the one dropped")
        #expect(view(dropped, size: Size(width: 80, height: 24)).text.contains("\(rows.count - 1) of \(rows.count) kept"))
        let (after, effects) = dropped.effects(.character("a"))
        guard case .commit(.addAgendaItems("m-1", let items))? = effects.first else { Issue.record("nothing added: \(effects)"); return }
        #expect(items.count == rows.count - 1)
        #expect(!items.contains { $0.subject == .organisation(OrgCode(first.key)) })
        #expect(items.allSatisfy { !$0.reason.isEmpty && $0.minutes == 10 })
        #expect(items.map(\.id.rawValue).prefix(2) == ["i-1", "i-2"])
        #expect(after.crumbKinds == ["overview", "meetings", "meeting"], "back on the agenda")
    }
}
