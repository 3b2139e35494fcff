/// Recomputes NHS England's published NOF figures for one quarter from what it published, step by step, and
/// counts where they agree. Each step starts from the published figures of the step before (so one step's
/// difference is not counted again in the next); the end-to-end steps start from the values alone.
/// docs/segmentation.md ("Reconciliation") gives the rules and the results on the published files.
public enum Reconciliation {
    public static func run(_ dataset: Dataset, framework id: FrameworkID, period: Period) throws(SegmentationError) -> ReconciliationReport {
        guard let framework = dataset.framework(id) else { throw .unknownFramework(id) }
        let cards = dataset.scorecards.filter { $0.framework == id && $0.period == period && !($0.published?.rows.isEmpty ?? true) }
        let context = Context(dataset: dataset, framework: framework, cards: cards)

        let withTies = try Segmentation.compute(SegmentationInput(dataset: dataset, framework: id, period: period, tieBreaks: true))
        let strict = try Segmentation.compute(SegmentationInput(dataset: dataset, framework: id, period: period, tieBreaks: false))
        let recomputed = Dictionary(withTies.organisations.map { ($0.org, $0) }, uniquingKeysWith: { first, _ in first })
        let strictly = Dictionary(strict.organisations.map { ($0.org, $0) }, uniquingKeysWith: { first, _ in first })

        let metrics = framework.metrics.map { MetricScoreCheck.agreement($0, context, recomputed: recomputed, strict: strictly) }
        let differingMetrics = Dictionary(grouping: metrics.flatMap(\.differences), by: \.org).mapValues(\.count)
        let cutPoints = CutPointCheck.from(context)
        var steps = SummaryChecks.steps(context)
        steps += EndToEndChecks.steps(context, recomputed: recomputed, differingMetrics: differingMetrics)

        return ReconciliationReport(framework: id, period: period, publishedTrusts: context.publishedTrusts,
                                    missingPeerGroups: context.missing, metrics: metrics, steps: steps, cutPoints: cutPoints)
    }

    /// The quarters of a framework with published figures in a dataset, in order.
    public static func publishedPeriods(_ dataset: Dataset, framework: FrameworkID) -> [Period] {
        Set(dataset.scorecards.filter { $0.framework == framework && !($0.published?.rows.isEmpty ?? true) }.map(\.period)).sorted()
    }
}

/// What every check reads: the framework, the trusts with published figures and their peer groups.
struct Context {
    let dataset: Dataset
    let framework: Framework
    let cards: [Scorecard]
    /// Each card's peer group (nil: the register has no type for it).
    let groups: [PeerGroup?]
    let publishedTrusts: [PeerGroup: Int]
    let missing: [PeerGroup]

    init(dataset: Dataset, framework: Framework, cards: [Scorecard]) {
        self.dataset = dataset
        self.framework = framework
        self.cards = cards
        groups = cards.map { dataset.organisation($0.org)?.peerGroup }
        var counts: [PeerGroup: Int] = [:]
        for group in groups.compactMap({ $0 }) { counts[group, default: 0] += 1 }
        publishedTrusts = counts
        missing = PeerGroup.allCases.filter { counts[$0] == nil }
    }

    var pooledCutPoints: Bool { framework.segmentation.quartilePool == .allProviders }

    /// A published row's value.
    func value(_ card: Scorecard, _ row: MetricID) -> Double? { card.published?.rows[row]?.value }

    /// The published score of a framework metric, when it is one NHS England counted (0 means missing).
    func score(_ card: Scorecard, _ metric: MetricDefinition) -> Double? {
        guard let score = value(card, metric.scoreRow ?? metric.id), score > 0 else { return nil }
        return score
    }

    /// The weighted mean of a card's published metric scores over `metrics`, rounded as NHS England rounds it.
    func average(_ card: Scorecard, over metrics: [MetricDefinition]) -> Score? {
        var sum = 0.0
        var weight = 0.0
        for metric in metrics where metric.countsInAverage {
            guard let score = score(card, metric) else { continue }
            sum += metric.weight * score * 100
            weight += metric.weight
        }
        return weight > 0 ? Score(hundredths: roundHundredths(sum / weight, decimals: framework.segmentation.scoreDecimals)) : nil
    }

    /// A score or segment as a report shows it.
    static func text(_ value: Double?) -> String {
        guard let value else { return "none" }
        return value == value.rounded() && abs(value) < 10 ? String(Int(value)) : formatDecimal(value, decimals: 2)
    }

    /// Equal as two-decimal figures.
    static func same(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return false }
        return abs(a - b) < 0.005
    }

    /// Within one in the second decimal.
    static func close(_ a: Double?, _ b: Double?) -> Bool {
        guard let a, let b else { return false }
        return abs(a - b) < 0.0105
    }

    /// The cause of a pooled figure's difference: a missing peer group the pool would have held, if any.
    func poolCause(_ applicable: [PeerGroup]) -> Difference.Cause? {
        let lacking = missing.filter(applicable.contains)
        return lacking.isEmpty ? nil : .incompletePool(lacking)
    }
}
