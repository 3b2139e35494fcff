/// The published figures of one framework and quarter recomputed step by step, and how far they agree:
/// the check that every number the console shows as NHS England's is what NHS England's method gives,
/// with each difference and its cause where it is known.
public struct ReconciliationReport: Hashable, Sendable {
    public let framework: FrameworkID
    public let period: Period
    /// Trusts with published figures this quarter, by peer group.
    public let publishedTrusts: [PeerGroup: Int]
    /// Peer groups with no published figures this quarter: a pooled ranking or cut-point takes them in too.
    public let missingPeerGroups: [PeerGroup]
    /// Step 1, metric by metric.
    public let metrics: [MetricAgreement]
    /// Steps 2 onwards, each from the published figures of the step before, then end to end from the values.
    public let steps: [StepAgreement]
    /// The quartile cut-points: ours from the published averages, and the ranges the published segments allow.
    public let cutPoints: CutPointCheck

    public init(framework: FrameworkID, period: Period, publishedTrusts: [PeerGroup: Int], missingPeerGroups: [PeerGroup],
                metrics: [MetricAgreement], steps: [StepAgreement], cutPoints: CutPointCheck) {
        self.framework = framework
        self.period = period
        self.publishedTrusts = publishedTrusts
        self.missingPeerGroups = missingPeerGroups
        self.metrics = metrics
        self.steps = steps
        self.cutPoints = cutPoints
    }

    public func step(_ id: StepAgreement.Step) -> StepAgreement? { steps.first { $0.step == id } }

    /// Every difference of the report, metric scores first.
    public var differences: [Difference] { metrics.flatMap(\.differences) + steps.flatMap(\.differences) }
}

/// How one metric's published scores compare with the scores recomputed from the published values.
public struct MetricAgreement: Hashable, Sendable {
    public let metric: MetricID
    public let name: String
    /// Published scores compared (a score of 0, NHS England's "missing", is not one).
    public let compared: Int
    /// Equal at 2 decimals, ranking values equal as published as ties.
    public let agreedStrict: Int
    /// Equal at 2 decimals, ordering values equal as published by NHS England's own rank of them (it ranks the
    /// unrounded values): the recomputation the console uses.
    public let agreed: Int
    /// Scores NHS England gives with no value behind them: shown as published, never recomputed.
    public let givenOnly: Bool
    public let differences: [Difference]
    /// For a metric ranked with trusts not published here: the smallest pool, counted as the ranked trusts here
    /// plus some unseen, that every published score fits (each trust's position at or behind its position among
    /// the trusts here, by no more than the unseen). Nil when the scores fit the trusts here alone, or no pool
    /// up to 400 more trusts does.
    public let impliedPool: ImpliedPool?

    public struct ImpliedPool: Hashable, Sendable {
        /// Ranked values published here.
        public let here: Int
        /// The smallest pool every published score fits.
        public let size: Int

        public init(here: Int, size: Int) {
            self.here = here
            self.size = size
        }
    }

    public init(metric: MetricID, name: String, compared: Int, agreedStrict: Int, agreed: Int, givenOnly: Bool, differences: [Difference],
                impliedPool: ImpliedPool? = nil) {
        self.metric = metric
        self.name = name
        self.compared = compared
        self.agreedStrict = agreedStrict
        self.agreed = agreed
        self.givenOnly = givenOnly
        self.differences = differences
        self.impliedPool = impliedPool
    }

    public var share: Double { compared == 0 ? 1 : Double(agreed) / Double(compared) }
}

/// One step of the method recomputed for every trust with published figures.
public struct StepAgreement: Hashable, Sendable {
    public enum Step: String, Hashable, Sendable, CaseIterable {
        case averageScore = "average-score"
        case unadjustedSegment = "unadjusted-segment"
        case unadjustedSegmentPerGroup = "unadjusted-segment-per-group"
        case financialOverride = "financial-override"
        case leagueRank = "league-rank"
        case leagueTable = "league-table"
        case domainScores = "domain-scores"
        case domainSegments = "domain-segments"
        case endToEndAverage = "end-to-end-average"
        case endToEndSegment = "end-to-end-segment"
        case endToEndRank = "end-to-end-rank"
    }

