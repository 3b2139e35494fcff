/// An oversight framework as data: its themes, segments, metrics and segmentation rules, versioned,
/// so that a scorecard from 2017 is read under the framework that governed it then.
public struct Framework: Hashable, Codable, Sendable, Identified {
    public var id: FrameworkID
    public var name: String
    /// "SOF 2016", "NOF 2025/26".
    public var shortName: String
    public var publisher: String
    /// Bumped whenever the definition changes, so a stored scorecard names the rules it was read under.
    public var version: String
    public var inForceFrom: CalendarDate
    public var inForceTo: CalendarDate?
    public var appliesTo: [OrganisationKind]
    /// What the framework calls its groupings: "theme" or "domain".
    public var themeNoun: String
    public var themes: [Theme]
    /// Segments 1…n with their meanings; empty for a rating framework.
    public var segments: [SegmentDefinition]
    /// The overall ratings of a rating framework (CCG IAF); empty otherwise.
    public var ratings: [RatingDefinition]
    public var metrics: [MetricDefinition]
    public var segmentation: SegmentationRules
    /// SOF 2016's finance and use of resources score; nil for other frameworks.
    public var financeScore: FinanceScoreRules?
    public var summary: String
    public var provenance: Provenance

    public init(id: FrameworkID, name: String, shortName: String, publisher: String, version: String,
                inForceFrom: CalendarDate, inForceTo: CalendarDate?, appliesTo: [OrganisationKind], themeNoun: String,
                themes: [Theme], segments: [SegmentDefinition], ratings: [RatingDefinition] = [],
                metrics: [MetricDefinition], segmentation: SegmentationRules, financeScore: FinanceScoreRules? = nil,
                summary: String, provenance: Provenance) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.publisher = publisher
        self.version = version
        self.inForceFrom = inForceFrom
        self.inForceTo = inForceTo
        self.appliesTo = appliesTo
        self.themeNoun = themeNoun
        self.themes = themes
        self.segments = segments
        self.ratings = ratings
        self.metrics = metrics
        self.segmentation = segmentation
        self.financeScore = financeScore
        self.summary = summary
        self.provenance = provenance
    }

    public func metric(_ id: MetricID) -> MetricDefinition? { metrics.first { $0.id == id } }
    public func theme(_ id: ThemeID) -> Theme? { themes.first { $0.id == id } }
    public func segment(_ number: Int) -> SegmentDefinition? { segments.first { $0.number == number } }

    /// The segment numbers this framework knows, e.g. 1…5.
    public var segmentRange: ClosedRange<Int>? {
        guard let low = segments.map(\.number).min(), let high = segments.map(\.number).max() else { return nil }
        return low...high
    }

    /// Whether the framework was in force at any time during a period. An end known only to the year (SOF
    /// 2016's "2019") is read as its first day: each framework gave way to its successor for a whole financial
    /// year (the NHS Oversight Framework 2019/20 for 2019/20), so its last period is the one before.
    public func isInForce(during period: Period) -> Bool {
        period.end.dayNumber >= inForceFrom.dayNumber && (inForceTo.map { period.start.dayNumber <= $0.dayNumber } ?? true)
    }

    /// Metrics that apply to a peer group.
    public func metrics(for group: PeerGroup?) -> [MetricDefinition] {
        metrics.filter { $0.applies(to: group) }
    }
}

/// A theme (SOF) or domain (NOF) of a framework.
public struct Theme: Hashable, Codable, Sendable {
    public var id: ThemeID
    public var name: String
    /// One word for a narrow line ("Access"), where the name is long.
    public var shortName: String?
    /// The rows a publisher gives the domain's score and segment under (NOF: `OF4000` and `OF4100`).
    public var scoreRow: MetricID?
    public var segmentRow: MetricID?
    public var provenance: Provenance

    public init(id: ThemeID, name: String, shortName: String? = nil, scoreRow: MetricID? = nil, segmentRow: MetricID? = nil,
                provenance: Provenance) {
        self.id = id
        self.name = name
        self.shortName = shortName
        self.scoreRow = scoreRow
        self.segmentRow = segmentRow
        self.provenance = provenance
    }

    public var label: String { shortName ?? name }
}

/// What a segment means under its framework.
public struct SegmentDefinition: Hashable, Codable, Sendable {
    public var number: Int
    /// "Maximum autonomy", "Recovery Support Programme".
    public var label: String
    public var meaning: String
    /// Reached only by a recorded decision, never by computation (NOF 2025/26 segment 5).
    public var decisionOnly: Bool

    public init(number: Int, label: String, meaning: String, decisionOnly: Bool = false) {
        self.number = number
        self.label = label
        self.meaning = meaning
        self.decisionOnly = decisionOnly
    }
}

/// An overall rating of a rating framework (CCG IAF: outstanding … inadequate).
public struct RatingDefinition: Hashable, Codable, Sendable {
    public var id: String
    public var label: String
    /// 1 is best.
    public var rank: Int

    public init(id: String, label: String, rank: Int) {
        self.id = id
        self.label = label
        self.rank = rank
    }
}
