import OversightDomain

/// Where an organisation stands under one framework in one period: the one place every segment
/// column, chip, mix and timeline reads from.
public struct SegmentReading: Sendable {
    /// The segment a meeting decided (or the public record gives), if any.
    public var decided: Int?
    /// The segment the framework's method computes from the metrics (after the financial override).
    public var computed: Int?
    /// The segment that stands, where a method says which (NOF: computed, or 5 by decision).
    public var final: Int?
    public var basis: SegmentDecision.Basis?
    /// The raw delivery score (mean of metric scores), where the method has one.
    public var rawScore: Double?
    /// Close enough to a boundary that a small change would move it.
    public var nearBoundary: Bool
    /// Place in its peer group's league table, and how many are in it.
    public var rank: Int?
    public var rankOutOf: Int?
    /// NHS England's published standing, where it published one: then the segment, score and rank above are
    /// its figures, and the engine's recomputation is only the check (in `computation`).
    public var published: PublishedStanding?
    /// The scores and the computation, behind one reference so that copying a reading stays cheap
    /// (a footprint of thousands reads every member's segment).
    let details: SegmentDetails?

    /// Metric scores 1.00 (best) to 4.00, by metric.
    public var metricScores: [MetricID: Double] { details?.metricScores ?? [:] }
    /// Domain (theme) scores, for context.
    public var domainScores: [ThemeID: Double] { details?.domainScores ?? [:] }
    /// The engine's computation behind the segment, step by step (for the computation panel).
    public var computation: SegmentComputation? { details?.computation }

    public init(decided: Int? = nil, computed: Int? = nil, final: Int? = nil, basis: SegmentDecision.Basis? = nil,
                rawScore: Double? = nil, nearBoundary: Bool = false, rank: Int? = nil, rankOutOf: Int? = nil,
                metricScores: [MetricID: Double] = [:], domainScores: [ThemeID: Double] = [:],
                computation: SegmentComputation? = nil, published: PublishedStanding? = nil) {
        self.decided = decided
        self.computed = computed
        self.final = final
        self.basis = basis
        self.rawScore = rawScore
        self.nearBoundary = nearBoundary
        self.rank = rank
        self.rankOutOf = rankOutOf
        self.published = published
        let empty = metricScores.isEmpty && domainScores.isEmpty && computation == nil
        details = empty ? nil : SegmentDetails(metricScores: metricScores, domainScores: domainScores, computation: computation)
    }

    /// The segment a screen shows: the one the method says stands, else the decision, else the computed one.
    public var segment: Int? { final ?? decided ?? computed }

    public static let none = SegmentReading()
}

/// The heavy part of a reading, shared between copies.
final class SegmentDetails: Sendable {
    let metricScores: [MetricID: Double]
    let domainScores: [ThemeID: Double]
    let computation: SegmentComputation?

    init(metricScores: [MetricID: Double], domainScores: [ThemeID: Double], computation: SegmentComputation?) {
        self.metricScores = metricScores
        self.domainScores = domainScores
        self.computation = computation
    }
}
