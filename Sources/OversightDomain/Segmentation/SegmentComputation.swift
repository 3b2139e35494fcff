/// The computation behind one organisation's segment, step by step, for a screen to show and a CSV to print.
public struct SegmentComputation: Hashable, Sendable {
    public let org: OrgCode
    public let peerGroup: PeerGroup?
    /// Step 1: every metric of the framework, in definition order, scored or left out (and why).
    public let metrics: [MetricScore]
    /// How many metrics counted.
    public let metricsScored: Int
    /// The sum of the weights of the metrics that counted.
    public let totalWeight: Double
    /// Step 2: the weighted mean of the metric scores before rounding.
    public let weightedMean: Double?
    /// Step 2: the weighted mean rounded: the raw delivery score.
    public let rawScore: Score?
    /// The peer group's quartile boundaries.
    public let boundaries: QuartileBoundaries?
    /// Step 2: the quartile of the raw score within the peer group (1 best … 4): the delivery segment.
    public let quartile: Int?
    /// Step 3: the financial override, when the provider reports a deficit or receives deficit support.
    public let financialOverride: FinancialOverride?
    /// The segment after the override: what league tables rank by.
    public let adjustedSegment: Int?
    /// Step 4: what a recorded decision did.
    public let decision: DecisionOutcome?
    /// The final segment.
    public let segment: Int?
    /// Position in the peer group's league table (joint positions share a rank).
    public let rank: Int?
    /// How many organisations the league table ranks.
    public let tableSize: Int
    /// The same method on each domain's metrics: context only, never the segment.
    public let domains: [DomainScore]
    /// How far the raw score must fall to cross into the better quartile, and the fewest improvements that would.
    public let distance: DistanceToNextSegment?
    /// Quartile boundaries within the near-boundary margin of the raw score.
    public let nearBoundaries: [BoundaryProximity]
    /// Why there is no segment, when there is none.
    public let notSegmented: String?

    public var isNearBoundary: Bool { !nearBoundaries.isEmpty }

    /// The metric's line of the computation.
    public func metric(_ id: MetricID) -> MetricScore? { metrics.first { $0.metric == id } }
}

/// One domain's score for one organisation: the same method on the domain's metrics, for context only.
public struct DomainScore: Hashable, Sendable {
    public let theme: ThemeID
    public let metricsScored: Int
    public let score: Score?
    /// The quartile of the domain score within the peer group.
    public let quartile: Int?
}

/// A quartile boundary near an organisation's raw score.
public struct BoundaryProximity: Hashable, Sendable {
    /// 1 for Q1 (between segments 1 and 2), 2 for the median, 3 for Q3.
    public let boundary: Int
    /// The boundary as a score.
    public let value: Double
    /// The raw score minus the boundary: at or below zero the organisation is on the better side.
    public let gap: Double
}

/// One line of a peer group's league table.
public struct LeagueEntry: Hashable, Sendable {
    public let rank: Int
    public let org: OrgCode
    public let adjustedSegment: Int
    public let segment: Int
    public let rawScore: Score
}

/// A peer group's boundaries and league table.
public struct PeerGroupTable: Hashable, Sendable {
    public let peerGroup: PeerGroup
    public let boundaries: QuartileBoundaries?
    /// Ranked by adjusted segment, then raw score (lower is better); ties share a rank.
    public let league: [LeagueEntry]
    public let domainBoundaries: [ThemeID: QuartileBoundaries]
}

/// Everything the method computed for one framework and period.
public struct SegmentationResult: Hashable, Sendable {
    /// In input order.
    public let organisations: [SegmentComputation]
    /// Acute, non-acute, ambulance: those with members.
    public let peerGroups: [PeerGroupTable]
    /// The domains, in the order their first metric is defined.
    public let themes: [ThemeID]
    public let problems: [SegmentationProblem]
    let index: [OrgCode: Int]

    init(organisations: [SegmentComputation], peerGroups: [PeerGroupTable], themes: [ThemeID], problems: [SegmentationProblem]) {
        self.organisations = organisations
        self.peerGroups = peerGroups
        self.themes = themes
        self.problems = problems
        var index: [OrgCode: Int] = [:]
        index.reserveCapacity(organisations.count)
        for (position, computation) in organisations.enumerated() { index[computation.org] = position }
        self.index = index
    }

    public func organisation(_ code: OrgCode) -> SegmentComputation? { index[code].map { organisations[$0] } }

    public func table(_ group: PeerGroup) -> PeerGroupTable? { peerGroups.first { $0.peerGroup == group } }
}
