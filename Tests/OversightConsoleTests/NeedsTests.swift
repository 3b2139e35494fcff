import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// Segments, system views, distances and the journal take work to get, so the state asks for them
/// (`needs`), the session works them out and hands them in (`supply`), and `update` and `view`
/// only read what they were given.
@Suite struct NeedsTests {
    let framework = SyntheticDataset.framework
    let bare = AppState(dataset: ConsoleFixture.dataset, today: ConsoleFixture.today, size: Size(width: 80, height: 24),
                        recorder: ConsoleFixture.recorder)

    func segments(_ period: Period) -> Need { .segments(FrameworkPeriod(framework, period)) }

    @Test func theOverviewAsksForThePeriodShownAndTheOneBeforeThenNothing() throws {
        let shown = try #require(bare.viewpoint.period)
        let periods = bare.landscape.periods(of: framework)
        let before = periods[try #require(periods.firstIndex(of: shown)) - 1]
        #expect(bare.needs == [segments(shown), segments(before)])
        #expect(bare.fulfilled().needs.isEmpty)
    }

    /// The view draws what it is given and works nothing out: before the segments are handed in the
    /// overview has no mix; after, the same state draws one.
    @Test func theViewReadsOnlyWhatWasHandedIn() {
        let size = Size(width: 80, height: 24)
        let without = view(bare, size: size).text
        let with = view(bare.fulfilled(), size: size).text
        #expect(!without.contains("1:") && with.contains("England"), "no segments were handed in, so none are drawn")
        #expect(without != with)
        #expect(bare.landscape.segment("RAAA", framework, bare.viewpoint.period).segment == nil)
    }

    @Test func anEarlierPeriodIsAskedForAndTheListsAreRebuiltWhenItArrives() throws {
        let start = bare.fulfilled()
        // Two periods back without handing anything in: the first step back was already held (the
        // overview compares with the period before), the second was not.
        let earlier = update(update(start, .earlierPeriod).0, .earlierPeriod).0
        let period = try #require(earlier.viewpoint.period)
        #expect(earlier.needs.contains(segments(period)))
        func segmented(_ state: AppState) -> Int {
            state.top.table.rows.reduce(0) { total, row in if case .mix(let mix) = row.cells[3] { total + mix.segmented } else { total } }
        }
        #expect(segmented(earlier) == 0, "nothing handed in yet for that period")
        let supplied = earlier.fulfilled()
        #expect(supplied.needs.isEmpty)
        #expect(segmented(supplied) > 0, "the overview's mix is built again with the period's segments")
        #expect(supplied.top.list.cursor == earlier.top.list.cursor)
    }

    @Test func screensAskForWhatTheyRead() {
        let history = update(bare.fulfilled(), .history).0
        #expect(history.needs == [.history])
        let scorecard = ConsoleFixture.state().pressing(.character(":")).typing("RAAA").pressing(.enter)
        let metric = update(scorecard, .open).0
        #expect(metric.needs == Set(metric.landscape.periods(of: framework).map(segments)).subtracting(scorecard.landscape.derived.answered),
                "a metric lists every period with its segment")
        let shown = FrameworkPeriod(framework, scorecard.viewpoint.period!)
        let computation = update(scorecard, .computation).0
        #expect(computation.needs == [.confirmedDistance("RAAA", shown)], "the system view is already held for the scorecard")
    }

    /// After a save the session works out again only what the entry touched, and the period of the
    /// record the cursor goes to.
    @Test func afterAnEditOnlyTheTouchedPeriodIsWorkedOutAgain() throws {
        let state = ConsoleFixture.state()
        let period = try #require(state.viewpoint.period)
        let id = ScorecardID(org: "RAAA", framework: framework, period: period)
        let note = RecordKey.note("n-x")
        #expect(state.needsAfter(changing: [note], focus: nil).isEmpty, "a note changes no segment")
        let needs = state.needsAfter(changing: [.scorecard(id)], focus: FocusTarget(.scorecard(id), in: state.landscape.dataset))
        #expect(needs == [segments(period)])
    }
}
