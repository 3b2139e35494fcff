/// One organisation under one framework for one period: its metric values, ratings,
/// financial position and the segment decision, if one was recorded.
public struct Scorecard: Hashable, Codable, Sendable, Identified {
    public var org: OrgCode
    public var framework: FrameworkID
    public var period: Period
    public var values: [MetricID: MetricValue]
    /// Judgement or rating frameworks: a rating per theme (CCG IAF domains; SOF themes).
    public var themeRatings: [ThemeID: String]
    /// Rating frameworks: the overall rating id.
    public var rating: String?
    public var finance: FinancialPosition?
    /// The segment as decided; the computed one comes from the segmentation engine.
    public var decision: SegmentDecision? {
        get { storedDecision?.value }
        set { storedDecision = newValue.map(OutOfLine.init) }
    }
    private var storedDecision: OutOfLine<SegmentDecision>?
    /// Decisions this one replaced, oldest first: a new decision for the same trust, framework and period
    /// keeps the earlier ones, so that the minutes can say what was decided before and why.
    public var earlierDecisions: [SegmentDecision]
    /// What NHS England published for this trust and quarter, as published: what the console shows as its
    /// segment, score and rank. `values` and `finance` then hold the same figures as the method reads them.
    public var published: PublishedAssessment? {
        get { storedPublished?.value }
        set { storedPublished = newValue.map(OutOfLine.init) }
    }
    private var storedPublished: OutOfLine<PublishedAssessment>?
    public var provenance: Provenance

    public init(org: OrgCode, framework: FrameworkID, period: Period, values: [MetricID: MetricValue] = [:],
                themeRatings: [ThemeID: String] = [:], rating: String? = nil, finance: FinancialPosition? = nil,
                decision: SegmentDecision? = nil, earlierDecisions: [SegmentDecision] = [], published: PublishedAssessment? = nil,
                provenance: Provenance) {
        self.org = org
        self.framework = framework
        self.period = period
        self.values = values
        self.themeRatings = themeRatings
        self.rating = rating
        self.finance = finance
        self.storedDecision = decision.map(OutOfLine.init)
        self.earlierDecisions = earlierDecisions
        self.storedPublished = published.map(OutOfLine.init)
        self.provenance = provenance
    }

    public var id: ScorecardID { ScorecardID(org: org, framework: framework, period: period) }

    private enum CodingKeys: String, CodingKey {
        case org, framework, period, values, themeRatings, rating, finance, decision, earlierDecisions, published, provenance
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        org = try c.decode(OrgCode.self, forKey: .org)
        framework = try c.decode(FrameworkID.self, forKey: .framework)
        period = try c.decode(Period.self, forKey: .period)
        values = try c.decodeIfPresent([MetricID: MetricValue].self, forKey: .values) ?? [:]
        themeRatings = try c.decodeIfPresent([ThemeID: String].self, forKey: .themeRatings) ?? [:]
        rating = try c.decodeIfPresent(String.self, forKey: .rating)
        finance = try c.decodeIfPresent(FinancialPosition.self, forKey: .finance)
        storedDecision = try c.decodeIfPresent(SegmentDecision.self, forKey: .decision).map(OutOfLine.init)
        earlierDecisions = try c.decodeIfPresent([SegmentDecision].self, forKey: .earlierDecisions) ?? []
        storedPublished = try c.decodeIfPresent(PublishedAssessment.self, forKey: .published).map(OutOfLine.init)
        provenance = try c.decode(Provenance.self, forKey: .provenance)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(org, forKey: .org)
        try c.encode(framework, forKey: .framework)
        try c.encode(period, forKey: .period)
        if !values.isEmpty { try c.encode(values, forKey: .values) }
        if !themeRatings.isEmpty { try c.encode(themeRatings, forKey: .themeRatings) }
        try c.encodeIfPresent(rating, forKey: .rating)
        try c.encodeIfPresent(finance, forKey: .finance)
        try c.encodeIfPresent(decision, forKey: .decision)
        if !earlierDecisions.isEmpty { try c.encode(earlierDecisions, forKey: .earlierDecisions) }
        try c.encodeIfPresent(published, forKey: .published)
        try c.encode(provenance, forKey: .provenance)
    }

    /// Every decision recorded for this trust, framework and period, newest first: the one in force, then those it replaced.
    public var allDecisions: [SegmentDecision] { (decision.map { [$0] } ?? []) + earlierDecisions.reversed() }

    /// The number a metric holds this period, if it holds one.
    public func number(_ metric: MetricID) -> Double? { values[metric]?.number }
}

