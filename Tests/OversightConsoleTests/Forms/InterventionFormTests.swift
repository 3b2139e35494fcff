import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// Adding, changing, closing and logging events on interventions, from the scorecard and from
/// the interventions views.
@Suite struct InterventionFormTests {
    /// The catalogue's two types, with different appliers so that "applied by follows the type" shows.
    static let dataset: Dataset = {
        var data = ConsoleFixture.dataset
        let index = data.interventionTypes.firstIndex { $0.id == "enforcement-undertakings" }!
        data.interventionTypes[index].appliedBy = "Monitor, then NHS England"
        return data
    }()

    let start = ConsoleFixture.state(dataset: InterventionFormTests.dataset)
    /// RAAG has an open intervention (enforcement undertakings since Jul 2020); RAAA a closed one.
    var openOne: AppState { start.pressing(.character(":")).typing("RAAG").pressing(.enter, .character("i")) }
    var closedOne: AppState { start.pressing(.character(":")).typing("RAAA").pressing(.enter, .character("i")) }

    @Test func addingFromTheScorecardSavesTheTypeAppliedByStartReasonAndExitCriteria() {
        let form = start.pressing(.enter, .enter, .enter, .character("I"))
        #expect(form.mode.kind == .form)
        #expect(form.field("type")?.choice?.label == "Enforcement undertakings", "the catalogue, by name")
        #expect(form.field("appliedBy")?.text == "Monitor, then NHS England", "applied by starts as the catalogue's")
        #expect(form.field("start")?.text == "2026-11-20")
        let typed = form.pressing(.down).pressing(.tab).pressing(.tab).replacing(with: "2026-11-01").pressing(.tab, .tab)
            .typing("Elective waits over 65 weeks").pressing(.tab).typing("No 65-week waits for a quarter")
        let effects = typed.effects(.function(2)).1
        let expected = Intervention(id: "int-20261120103000-00000001", org: "RAAA", type: "recovery-support-programme",
                                    appliedBy: "NHS England", start: .ymd(2026, 11, 1), status: .active,
                                    reason: "Elective waits over 65 weeks", exitCriteria: "No 65-week waits for a quarter", provenance: .recorded)
        #expect(effects == [.commit(.addIntervention(expected))])
    }

    /// The chosen entry's meaning is set apart from the entries, so that it cannot be read as one
    /// more (a user read "in force now" as a third status): beside the entry after a dash when it
    /// fits, else under the list, indented and led by a dash.
    @Test func theMeaningOfTheChosenEntryIsSetApartFromTheEntries() {
        let status = start.pressing(.enter, .enter, .enter, .character("I"), .tab, .tab, .tab)
        #expect(status.formField?.id == "status")
        for glyphs in [Glyphs.unicode, .ascii] {
            let lines = view(status, size: Size(width: 80, height: 24), glyphs: glyphs).text.split(separator: "\n").map(String.init)
            #expect(lines.contains { $0.hasSuffix("\(glyphs.marker) active \(glyphs.dash) in force now") }, "\(lines)")
            #expect(!lines.contains { $0.trimmingCharacters(in: .whitespaces) == "in force now" }, "\(lines)")
        }
        // Segment 5's meaning is too long to go beside it.
        let five = ConsoleFixture.state().pressing(.enter, .enter, .enter, .character("d"), .character("5"))
        let below = view(five, size: Size(width: 80, height: 24)).text.split(separator: "\n").map(String.init)
        let entry = below.first { $0.contains("5  Provider Improvement Programme") }
        let meaning = below.first { $0.contains("decided only for a provider computed as 4") }
        #expect(meaning?.contains("\(Glyphs.unicode.dash) decided only") == true, "\(below)")
        let indent = { (line: String?) in line.map { $0.prefix { $0 == " " || $0 == "▶" }.count } ?? 0 }
        #expect(indent(meaning) >= indent(entry) + 2, "under the list, indented past the entries: \(below)")
    }

    /// A list too long to show whole says where the rest are; in ASCII not with ">", which there is the marker.
    @Test func aLongListSaysWhereTheRestAreWithoutLookingLikeTheMarker() {
        let segment = ConsoleFixture.state().pressing(.enter, .enter, .enter, .character("d"))
        let text = view(segment, size: Size(width: 60, height: 16), glyphs: .ascii).text
        #expect(text.contains("... more below") && text.contains("... more above"), "\(text)")
        #expect(!text.contains("> more"), "\(text)")
    }

