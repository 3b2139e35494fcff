import OversightConsole
import OversightDomain
import OversightTestSupport
import Testing

/// The distance-to-next-segment view: what it suggests, said in the metric's units, and that the
/// suggestions, applied to the data and the whole period segmented again, really move the trust.
@Suite struct DistanceViewTests {
    /// The dataset with a trust's suggested values put into its scorecard for the period.
    static func applying(_ distance: DistanceToNextSegment, to org: OrgCode, in dataset: Dataset, framework: FrameworkID,
                         period: Period) -> Dataset {
        var data = dataset
        let index = data.scorecards.firstIndex { $0.org == org && $0.framework == framework && $0.period == period }!
        for improvement in distance.improvements { data.scorecards[index].values[improvement.metric] = .number(improvement.to) }
        return data
    }

    @Test func theHandWorkedTrustIsToldToClearTheFloorAndThatMovesItToTheMedian() throws {
        let state = LeagueFixture.state().pressing(.character(":")).typing("RAA").pressing(.enter, .character("m"))
        #expect(state.topKind == .distance)
        // Metric, from, to, achieves, gain, fall, metric score.
        #expect(state.top.table.rows.map { $0.cells.map(\.searchText) }
            == [["Floor metric", "12", "10", "clear the floor", "1.00", "0.43", "4.00 → 3.00"]],
                "clearing the floor (12 → 10) scores 3.00 among five: (1 + 3 + 1.75/3) ÷ 2.33 = 1.96, below the median")
        let distance = try #require(state.landscape.confirmedDistance("RAA", LeagueFixture.nof, LeagueFixture.later))
        #expect(distance.fromQuartile == 3 && distance.toQuartile == 2 && distance.targetScore == Score(hundredths: 203))
        #expect(distance.segmentAfter == 3 && distance.heldBy != nil, "its deficit holds it at 3")
        let after = try Segmentation.compute(DistanceViewTests.applying(distance, to: "RAA", in: LeagueFixture.hand,
                                                                        framework: LeagueFixture.nof, period: LeagueFixture.later),
                                             framework: LeagueFixture.nof, period: LeagueFixture.later)
        #expect(after.organisation("RAA")?.quartile == 2, "recomputed with its new value, RAA is in quartile 2")
    }

    @Test func theScreenSaysTheAimTheFallThePlanAndWhatHoldsIt() {
        let size = Size(width: 80, height: 24)
        let state = LeagueFixture.state(size).pressing(.character(":")).typing("RAA").pressing(.enter, .character("m"))
        let screen = view(state, size: size).text
        for text in ["Aim       quartile 3 → 2: segment  3  →  3  (held)", "Held      the financial override holds it at segment 3",
                     "Fall      raw score 2.39 must fall 0.36 to 2.03 or below (the median is 2.03",
                     "Plan      this improvement gives 1.96, quartile 2 · confirmed by applying it"] {
            #expect(screen.contains(text), "“\(text)” is on screen:\n\(screen)")
        }
    }

    @Test func inTheBestQuartileItSaysThereIsNothingBetterAndHowFarInsideItIs() {
        let state = LeagueFixture.state().pressing(.character(":")).typing("RCC").pressing(.enter, .character("m"))
        #expect(state.top.table.rows.isEmpty)
        let screen = view(state, size: Size(width: 80, height: 24)).text
        #expect(screen.contains("RCC's raw score is in the best quartile of its peer group"), "\(screen)")
        #expect(screen.contains("1.85 is 0.05 inside Q1 (1.90)"), "\(screen)")
    }
}
