import OversightConsole
import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// The segment decision form on a scorecard: what it starts with, what a save records, what it
/// refuses and where it says so, cancelling, and the keys around it.
@Suite struct SegmentDecisionFormTests {
    /// RAAA's scorecard, NOF synthetic 2026/27 Q2, where the engine computes segment 3.
    let scorecard = ConsoleFixture.state().pressing(.enter, .enter, .enter)
    var id: ScorecardID { ScorecardID(org: "RAAA", framework: SyntheticDataset.framework, period: .quarter(2026, 2)) }

    @Test func dOpensTheFormOnTheComputedSegmentWithTodayAndTheUser() throws {
        let form = scorecard.pressing(.character("d"))
        #expect(form.mode.kind == .form)
        #expect(form.field("segment")?.choice?.label == "3  Mandated support (computed)")
        #expect(form.field("decidedBy")?.text == "secretary", "decided by defaults to the user")
        #expect(form.field("date")?.text == "2026-11-20", "the date defaults to today")
        #expect(form.field("rationale")?.text == "")
        #expect(form.form?.context.contains { $0.contains("computed segment 3") } == true)
        let recorded = try #require(ConsoleFixture.dataset.scorecard(id)?.decision)
        #expect(form.form?.context.last == "On record: segment \(recorded.segment), \(recorded.date.display), \(recorded.decidedBy) (illustrative). Saving records a new decision.")
    }

    @Test func aDecisionRecordedHereOpensInFullToFixASlip() throws {
        var data = ConsoleFixture.dataset
        let index = data.scorecards.firstIndex { $0.id == id }!
        data.scorecards[index].decision = SegmentDecision(segment: 4, basis: .set, computed: 3, rationale: "Finances wrose",
                                                          decidedBy: "Regional board", date: .ymd(2026, 11, 18), provenance: .recorded)
        let form = ConsoleFixture.state(dataset: data).pressing(.enter, .enter, .enter, .character("d"))
        #expect(form.field("segment")?.choice?.value == "4")
        #expect(form.field("rationale")?.text == "Finances wrose")
        #expect(form.field("decidedBy")?.text == "Regional board" && form.field("date")?.text == "2026-11-18")
        #expect(form.form?.context.last == "Recorded now: segment 4, 18 Nov 2026, Regional board. Saving replaces it; it stays listed (K).")
    }

    @Test func confirmingTheComputedSegmentSavesAConfirmedDecisionWithTheComputedOne() throws {
        let typed = ConsoleFixture.state(dataset: withoutDecisions()).pressing(.enter, .enter, .enter, .character("d"), .tab)
            .typing("Agreed at the regional board")
        let (saving, effects) = typed.effects(.function(2))
        let decision = SegmentDecision(segment: 3, basis: .confirmed, computed: 3, rationale: "Agreed at the regional board",
                                       decidedBy: "secretary", date: .ymd(2026, 11, 20), provenance: .recorded)
        #expect(effects == [.commit(.decideSegment(id, decision))])
        #expect(saving.form?.hasErrors == false)
    }

    @Test func settingAnotherSegmentSavesItAsSetWithTheComputedOneBeside() throws {
        let typed = ConsoleFixture.state(dataset: withoutDecisions()).pressing(.enter, .enter, .enter, .character("d"), .down, .tab)
            .typing("Finances worse than the metrics show").pressing(.tab).replacing(with: "Regional board").pressing(.tab)
            .replacing(with: "2026-11-18")
        let effects = typed.effects(.function(2)).1
        guard case .commit(.decideSegment(let saved, let decision))? = effects.first else {
            Issue.record("no decision was saved: \(effects)")
            return
        }
        #expect(saved == id)
        #expect(decision.segment == 4 && decision.basis == .set && decision.computed == 3)
        #expect(decision.decidedBy == "Regional board" && decision.date == .ymd(2026, 11, 18))
    }

    @Test func segmentFiveForAProviderNotComputedAsFourIsRefusedBesideTheSegment() throws {
        let typed = scorecard.pressing(.character("d"), .character("5"), .tab).typing("Entering the programme")
        let (refused, effects) = typed.effects(.function(2))
        #expect(effects.isEmpty, "nothing invalid is saved")
        #expect(refused.mode.kind == .form)
        #expect(refused.field("segment")?.error == "segment 5 can only be decided for a provider in segment 4; this one is computed as 3")
        #expect(refused.formField?.id == "segment", "the cursor goes to the field with the message")
    }

