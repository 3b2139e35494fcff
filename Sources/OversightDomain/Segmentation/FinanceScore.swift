/// SOF 2016's finance and use of resources score: each of its metrics (capital service capacity, liquidity,
/// I&E margin, distance from financial plan, agency spend) scored 1–4 by its brackets, the scores averaged by
/// the metrics' weights, the average rounded to a whole score, then held down by the control-total ceilings.
/// Thresholds and weights are data in the framework; equal weighting and the thresholds are UNVERIFIED.
public struct FinanceScore: Hashable, Sendable {
    /// Each finance metric, scored by bracket or left out (and why).
    public let metrics: [MetricScore]
    /// The weighted mean of the metric scores, to 2 decimals.
    public let average: Score?
    /// The average rounded to a whole score, halves away from zero (2.50 → 3), before any ceiling.
    public let computed: Int?
    /// Each ceiling the rules name, and whether its condition holds.
    public let ceilings: [CeilingOutcome]
    /// The score after the ceilings: no better than any ceiling whose condition holds.
    public let score: Int?

    /// Scores one provider's finance metrics.
    public static func compute(rules: FinanceScoreRules, metrics: [MetricDefinition], values: [MetricID: MetricValue],
                               position: FinancialPosition?) throws(SegmentationError) -> FinanceScore {
        var selected: [MetricDefinition] = []
        for id in rules.metrics {
            guard let metric = metrics.first(where: { $0.id == id }) else {
                throw .invalidMetric(id, "the finance score names it, but it is not defined; define it or take it out of the finance score")
            }
            switch metric.scoring {
            case .ranked, .matrix:
                throw .invalidMetric(id, "the finance score scores by brackets; give the metric bespoke brackets")
            case .bespoke, .score, .context: break
            }
            selected.append(metric)
        }
        _ = try MetricChecks.check(selected)

        var lines: [MetricScore] = []
        for metric in selected {
            let value = values[metric.id] ?? .missing
            var hundredths: Int?
            var basis: ScoreBasis
            switch value {
            case .missing: basis = .leftOut(.missing)
            case .suppressed: basis = .leftOut(.suppressed)
            case .notApplicable: basis = .leftOut(.functionNotPerformed)
            case .count: basis = .leftOut(.countNotScored)
            case .number(let number):
                if case .context = metric.scoring {
                    basis = .leftOut(.contextOnly)
                } else {
                    let shape = MetricShape(metric)
                    let scored = UnrankedScoring.score(number, shape, decimals: 2)
                    (hundredths, basis) = (scored.hundredths, scored.basis.basis(shape))
                }
            }
            lines.append(MetricScore(metric: metric.id, theme: metric.theme, value: value,
                                     score: hundredths.map(Score.init(hundredths:)), weight: metric.weight, basis: basis))
        }
        let mean = SegmentationRun.mean(over: lines.indices, weights: lines.map(\.weight)) { lines[$0].score?.hundredths }
        let average = mean.map { Score(hundredths: roundHundredths($0.mean, decimals: 2)) }
        // Rounded from the average as shown, so that a reader can check it: 2.50 → 3.
        let computed = average.map { roundHalfAwayFromZero(Double($0.hundredths) / 100) }
        let ceilings = rules.ceilings.map { CeilingOutcome(ceiling: $0, position: position) }
        let cap = ceilings.filter { $0.holds == true }.map(\.ceiling.noBetterThan).max()
        let score = computed.map { whole in cap.map { max(whole, $0) } ?? whole }
        return FinanceScore(metrics: lines, average: average, computed: computed, ceilings: ceilings, score: score)
    }

    /// Scores a SOF 2016 scorecard under its framework.
    public static func compute(framework: Framework, scorecard: Scorecard) throws(SegmentationError) -> FinanceScore {
        guard let rules = framework.financeScore else { throw .noFinanceScore(framework.id) }
        return try compute(rules: rules, metrics: framework.metrics, values: scorecard.values, position: scorecard.finance)
    }

    /// Whether a ceiling held the score down.
    public var ceilingApplied: Bool {
        guard let computed, let score else { return false }
        return score != computed
    }
}

/// One control-total ceiling and whether its condition holds for a provider.
public struct CeilingOutcome: Hashable, Sendable {
    public let ceiling: FinanceCeiling
    /// Nil when the financial position does not say (control total or plan not recorded).
    public let holds: Bool?

    init(ceiling: FinanceCeiling, position: FinancialPosition?) {
        self.ceiling = ceiling
        let agreed = position?.controlTotalAgreed
        let deficit = position?.plannedDeficit
        switch (agreed, deficit) {
        case (true?, _): holds = false
        case (false?, let deficit?):
            holds = ceiling.when == .noControlTotalPlannedDeficit ? deficit : !deficit
        default: holds = nil
        }
    }

    /// "no agreed control total and a planned deficit: no better than 3 (applies)".
    public var explanation: String {
        let condition = ceiling.when == .noControlTotalPlannedDeficit
            ? "no agreed control total and a planned deficit" : "no agreed control total and a planned surplus"
        let state = holds.map { $0 ? "applies" : "does not apply" } ?? "not known: control total or plan not recorded"
        return "\(condition): no better than \(ceiling.noBetterThan) (\(state))"
    }
}
