import Testing
@testable import OversightDomain

@Suite("SOF 2016 finance and use of resources score")
struct SegmentationFinanceScoreTests {
    /// Illustrative brackets: 1 at 0 or above, 2 from −1, 3 from −2, 4 below (the real thresholds are UNVERIFIED data).
    static func finance(_ id: String) -> MetricDefinition {
        Fixture.metric(id, theme: "finance", scoring: .bespoke([
            Bracket(atLeast: 0, score: 1), Bracket(atLeast: -1, below: 0, score: 2),
            Bracket(atLeast: -2, below: -1, score: 3), Bracket(below: -2, score: 4),
        ]))
    }

    let ids: [MetricID] = ["capital-service", "liquidity", "ie-margin", "plan-distance", "agency"]
    var metrics: [MetricDefinition] { ids.map { Self.finance($0.rawValue) } }
    var rules: FinanceScoreRules {
        FinanceScoreRules(metrics: ids, ceilings: [
            FinanceCeiling(when: .noControlTotalPlannedDeficit, noBetterThan: 3, provenance: Fixture.provenance),
            FinanceCeiling(when: .noControlTotalPlannedSurplus, noBetterThan: 2, provenance: Fixture.provenance),
        ], provenance: Fixture.provenance)
    }

    func score(_ values: [Double?], agreed: Bool? = true, deficit: Bool? = false) throws -> FinanceScore {
        var byMetric: [MetricID: MetricValue] = [:]
        for (id, value) in zip(ids, values) { byMetric[id] = value.map(MetricValue.number) ?? .missing }
        let position = FinancialPosition(reportsDeficit: false, receivesDeficitSupport: false, controlTotalAgreed: agreed, plannedDeficit: deficit)
        return try FinanceScore.compute(rules: rules, metrics: metrics, values: byMetric, position: position)
    }

    @Test("Each metric is scored by its brackets and the scores are averaged")
    func bracketsAndAverage() throws {
        let result = try score([0.5, -0.5, -1.5, -0.2, -0.9])
        #expect(result.metrics.map { $0.score?.value } == [1, 2, 3, 2, 2])
        #expect(result.average == Score(hundredths: 200) && result.computed == 2 && result.score == 2)
    }

    @Test("The average rounds to a whole score, halves away from zero; a missing metric is left out")
    func roundingAndMissing() throws {
        let result = try score([-0.5, -1.5, -0.5, -1.5, nil])
        #expect(result.metrics.last?.basis == .leftOut(.missing))
        #expect(result.average == Score(hundredths: 250) && result.computed == 3)
        #expect(try score([1, -0.5, -1.5, -1.5, -1.5]).computed == 2, "2.40 rounds to 2")
    }

    @Test("No agreed control total and a planned deficit: no better than 3")
    func deficitCeiling() throws {
        let result = try score([1, 1, 1, 1, 1], agreed: false, deficit: true)
        #expect(result.computed == 1 && result.score == 3 && result.ceilingApplied)
        #expect(result.ceilings.map(\.holds) == [true, false])
    }

    @Test("A planned surplus without a control total: no better than 2; a ceiling never improves a score")
    func surplusCeiling() throws {
        #expect(try score([1, 1, 1, 1, 1], agreed: false, deficit: false).score == 2)
        #expect(try score([-3, -3, -3, -3, -3], agreed: false, deficit: false).score == 4)
    }

    @Test("With an agreed control total no ceiling holds; when the position is unrecorded the ceilings are unknown")
    func controlTotalAgreedOrUnknown() throws {
        #expect(try score([1, 1, 1, 1, 1], agreed: true, deficit: true).score == 1)
        let unknown = try score([1, 1, 1, 1, 1], agreed: nil, deficit: nil)
        #expect(unknown.ceilings.map(\.holds) == [nil, nil] && unknown.score == 1)
        #expect(unknown.ceilings[0].explanation.contains("not known"))
    }

    @Test("A framework without a finance score, or a ranked finance metric, is refused with a reason")
    func refusals() throws {
        let nof = DatasetFixture.framework("nof", method: .nofQuartiles)
        #expect(throws: SegmentationError.noFinanceScore("nof")) {
            try FinanceScore.compute(framework: nof, scorecard: DatasetFixture.scorecard("R1", "nof"))
        }
        let ranked = [Fixture.metric("capital-service")] + metrics.dropFirst()
        #expect(throws: SegmentationError.self) {
            try FinanceScore.compute(rules: rules, metrics: ranked, values: [:], position: nil)
        }
    }
}