    public let step: Step
    public let title: String
    /// The rule applied, in words.
    public let rule: String
    public let compared: Int
    public let agreed: Int
    /// Of those agreed, how many exactly (for scores, where agreement allows a difference in the last place).
    public let exact: Int?
    public let differences: [Difference]

    public init(step: Step, title: String, rule: String, compared: Int, agreed: Int, exact: Int? = nil, differences: [Difference]) {
        self.step = step
        self.title = title
        self.rule = rule
        self.compared = compared
        self.agreed = agreed
        self.exact = exact
        self.differences = differences
    }
}

/// One figure that does not agree, and why where that is known.
public struct Difference: Hashable, Sendable {
    public let org: OrgCode
    /// The row compared, for a metric or domain step.
    public let row: MetricID?
    public let published: String
    public let recomputed: String
    public let cause: Cause

    public init(org: OrgCode, row: MetricID? = nil, published: String, recomputed: String, cause: Cause) {
        self.org = org
        self.row = row
        self.published = published
        self.recomputed = recomputed
        self.cause = cause
    }

    public enum Cause: Hashable, Sendable {
        /// Ranked or quartiled with trusts whose figures for the quarter are not published (here).
        case incompletePool([PeerGroup])
        /// Its value equals, at the published precision, a trust's of another peer group in the same pooled ranking:
        /// NHS England orders them by the unrounded values, and its published ranks are per peer group, so they
        /// cannot say which came first.
        case tieAcrossPeerGroups([OrgCode])
        /// The trust's score lies exactly on a cut-point of the trusts here, which the missing trusts would move.
        case onCutPoint(Double, missing: [PeerGroup])
        /// Off by one in the second decimal: NHS England averages before rounding the parts.
        case lastPlace
        /// A published metric score has no published value to recompute it from.
        case noValue
        /// Follows from differences in the metric scores the trust's figure is built from.
        case followsMetricScores(Int)
        /// A reading of the method shown only for comparison, which this figure disproves: NHS England's own
        /// reading (the one the framework uses) gives the published figure.
        case otherReadingGivesIt
        case unexplained

        /// In words, for a report.
        public var explanation: String {
            switch self {
            case .incompletePool(let groups):
                return "pooled with \(Cause.names(groups)) trusts, whose figures for the quarter are not published here"
            case .tieAcrossPeerGroups(let others):
                return "equal as published to \(others.map(\.rawValue).joined(separator: ", ")) of another peer group; NHS England orders them unrounded, and its ranks are per peer group"
            case .onCutPoint(let value, let groups):
                return "exactly on the cut-point \(formatDecimal(value, decimals: 2)) of the trusts here; "
                    + (groups.isEmpty ? "the published segment reads the boundary the other way" : "the \(Cause.names(groups)) trusts, not published here, move it")
            case .lastPlace: return "one in the second decimal: NHS England rounds once, at the end"
            case .noValue: return "no published value to recompute the score from"
            case .followsMetricScores(let count): return "follows from \(count) metric score\(count == 1 ? "" : "s") that differ"
            case .otherReadingGivesIt: return "this reading is not NHS England's: the framework's own gives the published figure"
            case .unexplained: return "not explained"
            }
        }

        public var isExplained: Bool { self != .unexplained }

        static func names(_ groups: [PeerGroup]) -> String { groups.map(\.label).joined(separator: " and ") }
    }
}

/// The quartile cut-points of a quarter: ours from the published average scores of the trusts here (pooled or
/// per group as the framework says), and for each boundary the range the published segments leave for it.
public struct CutPointCheck: Hashable, Sendable {
    /// Ours: Q1, median, Q3 of the pooled published averages.
    public let pooled: [Double]
    /// The range each cut-point must lie in for every published unadjusted segment to follow: [low, high).
    public let implied: [ClosedOpenRange?]
    /// Whether one set of cut-points can give every published segment (no trust in a better segment has a higher
    /// average than one in a worse).
    public let consistent: Bool

    public init(pooled: [Double], implied: [ClosedOpenRange?], consistent: Bool) {
        self.pooled = pooled
        self.implied = implied
        self.consistent = consistent
    }

    /// `low ≤ x < high`, as the published segments bound a cut-point.
    public struct ClosedOpenRange: Hashable, Sendable {
        public let low: Double
        public let high: Double

        public init(low: Double, high: Double) {
            self.low = low
            self.high = high
        }
    }
}
