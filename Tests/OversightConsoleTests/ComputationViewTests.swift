import OversightConsole
import OversightDomain
import Testing

/// The computation behind a segment, checked against the arithmetic of `LeagueFixture.hand`,
/// worked out by hand in that file's comment.
@Suite struct ComputationViewTests {
    let context = LeagueFixture.state()
        .working([.systems(FrameworkPeriod(LeagueFixture.nof, LeagueFixture.later)), .confirmedDistance("RAA", FrameworkPeriod(LeagueFixture.nof, LeagueFixture.later))])
        .context

    func rows(_ org: OrgCode) -> [String: [String]] {
        let table = ComputationScreen(org: org).table(context)
        return Dictionary(uniqueKeysWithValues: table.rows.map { ($0.key, $0.cells.map(\.searchText)) })
    }

    func computation(_ org: OrgCode) -> SegmentComputation {
        context.landscape.segmentation(LeagueFixture.nof, LeagueFixture.later)!.organisation(org)!
    }

    @Test func eachMetricShowsItsValueScoreWeightAndHow() {
        let raa = rows("RAA")
        // Metric, value, score, weight, how, id, domain.
        #expect(raa["std"]?.prefix(5) == ["Standard metric", "95", "1.00", "1", "met the standard 90"], "meeting the standard scores 1.00")
        #expect(raa["floor"]?.prefix(5) == ["Floor metric", "12", "4.00", "1", "failed the floor 10"], "failing the floor scores 4.00")
        #expect(raa["rank"]?.prefix(5) == ["Ranked metric", "45", "1.75", "0.33",
                                           "ranked 2 of 5 (percentile 75.0) between 1.00 and 4.00"], "1 + 3 × 1/4, weight one third")
        #expect(raa["gap"]?.prefix(5) == ["Gappy metric", "missing", "–", "", "left out: no value reported"],
                "a missing value is left out, with its reason, and carries no weight")
        let rbb = rows("RBB")
        #expect(rbb["std"]?[4] == "ranked 2 of 3 (percentile 50.0) between 2.00 and 4.00", "under a standard the ranked values spread 2–4")
        #expect(rbb["floor"]?[4] == "ranked 1 of 4 (percentile 100.0) between 1.00 and 3.00", "above a floor they spread 1–3")
    }

    @Test func theMeanShowsTheSumsTheUnroundedMeanAndTheRounding() {
        #expect(ComputationText.mean(computation("RAA"))
            == "raw score 2.39: weighted scores 5.5833 ÷ weights 2.3333 = 2.3929",
                "(1 + 4 + 1.75 × 1/3) ÷ (1 + 1 + 1/3)")
        #expect(ComputationText.mean(computation("RCC")).hasPrefix("raw score 1.85: weighted scores 6.1633 ÷ weights 3.3333 = 1.8490"),
                "metric scores are rounded before the mean: 2 + 2.33 + 2.50 × 1/3 + 1")
    }

    @Test func theQuartileShowsTheBoundariesAndTheRule() {
        #expect(ComputationText.quartile(computation("RAA")) == "quartile 3: 2.39 > median, ≤ Q3 · Q1 1.90 · median 2.03 · Q3 2.39",
                "a score on a boundary takes the better quartile")
        #expect(ComputationText.quartile(computation("RBB")).hasPrefix("quartile 1: 1.90 ≤ Q1 · "))
        #expect(ComputationText.quartile(computation("RDD")).hasPrefix("quartile 4: 3.70 > Q3 · "))
    }

    @Test func theOverrideSaysWhetherItAppliedAndWhy() {
        let rules = LeagueFixture.framework().segmentation
        func finance(_ org: OrgCode) -> FinancialPosition? { context.landscape.scorecard(org, LeagueFixture.nof, LeagueFixture.later)?.finance }
        #expect(ComputationText.override(computation("RBB"), finance: finance("RBB"), rules: rules) == "reports a deficit: segment 1 → 3")
        #expect(ComputationText.override(computation("RAA"), finance: finance("RAA"), rules: rules)
            == "reports a deficit: segment 3 is outside the override, no change")
        #expect(ComputationText.override(computation("RCC"), finance: finance("RCC"), rules: rules) == "none: no deficit reported and no deficit support")
        #expect(ComputationText.override(computation("RCC"), finance: nil, rules: rules)
            == "not considered: no financial position recorded for this period")
    }

    @Test func theDecisionSaysWhatItDidToTheSegment() {
        #expect(ComputationText.decision(computation("RDD")) == "segment 5 by decision: Entered the Provider Improvement Programme")
        #expect(computation("RDD").segment == 5 && computation("RDD").adjustedSegment == 4)
        #expect(ComputationText.decision(computation("RAA")) == "none recorded")
    }

    @Test func toNextUsesTheConfirmedDistanceAndSaysSo() {
        let raa = computation("RAA")
        let confirmed = context.landscape.confirmedDistance("RAA", LeagueFixture.nof, LeagueFixture.later)
        #expect(confirmed?.confirmedByRecomputing == true)
        #expect(ComputationText.toNext(raa, confirmed) == "fall 0.36 to 2.03: quartile 2, segment stays 3 · 1 improvement, confirmed",
                "RAA must reach the median, 2.03; its deficit keeps it in segment 3 even there")
        #expect(ComputationText.toNext(computation("RCC"), nil) == "already in the best quartile, 0.05 inside Q1")
    }

    @Test func theTrustIsShownBesideItsICS() {
        let beside = context.landscape.beside("RAA", LeagueFixture.nof, LeagueFixture.later)
        #expect(beside?.system.name == "Riverside ICS")
        let text = ComputationText.beside(beside)
        #expect(text.hasPrefix("its 3: "), "\(text)")
        #expect(text.contains("the median") && text.contains("Riverside ICS"), "\(text)")
    }

    @Test func theScreenShowsEveryStepAtEightyByTwentyFour() {
        let size = Size(width: 80, height: 24)
        let state = LeagueFixture.state(size).pressing(.character(":")).typing("RAA").pressing(.enter, .character("c"))
        let lines = view(state, size: size).text.split(separator: "\n").map(String.init)
        for label in ["Segment", "Mean", "Quartile", "Override", "Decision", "To next", "Its ICS"] {
            #expect(lines.contains { $0.hasPrefix("  " + label) }, "the \(label) step is on screen:\n\(lines.joined(separator: "\n"))")
        }
        #expect(lines.contains { $0.contains("Ranked metric") && $0.contains("0.33") }, "the weights are in the list")
    }

    @Test func aJudgementFrameworkHasNoComputationAndSaysWhere() {
        let judgement = LeagueFixture.state().pressing(.character(":")).typing("RAA").pressing(.enter, .character("c"), .character("f"))
        #expect(judgement.viewpoint.framework == LeagueFixture.sof)
        #expect(judgement.top.table.emptyText
            == "SOF hand decides segments by judgement, so there is no computation to show: the decision and its rationale are on the scorecard.")
    }
}
