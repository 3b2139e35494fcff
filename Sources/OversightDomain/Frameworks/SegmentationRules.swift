/// How a framework arrives at a segment: by judgement, by rating, or by NOF 2025/26's published
/// automatic method. The numbers in it are data, so a later framework year changes data, not code.
public struct SegmentationRules: Hashable, Codable, Sendable {
    public enum Method: String, Codable, Sendable {
        /// Decided by people from data plus judgement (SOF 2016, SOF 2021/22): every segment is a decision.
        case judgement
        /// An overall rating, not a segment (CCG IAF).
        case ratings
        /// NOF 2025/26: metric scores → average → quartile within peer group → overrides.
        case nofQuartiles = "nof-quartiles"
    }

    public var method: Method
    /// Decimal places scores and averages are rounded to.
    public var scoreDecimals: Int
    /// A provider in one of these segments that reports a deficit or receives deficit support moves to `to`.
    public var deficitOverride: DeficitOverride?
    /// A segment reached only by decision, and the computed segment it requires (NOF: 5 requires 4).
    public var decisionOnlySegment: Int?
    public var decisionOnlyRequires: Int?
    /// How close to a quartile boundary counts as "near" (NOF: 0.05).
    public var nearBoundaryMargin: Double?
    /// Whose average scores the quartile cut-points are taken from: each peer group's own, or every segmented
    /// provider's together (NOF 2025/26 Q1: acute and mental health and community trusts pooled).
    public var quartilePool: RankingPool

    public init(method: Method, scoreDecimals: Int = 2, deficitOverride: DeficitOverride? = nil,
                decisionOnlySegment: Int? = nil, decisionOnlyRequires: Int? = nil, nearBoundaryMargin: Double? = nil,
                quartilePool: RankingPool = .peerGroup) {
        self.method = method
        self.scoreDecimals = scoreDecimals
        self.deficitOverride = deficitOverride
        self.decisionOnlySegment = decisionOnlySegment
        self.decisionOnlyRequires = decisionOnlyRequires
        self.nearBoundaryMargin = nearBoundaryMargin
        self.quartilePool = quartilePool
    }

    private enum CodingKeys: String, CodingKey {
        case method, scoreDecimals, deficitOverride, decisionOnlySegment, decisionOnlyRequires, nearBoundaryMargin, quartilePool
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        method = try c.decode(Method.self, forKey: .method)
        scoreDecimals = try c.decode(Int.self, forKey: .scoreDecimals)
        deficitOverride = try c.decodeIfPresent(DeficitOverride.self, forKey: .deficitOverride)
        decisionOnlySegment = try c.decodeIfPresent(Int.self, forKey: .decisionOnlySegment)
        decisionOnlyRequires = try c.decodeIfPresent(Int.self, forKey: .decisionOnlyRequires)
        nearBoundaryMargin = try c.decodeIfPresent(Double.self, forKey: .nearBoundaryMargin)
        quartilePool = try c.decodeIfPresent(RankingPool.self, forKey: .quartilePool) ?? .peerGroup
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(method, forKey: .method)
        try c.encode(scoreDecimals, forKey: .scoreDecimals)
        try c.encodeIfPresent(deficitOverride, forKey: .deficitOverride)
        try c.encodeIfPresent(decisionOnlySegment, forKey: .decisionOnlySegment)
        try c.encodeIfPresent(decisionOnlyRequires, forKey: .decisionOnlyRequires)
        try c.encodeIfPresent(nearBoundaryMargin, forKey: .nearBoundaryMargin)
        if quartilePool != .peerGroup { try c.encode(quartilePool, forKey: .quartilePool) }
    }
}

public struct DeficitOverride: Hashable, Codable, Sendable {
    public var fromSegments: [Int]
    public var to: Int

    public init(fromSegments: [Int], to: Int) {
        self.fromSegments = fromSegments
        self.to = to
    }
}

/// SOF 2016's finance and use of resources score: five metrics scored 1–4 by brackets, averaged,
/// then capped by the control-total overrides. Weights and thresholds are data and marked UNVERIFIED.
public struct FinanceScoreRules: Hashable, Codable, Sendable {
    public var metrics: [MetricID]
    public var ceilings: [FinanceCeiling]
    public var provenance: Provenance

    public init(metrics: [MetricID], ceilings: [FinanceCeiling], provenance: Provenance) {
        self.metrics = metrics
        self.ceilings = ceilings
        self.provenance = provenance
    }
}

/// "No better than n" when a condition on the financial position holds.
public struct FinanceCeiling: Hashable, Codable, Sendable {
    public enum Condition: String, Codable, Sendable {
        /// No agreed control total and planning a deficit.
        case noControlTotalPlannedDeficit = "no-control-total-planned-deficit"
        /// No agreed control total and planning a surplus.
        case noControlTotalPlannedSurplus = "no-control-total-planned-surplus"
    }

    public var when: Condition
    public var noBetterThan: Int
    public var provenance: Provenance

    public init(when: Condition, noBetterThan: Int, provenance: Provenance) {
        self.when = when
        self.noBetterThan = noBetterThan
        self.provenance = provenance
    }
}