    @Test func segmentFiveIsSavedForAProviderComputedAsFour() throws {
        let data = withoutDecisions()
        let landscape = Landscape(data, today: ConsoleFixture.today)
            .working([.segments(FrameworkPeriod(SyntheticDataset.framework, .quarter(2026, 2)))])
        let four = try #require(data.organisations.first {
            landscape.segment($0.code, SyntheticDataset.framework, .quarter(2026, 2)).computed == 4
        }, "the fixture has a provider computed as 4")
        let typed = ConsoleFixture.state(dataset: data).pressing(.character(":")).typing(four.code.rawValue)
            .pressing(.enter, .character("d"), .character("5"), .tab).typing("Entering the Provider Improvement Programme")
        let effects = typed.effects(.function(2)).1
        guard case .commit(.decideSegment(_, let decision))? = effects.first else {
            Issue.record("segment 5 was not saved for \(four.code): \(typed.form?.fields.compactMap(\.error) ?? [])")
            return
        }
        #expect(decision.segment == 5 && decision.computed == 4 && decision.basis == .set)
    }

    @Test func anEmptyRationaleAndAnImpossibleDateAreBothShownBesideTheirFields() throws {
        let typed = scorecard.pressing(.character("d"), .tab, .tab, .tab).replacing(with: "2026-02-30")
        let (refused, effects) = typed.effects(.function(2))
        #expect(effects.isEmpty)
        #expect(refused.field("rationale")?.error == "must not be empty")
        #expect(refused.field("date")?.error == "day 30 of Feb 2026 does not exist; type the date as 2026-11-20 or 20/11/2026")
        #expect(refused.formField?.id == "rationale", "the cursor goes to the first field with a message")
        #expect(refused.form?.notice?.text == "Not saved: see the messages beside Rationale and Date.")
        let typing = refused.typing("x")
        #expect(typing.field("rationale")?.error == nil, "changing a field clears its message")
    }

    @Test func aDateThatIsNotADateSaysHowToTypeOneWithTodayBothWays() {
        let refused = scorecard.pressing(.character("d"), .tab, .tab, .tab).replacing(with: "next Tue").pressing(.enter)
        #expect(refused.field("date")?.error == "“next Tue” is not a date; type it as 2026-11-20 or 20/11/2026")
    }

    func savedDate(_ typed: String) -> (date: CalendarDate?, error: String?) {
        let form = ConsoleFixture.state(dataset: withoutDecisions()).pressing(.enter, .enter, .enter, .character("d"), .tab)
            .typing("Agreed").pressing(.tab, .tab).replacing(with: typed)
        let (after, effects) = form.effects(.function(2))
        guard case .commit(.decideSegment(_, let decision))? = effects.first else { return (nil, after.field("date")?.error) }
        return (decision.date, nil)
    }

    @Test func aDayFirstDateIsReadAsEnglishUsersWriteItAndSavedAsISO() {
        #expect(savedDate("15/12/2026").date == .ymd(2026, 12, 15))
        #expect(savedDate("1/7/2025").date == .ymd(2025, 7, 1))
        #expect(savedDate("3/4/2026").date == .ymd(2026, 4, 3), "3 April, never 4 March")
        #expect(savedDate("15.12.2026").date == .ymd(2026, 12, 15))
        #expect(savedDate("15-12-2026").date == .ymd(2026, 12, 15))
        #expect(savedDate("2026-12-15").date == .ymd(2026, 12, 15), "ISO as before")
    }

    @Test func monthFirstAndTwoDigitYearsAreRefusedSayingWhy() {
        #expect(savedDate("12/15/2026").error == "“12/15/2026”: there is no month 15; dates are day first, as 15/12/2026; type it as 2026-11-20 or 20/11/2026")
        #expect(savedDate("15/12/26").error == "“15/12/26”: write the year in full, as 15/12/2026; type it as 2026-11-20 or 20/11/2026")
        #expect(savedDate("31/2/2026").error == "day 31 of Feb 2026 does not exist; type the date as 2026-11-20 or 20/11/2026")
        #expect(savedDate("15//2026").error == "“15//2026” is not a date; type it as 2026-11-20 or 20/11/2026")
    }

    @Test func aDayFirstDateShowsTheDayAndTheISODateItIsSavedAs() {
        let typed = scorecard.pressing(.character("d"), .tab, .tab, .tab).replacing(with: "15/12/2026")
        #expect(view(typed, size: Size(width: 80, height: 24)).text.contains("15/12/2026    = 15 Dec 2026 (saved as 2026-12-15)"))
    }

    /// RAAA is computed as 3 under NOF synthetic, a framework that computes segments.
    @Test func theSegmentFieldSaysBeforeSavingWhatTheChoiceWillDo() {
        let form = scorecard.pressing(.character("d"))
        #expect(form.field("segment")?.choice?.consequence == "NOF synthetic computes segments: this confirms the computed 3")
        let other = form.pressing(.down)
        #expect(other.field("segment")?.choice?.consequence == "NOF synthetic computes segments: 3 stands; this records the meeting's view")
        let five = form.pressing(.character("5"))
        #expect(five.field("segment")?.choice?.consequence
                == "NOF synthetic: 5 only for a provider computed as 4; this one is computed 3, so it cannot be saved")
        let screen = view(other.pressing(.tab), size: Size(width: 80, height: 24)).text
        #expect(screen.contains("→ NOF synthetic computes segments: 3 stands; this records the"),
                "still in view while the rationale is typed:\n\(screen)")
        let small = view(other, size: Size(width: 60, height: 16)).text
        #expect(small.contains("→ NOF synthetic computes segments: 3 stands;"), "and at 60x16:\n\(small)")
    }

    @Test func theScorecardHeadlineSaysADecisionDidNotChangeTheSegmentAt80And60Columns() {
        // RAAA's illustrative decision records 1; the method computes 3, which stands.
        for size in [Size(width: 80, height: 24), Size(width: 60, height: 16)] {
            let screen = view(scorecard, size: size).text
            #expect(screen.contains("decided 1, computed 3 stands"), "\(size):\n\(screen)")
        }
    }

    @Test func escClosesAnUntouchedFormAtOnceAndAsksWhenSomethingWasTyped() {
        let untouched = scorecard.pressing(.character("d"), .escape)
        #expect(untouched.mode.kind == .browsing && untouched.form == nil && untouched.question == nil)
        #expect(untouched.message?.text == "Closed: nothing was saved.")
        let typed = scorecard.pressing(.character("d"), .tab).typing("Half a rationale")
        let asking = typed.pressing(.escape)
        #expect(asking.mode.kind == .confirming)
        #expect(asking.question?.text.contains("Throw away what you typed in “Record the segment decision”?") == true)
        let back = asking.pressing(.character("n"))
        #expect(back.mode.kind == .form && back.field("rationale")?.text.hasSuffix("Half a rationale") == true, "n goes back with the text kept")
        let gone = asking.pressing(.character("y"))
        #expect(gone.mode.kind == .browsing && gone.form == nil && gone.topKind == .scorecard)
    }

    @Test func aReadOnlyStoreRefusesTheKeyWithItsReason() {
        let held = ReadOnlyReason.lockedByAnotherProcess(pid: 4242)
        let readOnly = ConsoleFixture.state(readOnly: held.short, explanation: held.explanation)
            .pressing(.enter, .enter, .enter)
        let (refused, effects) = readOnly.effects(.character("d"))
        #expect(effects.isEmpty && refused.form == nil && refused.mode.kind == .browsing)
        #expect(refused.message?.isError == true)
        #expect(refused.message?.text == "Nothing can be recorded: another oversight (pid 4242) is editing this store. This copy reads it as it was when opened; close that one and reopen to edit.")
    }

    @Test func aJudgementFrameworkOffersItsSegmentsWithNoComputedOne() {
        let judgement = scorecard.pressing(.character("f"), .character("d"))
        #expect(judgement.mode.kind == .form)
        #expect(judgement.form?.context.contains { $0.contains("decided by judgement") } == true)
        #expect(judgement.field("segment")?.choices.count == 4)
        #expect(judgement.field("segment")?.choices.allSatisfy { !$0.label.contains("computed") } == true)
    }

    @Test func aFrameworkOfRatingsHasNoSegmentToDecideAndSaysSo() {
        var data = ConsoleFixture.dataset
        let index = data.frameworks.firstIndex { $0.id == SyntheticDataset.judgement }!
        data.frameworks[index].segments = []
        let refused = ConsoleFixture.state(dataset: data).pressing(.enter, .enter, .enter, .character("f"), .character("d"))
        #expect(refused.form == nil)
        #expect(refused.message?.text == "SOF synthetic gives ratings, not segments; press f for another framework.")
    }

    @Test func undoAndRedoKeysAskTheStoreAfterASave() {
        #expect(scorecard.effects(.character("u")).1 == [.undo])
        #expect(scorecard.effects(.function(8)).1 == [.undo])
        #expect(scorecard.effects(.control("r")).1 == [.redo])
        #expect(scorecard.effects(.function(9)).1 == [.redo])
    }

    func withoutDecisions() -> Dataset {
        var data = ConsoleFixture.dataset
        for i in data.scorecards.indices where data.scorecards[i].org == "RAAA" || data.scorecards[i].framework == SyntheticDataset.framework {
            data.scorecards[i].decision = nil
        }
        return data
    }
}
