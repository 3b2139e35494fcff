import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// Actions: adding one (owner, due date) on an organisation, a footprint or, nation-wide, on what
/// the About field names; marking one done; the overdue ones flagged in words.
@Suite struct ActionFormTests {
    let scorecard = ConsoleFixture.state().pressing(.enter, .enter, .enter)

    static func dataset(actions: [Action]) -> Dataset {
        var data = ConsoleFixture.dataset
        data.actions = actions
        return data
    }

    static let overdue = Action(id: "a-1", subject: .organisation("RAAB"), text: "Send the recovery plan", owner: "Chief executive",
                                due: .ymd(2026, 11, 1), created: Timestamp(secondsSince1970: 1_760_000_000))
    static let later = Action(id: "a-2", subject: .organisation("RAAA"), text: "Report on agency spend", owner: "Finance director",
                              due: .ymd(2026, 12, 15), created: Timestamp(secondsSince1970: 1_760_000_000))
    static let done = Action(id: "a-3", subject: .footprint("Q00"), text: "Agree the system plan", owner: "ICB", due: .ymd(2026, 10, 1),
                             status: .done, created: Timestamp(secondsSince1970: 1_760_000_000), completed: .ymd(2026, 9, 30))

    @Test func anActionOnTheScorecardHasTextOwnerAndDueDate() {
        let typed = scorecard.pressing(.character("a")).typing("Send the recovery plan to the region").pressing(.tab)
            .typing("Chief executive").pressing(.tab).typing("2026-12-01")
        let effects = typed.effects(.function(2)).1
        let action = Action(id: "a-20261120103000-00000001", subject: .organisation("RAAA"), text: "Send the recovery plan to the region",
                            owner: "Chief executive", due: .ymd(2026, 12, 1), created: ConsoleFixture.now)
        #expect(effects == [.commit(.addAction(action))])
    }

    @Test func theDueDateMayBeLeftBlankButTheOwnerMayNot() {
        let (refused, effects) = scorecard.pressing(.character("a")).typing("Write to the trust").effects(.function(2))
        #expect(effects.isEmpty)
        #expect(refused.field("owner")?.error == "must not be empty")
        #expect(refused.field("due")?.error == nil, "no due date is allowed")
        let saved = refused.typing("Secretary").effects(.function(2)).1
        guard case .commit(.addAction(let action))? = saved.first else { Issue.record("no action: \(saved)"); return }
        #expect(action.due == nil)
    }

    @Test func aBadDueDateIsRefusedBesideIt() {
        let refused = scorecard.pressing(.character("a")).typing("x").pressing(.tab).typing("Me").pressing(.tab).typing("2026-13-01")
            .pressing(.function(2))
        #expect(refused.field("due")?.error == "month 13 does not exist; type the date as 2026-11-20 or 20/11/2026")
    }

    @Test func nationWideTheAboutFieldNamesTheOrganisationOrFootprint() {
        let actions = ConsoleFixture.state(dataset: ActionFormTests.dataset(actions: [])).pressing(.character("A"))
        #expect(actions.topKind == .actions)
        let form = actions.pressing(.character("a"))
        #expect(form.formField?.id == "subject", "there is nothing on screen to be about, so About comes first")
        let unknown = form.typing("ZZZ").pressing(.tab).typing("x").pressing(.tab).typing("Me").pressing(.function(2))
        #expect(unknown.field("subject")?.error == "No organisation with ODS code ZZZ.")
        let effects = form.typing("raab").pressing(.tab).typing("Chase the plan").pressing(.tab).typing("Me").effects(.function(2)).1
        guard case .commit(.addAction(let action))? = effects.first else { Issue.record("no action: \(effects)"); return }
        #expect(action.subject == .organisation("RAAB"))
        let footprint = form.typing("q00").pressing(.tab).typing("System plan").pressing(.tab).typing("ICB").effects(.function(2)).1
        guard case .commit(.addAction(let onFootprint))? = footprint.first else { Issue.record("no action: \(footprint)"); return }
        #expect(onFootprint.subject == .footprint("Q00"))
    }

    @Test func theNationsListPutsOverdueFirstAndSaysOverdueInWords() {
        let list = ConsoleFixture.state(dataset: ActionFormTests.dataset(actions: [ActionFormTests.later, ActionFormTests.done,
                                                                                   ActionFormTests.overdue])).pressing(.character("A"))
        #expect(list.visibleKeys == ["a-1", "a-2", "a-3"], "overdue, then open by due date, then done")
        #expect(list.top.table.rows[list.top.list.order[0]].cells[0].searchText == "OVERDUE")
        #expect(list.top.table.rows[list.top.list.order[1]].cells[0].searchText == "open")
        let filtered = list.pressing(.character("/")).typing("overdue")
        #expect(filtered.visibleKeys == ["a-1"], "the word is there to filter on too")
    }

    @Test func xMarksTheSelectedActionDoneToday() {
        let list = ConsoleFixture.state(dataset: ActionFormTests.dataset(actions: [ActionFormTests.overdue, ActionFormTests.done]))
            .pressing(.character("A"))
        let form = list.pressing(.character("x"))
        #expect(form.field("completed")?.text == "2026-11-20")
        #expect(form.form?.context.last?.contains("OVERDUE") == true)
        #expect(form.effects(.enter).1 == [.commit(.completeAction("a-1", on: .ymd(2026, 11, 20)))])
        let again = list.pressing(.down, .character("x"))
        #expect(again.form == nil && again.message?.text == "This action is already done (30 Sep 2026).")
    }

    @Test func anOrganisationsActionsAreItsOwnAndAFootprintsIncludeItsMembers() {
        let data = ActionFormTests.dataset(actions: [ActionFormTests.overdue, ActionFormTests.later, ActionFormTests.done])
        let own = ConsoleFixture.state(dataset: data).pressing(.enter, .enter, .enter, .character("A"))
        #expect(own.visibleKeys == ["a-2"])
        let footprint = ConsoleFixture.state(dataset: data).pressing(.enter, .enter, .character("A"))
        #expect(footprint.visibleKeys == ["a-2", "a-3"], "RAAA is a member of Q00; RAAB is not")
    }
}