    @Test func appliedByFollowsTheTypeUntilSomethingElseIsTyped() {
        let form = start.pressing(.enter, .enter, .enter, .character("I"))
        #expect(form.pressing(.down).field("appliedBy")?.text == "NHS England")
        let typed = form.pressing(.tab).replacing(with: "CQC").pressing(.backTab, .down)
        #expect(typed.field("appliedBy")?.text == "CQC", "what was typed is kept")
    }

    @Test func aReasonIsRequiredAndTheMessageIsBesideIt() {
        let (refused, effects) = start.pressing(.enter, .enter, .enter, .character("I")).effects(.function(2))
        #expect(effects.isEmpty)
        #expect(refused.field("reason")?.error == "must not be empty")
        #expect(refused.formField?.id == "reason")
    }

    @Test func onTheNationsListThereIsNoOrganisationToAddTo() {
        let nation = start.pressing(.character("i"), .character("I"))
        #expect(nation.form == nil)
        #expect(nation.message?.text.contains("Open an organisation first") == true)
    }

    @Test func changingAnInterventionSavesItWithTheNewValuesAsRecorded() throws {
        let form = openOne.pressing(.character("E"))
        #expect(form.field("reason")?.text == "Finances and elective waits")
        #expect(form.field("status")?.choice?.value == "active")
        let typed = form.pressing(.tab, .tab, .tab, .tab).replacing(with: "Finances")
        let effects = typed.effects(.function(2)).1
        guard case .commit(.editIntervention(let item))? = effects.first else {
            Issue.record("no edit: \(effects) \(typed.form?.fields.compactMap(\.error) ?? [])")
            return
        }
        #expect(item.id == "int-RAAG-1" && item.reason == "Finances")
        #expect(item.provenance.kind == .recorded, "a changed record is what the user recorded")
        #expect(item.provenance.source == "SyntheticDataset", "the source it came from is kept")
    }

    @Test func savingAChangeThatChangesNothingSaysSo() {
        let (refused, effects) = openOne.pressing(.character("E")).effects(.function(2))
        #expect(effects.isEmpty)
        #expect(refused.form?.notice?.text == "nothing was changed")
    }

    @Test func closingAsksFirstNamingTheInterventionAndTheDate() {
        let typed = openOne.pressing(.character("x"), .tab).typing("Exit criteria met")
        #expect(typed.field("end")?.text == "2026-11-20")
        let (asking, none) = typed.effects(.function(2))
        #expect(none.isEmpty, "nothing is saved before the answer")
        #expect(asking.question?.text == "Close Enforcement undertakings for RAAG on 20 Nov 2026? y closes it, n goes back to the form.")
        let (_, effects) = asking.effects(.character("y"))
        #expect(effects == [.commit(.closeIntervention("int-RAAG-1", end: .ymd(2026, 11, 20), outcome: "Exit criteria met"))])
        let back = asking.pressing(.character("n"))
        #expect(back.mode.kind == .form && back.field("outcome")?.text == "Exit criteria met")
    }

    @Test func closingNeedsAnOutcomeAndAnEndAfterTheStart() {
        let refused = openOne.pressing(.character("x")).replacing(with: "2019-01-01").pressing(.function(2))
        #expect(refused.mode.kind == .form && refused.question == nil)
        #expect(refused.field("outcome")?.error?.hasPrefix("say how it ended") == true)
        #expect(refused.field("end")?.error == "1 Jan 2019 is before the start (1 Jul 2020)")
    }

    @Test func aClosedInterventionCannotBeClosedAgain() {
        let refused = closedOne.pressing(.character("x"))
        #expect(refused.form == nil)
        #expect(refused.message?.text.hasPrefix("This intervention is already closed") == true)
    }

    @Test func anEventIsLoggedWithItsDateTextAndWhoRecordedIt() {
        let form = openOne.pressing(.enter, .character("v"))
        #expect(form.form?.title == "Log an event")
        let typed = form.pressing(.tab).typing("Review: exit criteria half met")
        let effects = typed.effects(.function(2)).1
        let event = InterventionEvent(id: "ev-20261120103000-00000001", date: .ymd(2026, 11, 20), text: "Review: exit criteria half met",
                                      recordedBy: "secretary", provenance: .recorded)
        #expect(effects == [.commit(.addInterventionEvent("int-RAAG-1", event))])
    }

    @Test func anEventBeforeTheInterventionStartedIsRefusedBesideTheDate() {
        let refused = openOne.pressing(.character("v")).replacing(with: "2020-01-01").pressing(.tab).typing("Too early").pressing(.function(2))
        #expect(refused.field("date")?.error == "1 Jan 2020 is before the intervention started (1 Jul 2020)")
    }
}
