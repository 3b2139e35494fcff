/// Everything the segmentation method needs, with or without a dataset: the metric definitions, the rules,
/// and each organisation's values and financial flags. The command line builds one from CSV files; a store
/// builds one from a dataset (`SegmentationInput(dataset:framework:period:)`).
public struct SegmentationInput: Hashable, Sendable {
    public var metrics: [MetricDefinition]
    public var rules: SegmentationRules
    public var organisations: [OrganisationInput]
    /// Problems found while gathering the input (a scorecard for an unknown organisation …), carried into the result.
    public var problems: [SegmentationProblem]

    public init(metrics: [MetricDefinition], rules: SegmentationRules, organisations: [OrganisationInput],
                problems: [SegmentationProblem] = []) {
        self.metrics = metrics
        self.rules = rules
        self.organisations = organisations
        self.problems = problems
    }
}

/// One organisation as the method sees it.
public struct OrganisationInput: Hashable, Sendable {
    public var code: OrgCode
    /// Its league table; nil leaves it unsegmented (commissioners, providers of unknown type).
    public var peerGroup: PeerGroup?
    /// A metric absent here counts as missing.
    public var values: [MetricID: MetricValue]
    /// Reports a deficit (its own finances, not its system's).
    public var reportsDeficit: Bool
    /// Receives deficit support.
    public var receivesDeficitSupport: Bool
    /// A recorded segment decision, if a meeting took one (e.g. entry to the Provider Improvement Programme).
    public var decision: RecordedDecision?
    /// A publisher's rank of each value within the peer group (1 best), computed on values before they were
    /// rounded for publication. Where two values are equal as published, the better rank is taken as the better
    /// value; without it they tie. Never used between peer groups, whose ranks are separate lists.
    public var rankHints: [MetricID: Int]

    public init(code: OrgCode, peerGroup: PeerGroup?, values: [MetricID: MetricValue], reportsDeficit: Bool = false,
                receivesDeficitSupport: Bool = false, decision: RecordedDecision? = nil, rankHints: [MetricID: Int] = [:]) {
        self.code = code
        self.peerGroup = peerGroup
        self.values = values
        self.reportsDeficit = reportsDeficit
        self.receivesDeficitSupport = receivesDeficitSupport
        self.decision = decision
        self.rankHints = rankHints
    }
}

/// The part of a segment decision the method needs: which segment, on what basis, and why.
public struct RecordedDecision: Hashable, Sendable {
    public var segment: Int
    public var basis: SegmentDecision.Basis
    public var rationale: String

    public init(segment: Int, basis: SegmentDecision.Basis, rationale: String) {
        self.segment = segment
        self.basis = basis
        self.rationale = rationale
    }

    public init(_ decision: SegmentDecision) {
        self.init(segment: decision.segment, basis: decision.basis, rationale: decision.rationale)
    }

    /// Entry to the Provider Improvement Programme, as a `pip` column records it: segment 5, set by decision.
    public static func providerImprovementProgramme(segment: Int = 5) -> RecordedDecision {
        RecordedDecision(segment: segment, basis: .set, rationale: "entered the Provider Improvement Programme")
    }
}