/// `RX1/nof-2025-26/2025-26-Q1`: a scorecard's identity.
public struct ScorecardID: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    public let org: OrgCode
    public let framework: FrameworkID
    public let period: Period

    public init(org: OrgCode, framework: FrameworkID, period: Period) {
        self.org = org
        self.framework = framework
        self.period = period
    }

    public var rawValue: String { "\(org.rawValue)/\(framework.rawValue)/\(period.id)" }
    public var description: String { rawValue }

    public static func parse(_ text: String) -> ScorecardID? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, let period = Period.parse(String(parts[2])) else { return nil }
        return ScorecardID(org: OrgCode(String(parts[0])), framework: FrameworkID(String(parts[1])), period: period)
    }

    /// Organisation, then framework, then period in time order.
    public static func < (lhs: ScorecardID, rhs: ScorecardID) -> Bool {
        if lhs.org != rhs.org { return lhs.org < rhs.org }
        if lhs.framework != rhs.framework { return lhs.framework < rhs.framework }
        return lhs.period < rhs.period
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let id = ScorecardID.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)” is not a scorecard id like RX1/nof-2025-26/2025-26-Q1")
        }
        self = id
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// A metric's value for a period: a number, or the reason there is none.
public enum MetricValue: Hashable, Codable, Sendable {
    case number(Double)
    /// Not reported.
    case missing
    /// Reported but withheld (small numbers).
    case suppressed
    /// The organisation does not perform the function the metric measures.
    case notApplicable
    /// A count given where the metric is a rate, because there were too few cases for a rate to mean anything
    /// (NOF 2025/26's E. coli and C. difficile rows of small trusts). Scored by the metric's count brackets.
    case count(Double)

    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The figure whatever it measures: the number, or the count.
    public var figure: Double? {
        switch self {
        case .number(let value), .count(let value): return value
        case .missing, .suppressed, .notApplicable: return nil
        }
    }

    /// JSON: a number, `null` (missing), `"suppressed"`, `"n/a"` or `{"count": 2}`. Numbers are tried first: they are
    /// almost every value, and a refused attempt costs a thrown error.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .missing; return }
        if let value = try? container.decode(Double.self) {
            guard value.isFinite else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "a metric value must be a finite number")
            }
            self = .number(value)
            return
        }
        if let counted = try? decoder.container(keyedBy: CountKey.self) {
            let count = try counted.decode(Double.self, forKey: .count)
            guard count.isFinite, count >= 0 else {
                throw DecodingError.dataCorruptedError(forKey: .count, in: counted, debugDescription: "a count must be a finite number of at least 0")
            }
            self = .count(count)
            return
        }
        let text = try container.decode(String.self)
        switch text {
        case "suppressed": self = .suppressed
        case "n/a": self = .notApplicable
        default:
            throw DecodingError.dataCorruptedError(in: container,
                debugDescription: "“\(text)” is not a metric value; use a number, null, \"suppressed\", \"n/a\" or {\"count\": n}")
        }
    }

    private enum CountKey: String, CodingKey { case count }

    public func encode(to encoder: any Encoder) throws {
        if case .count(let count) = self {
            var counted = encoder.container(keyedBy: CountKey.self)
            try counted.encode(count, forKey: .count)
            return
        }
        var container = encoder.singleValueContainer()
        switch self {
        case .count: preconditionFailure("encoded above")
        case .number(let value): try container.encode(value)
        case .missing: try container.encodeNil()
        case .suppressed: try container.encode("suppressed")
        case .notApplicable: try container.encode("n/a")
        }
    }

    public var label: String {
        switch self {
        case .number(let value): return formatDecimal(value, decimals: 2)
        case .count(let value): return formatDecimal(value, decimals: 0) + " (count)"
        case .missing: return "missing"
        case .suppressed: return "suppressed"
        case .notApplicable: return "n/a"
        }
    }
}

/// What the financial override rules need to know about a provider's own finances.
public struct FinancialPosition: Hashable, Codable, Sendable {
    /// Reports a deficit (NOF 2025/26 override).
    public var reportsDeficit: Bool
    /// Receives deficit support (NOF 2025/26 override).
    public var receivesDeficitSupport: Bool
    /// Has agreed a control total (SOF 2016 ceilings); nil where the framework has none.
    public var controlTotalAgreed: Bool?
    /// Plans a deficit for the year (SOF 2016 ceilings).
    public var plannedDeficit: Bool?

    public init(reportsDeficit: Bool, receivesDeficitSupport: Bool, controlTotalAgreed: Bool? = nil, plannedDeficit: Bool? = nil) {
        self.reportsDeficit = reportsDeficit
        self.receivesDeficitSupport = receivesDeficitSupport
        self.controlTotalAgreed = controlTotalAgreed
        self.plannedDeficit = plannedDeficit
    }
}

/// A segment as a meeting decided it: confirming the computed one, or setting another.
public struct SegmentDecision: Hashable, Codable, Sendable {
    public enum Basis: String, Codable, Sendable {
        /// Confirms the segment the method computed.
        case confirmed
        /// Sets a different segment (e.g. 5 on entry to the Provider Improvement Programme).
        case set
        /// A segment from the public record (judgement frameworks, published positions).
        case published
    }

    public var segment: Int
    public var basis: Basis
    /// What the method computed when the decision was taken, if anything.
    public var computed: Int?
    public var rationale: String
    public var decidedBy: String
    public var date: CalendarDate
    public var provenance: Provenance
    /// The meeting (and item) that decided it, if any.
    public var meeting: MeetingLink?

    public init(segment: Int, basis: Basis, computed: Int? = nil, rationale: String, decidedBy: String,
                date: CalendarDate, provenance: Provenance, meeting: MeetingLink? = nil) {
        self.segment = segment
        self.basis = basis
        self.computed = computed
        self.rationale = rationale
        self.decidedBy = decidedBy
        self.date = date
        self.provenance = provenance
        self.meeting = meeting
    }
}
