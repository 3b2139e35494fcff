import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// Issue 14: an action's owner, text and due date are changed with E, its progress recorded with v, and it is
/// deleted with D after a question; a due date that has passed is refused beside the field. Overdue actions show
/// on the scorecard and in an Overdue column of the footprint and league lists; K lists a trust's decisions,
/// the replaced ones too; the console never opens on a period far ahead.
@Suite struct CorrectingActionsTests {
    static let data = ActionFormTests.dataset(actions: [ActionFormTests.overdue, ActionFormTests.later, ActionFormTests.done])
    /// The nation's actions, with the later (open, not overdue) action a-2 selected.
    var list: AppState { ConsoleFixture.state(dataset: Self.data).pressing(.character("A"), .down) }

    @Test func eOpensTheActionFilledInAndSavesTheChangedOwner() {
        let form = list.pressing(.character("E"))
        #expect(form.form?.title == "Change the action")
        #expect(form.field("owner")?.text == "Finance director" && form.field("due")?.text == "2026-12-15")
        let effects = form.pressing(.tab).replacing(with: "Chief nurse").effects(.function(2)).1
        #expect(effects == [.commit(.editAction("a-2", text: "Report on agency spend", owner: "Chief nurse", due: .ymd(2026, 12, 15),
                                                at: ConsoleFixture.now))])
    }

    @Test func aDueDateThatHasPassedIsRefusedBesideTheField() {
        let refused = list.pressing(.character("E"), .tab, .tab).replacing(with: "1/11/2026").pressing(.function(2))
        #expect(refused.form != nil, "nothing was saved")
        #expect(refused.field("due")?.error == "1 Nov 2026 has passed (today is 20 Nov 2026); type a date from today on, or leave it blank")
        let added = ConsoleFixture.state().pressing(.enter, .enter, .enter, .character("a")).typing("x").pressing(.tab).typing("Me")
            .pressing(.tab).typing("2025-12-01").pressing(.function(2))
        #expect(added.field("due")?.error?.contains("has passed") == true, "a new action is refused a past date too")
    }

    @Test func anOverdueActionCanBeHandedToAnotherOwnerWithoutMovingItsDate() {
        let form = ConsoleFixture.state(dataset: Self.data).pressing(.character("A"), .character("E"))
        #expect(form.form?.context.first?.contains("OVERDUE") == true)
        let effects = form.pressing(.tab).replacing(with: "Chief nurse").effects(.function(2)).1
        guard case .commit(.editAction("a-1", _, "Chief nurse", .ymd(2026, 11, 1)?, _))? = effects.first else {
            Issue.record("no change saved: \(effects)")
            return
        }
    }

    @Test func vRecordsDatedProgressOnTheAction() {
        let form = list.pressing(.character("v"))
        #expect(form.form?.title == "Record progress on the action")
        #expect(form.field("date")?.text == "2026-11-20")
        let effects = form.typing("Draft received; board to review in December").effects(.function(2)).1
        guard case .commit(.addActionUpdate("a-2", let update))? = effects.first else { Issue.record("no progress saved: \(effects)"); return }
        #expect(update.text == "Draft received; board to review in December" && update.by == "secretary" && update.date == .ymd(2026, 11, 20))
    }

    @Test func dAsksBeforeDeletingAnActionAndOnlyYAnswersYes() {
        let asking = list.pressing(.character("D"))
        #expect(asking.mode.kind == .confirming)
        #expect(asking.question?.text == "Delete the action on RAAA for Finance director, due 15 Dec 2026 (“Report on agency spend”)? y deletes it (u brings it back), n keeps it.")
        #expect(asking.effects(.enter).1.isEmpty, "Enter never answers yes")
        #expect(asking.effects(.character("n")).1.isEmpty)
        #expect(asking.effects(.character("y")).1 == [.commit(.deleteAction("a-2"))])
    }

    @Test func theScorecardSaysWhichActionsAreOverdue() {
        var data = ConsoleFixture.dataset
        var overdue = ActionFormTests.overdue
        overdue.subject = .organisation("RAAA")
        data.actions = [overdue, ActionFormTests.later]
        let scorecard = ConsoleFixture.state(dataset: data).pressing(.enter, .enter, .enter)
        let lines = (0..<24).map(view(scorecard, size: Size(width: 80, height: 24)).line)
        let line = lines.first { $0.contains("Actions ") }
        #expect(line?.contains("Actions 1 OVERDUE (due 1 Nov 2026, Chief executive), 2 open") == true, "\(lines.joined(separator: "\n"))")
    }

    @Test func footprintAndLeagueListsGainAnOverdueColumnOnlyWhenAnActionIsOverdue() {
        var data = ConsoleFixture.dataset
        var overdue = ActionFormTests.overdue
        overdue.subject = .organisation("RAAA")
        data.actions = [overdue]
        let footprint = ConsoleFixture.state(dataset: data).pressing(.enter, .enter)
        #expect(footprint.top.kind == .footprint)
        #expect(footprint.top.table.columns.last?.titles.first == "Overdue actions")
        let row = footprint.top.table.rows.first { $0.key == "RAAA" }
        #expect(row?.cells.last?.searchText == "1")
        let league = ConsoleFixture.state(dataset: data).pressing(.character("L"))
        #expect(league.top.table.columns.last?.titles.first == "Overdue actions")
        let plain = ConsoleFixture.state().pressing(.enter, .enter)
        #expect(plain.top.table.columns.last?.titles.first != "Overdue actions", "no column of blanks")
    }

    @Test func kListsATrustsDecisionsWithTheOnesReplaced() throws {
        let start = ConsoleFixture.state()
        let framework = try #require(start.viewpoint.framework)
        let period = try #require(start.viewpoint.period)
        let id = ScorecardID(org: "RAAA", framework: framework, period: period)
        func decision(_ segment: Int, _ why: String) -> SegmentDecision {
            SegmentDecision(segment: segment, basis: .set, rationale: why, decidedBy: "Regional board", date: .ymd(2026, 11, 18), provenance: .recorded)
        }
        var data = ConsoleFixture.dataset
        data = try Edit.decideSegment(id, decision(2, "First view")).apply(to: data).0
        data = try Edit.decideSegment(id, decision(3, "Finances worse than reported")).apply(to: data).0
        let scorecard = ConsoleFixture.state(dataset: data).pressing(.enter, .enter, .enter)
        let lines = (0..<24).map(view(scorecard, size: Size(width: 120, height: 24)).line)
        // The demonstration-like fixture holds an illustrative decision for the period already: two replaced.
        #expect(lines.contains { $0.contains("2 earlier (K)") }, "\(lines.joined(separator: "\n"))")
        let decisions = scorecard.pressing(.character("K"))
        #expect(decisions.top.kind == .decisions)
        #expect(decisions.visibleKeys.prefix(3) == ["\(id.rawValue)#0", "\(id.rawValue)#1", "\(id.rawValue)#2"], "newest period first, in force first")
        let shown = (0..<24).map(view(decisions, size: Size(width: 80, height: 24)).line).joined(separator: "\n")
        #expect(shown.contains("in force") && shown.contains("replaced") && shown.contains("First view"))
    }

    @Test func aDecisionFormOverOneRecordedHereSaysItReplacesItAndKeepsIt() throws {
        let start = ConsoleFixture.state()
        let id = ScorecardID(org: "RAAA", framework: try #require(start.viewpoint.framework), period: try #require(start.viewpoint.period))
        let decided = SegmentDecision(segment: 2, basis: .set, rationale: "x", decidedBy: "Regional board", date: .ymd(2026, 11, 18),
                                      provenance: .recorded)
        let data = try Edit.decideSegment(id, decided).apply(to: ConsoleFixture.dataset).0
        let form = ConsoleFixture.state(dataset: data).pressing(.enter, .enter, .enter, .character("d"))
        #expect(form.form?.context.last?.contains("Saving replaces it; it stays listed (K).") == true)
    }

    @Test func theConsoleNeverOpensOnAPeriodFarAhead() throws {
        let start = ConsoleFixture.state()
        let framework = try #require(start.viewpoint.framework)
        let opened = try #require(start.viewpoint.period)
        var data = ConsoleFixture.dataset
        // A decision a script once recorded for 2099, before the command line refused such periods.
        data.scorecards.append(Scorecard(org: "RAAA", framework: framework, period: .quarter(2099, 1),
                                         decision: SegmentDecision(segment: 2, basis: .set, rationale: "slip", decidedBy: "s",
                                                                   date: .ymd(2026, 11, 1), provenance: .recorded),
                                         provenance: .recorded))
        let state = ConsoleFixture.state(dataset: data)
        #expect(state.viewpoint.period == opened)
        #expect(state.landscape.periods(of: framework).contains(.quarter(2099, 1)), "still reachable with P, not hidden")
    }
}
