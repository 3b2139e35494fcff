/// What NHS England published for one trust and quarter: every row of its data file for that trust
/// (metric values, metric scores, domain scores and segments, the summary) and its line in the
/// league table, kept as published. The console shows these figures; the recomputation is the check
/// on them, never a replacement (docs/segmentation.md, "Reconciliation").
public struct PublishedAssessment: Hashable, Codable, Sendable {
    /// The release the rows come from.
    public var release: ReleaseID
    /// Earlier releases of the same quarter whose figures this one replaced, oldest first.
    public var earlierReleases: [ReleaseID]
    /// The trust's type, subtype and region as the file spells them ("Acute trust", "Acute - Teaching", "North East").
    public var trustType: String
    public var trustSubtype: String?
    public var region: String?
    /// Every row by its `Metric_ID`: `OF0xxx` values, `OF1xxx` scores, `OF4xxx` domains, `OF5xxx` the summary.
    public var rows: [MetricID: PublishedRow]
    /// The trust's line in the league table file, when one was imported.
    public var league: PublishedLeagueLine?

    public init(release: ReleaseID, earlierReleases: [ReleaseID] = [], trustType: String, trustSubtype: String? = nil,
                region: String? = nil, rows: [MetricID: PublishedRow] = [:], league: PublishedLeagueLine? = nil) {
        self.release = release
        self.earlierReleases = earlierReleases
        self.trustType = trustType
        self.trustSubtype = trustSubtype
        self.region = region
        self.rows = rows
        self.league = league
    }

    private enum CodingKeys: String, CodingKey {
        case release, earlierReleases, trustType, trustSubtype, region, rows, league
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        release = try c.decode(ReleaseID.self, forKey: .release)
        earlierReleases = try c.decodeIfPresent([ReleaseID].self, forKey: .earlierReleases) ?? []
        trustType = try c.decode(String.self, forKey: .trustType)
        trustSubtype = try c.decodeIfPresent(String.self, forKey: .trustSubtype)
        region = try c.decodeIfPresent(String.self, forKey: .region)
        rows = try c.decodeIfPresent([MetricID: PublishedRow].self, forKey: .rows) ?? [:]
        league = try c.decodeIfPresent(PublishedLeagueLine.self, forKey: .league)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(release, forKey: .release)
        if !earlierReleases.isEmpty { try c.encode(earlierReleases, forKey: .earlierReleases) }
        try c.encode(trustType, forKey: .trustType)
        try c.encodeIfPresent(trustSubtype, forKey: .trustSubtype)
        try c.encodeIfPresent(region, forKey: .region)
        if !rows.isEmpty { try c.encode(rows, forKey: .rows) }
        try c.encodeIfPresent(league, forKey: .league)
    }

    // The summary rows, by the ids NHS England gives them (its "NOF CSV metadata" page).

    /// The adjusted segment (after the financial override): the one the league table shows.
    public var segment: Int? { whole(PublishedRowID.adjustedSegment) ?? league?.segment }
    /// The segment before the financial override.
    public var unadjustedSegment: Int? { whole(PublishedRowID.unadjustedSegment) }
    /// The average metric score.
    public var averageScore: Double? { rows[PublishedRowID.averageScore]?.value ?? league?.averageScore }
    /// In deficit or on deficit support (the financial override's flag), whether or not it moved the segment.
    public var financialOverrideFlag: Bool? {
        if let flag = whole(PublishedRowID.financialOverride) { return flag == 1 }
        return league?.inDeficit
    }
    /// The final segment with 5 for the Recovery Support Programme (published in Q1 and Q2 only).
    public var finalSegment: Int? { whole(PublishedRowID.finalSegment) }
    /// In the Recovery Support Programme (published in Q1 and Q2 only).
    public var recoverySupportProgramme: Bool? { whole(PublishedRowID.recoverySupportFlag).map { $0 == 1 } }
    /// The league position within the trust type, ties sharing the lowest rank.
    public var rank: Int? { rows[PublishedRowID.adjustedSegment]?.rank ?? league?.rank }

    private func whole(_ id: MetricID) -> Int? {
        guard let value = rows[id]?.value, value.isFinite, value == value.rounded(), abs(value) < 1_000_000 else { return nil }
        return Int(value)
    }
}

/// One row of a NOF data file, as published.
public struct PublishedRow: Hashable, Codable, Sendable {
    /// `Value`; nil when the cell was blank.
    public var value: Double?
    /// `Units` as spelt ("percent", "%", "count", "rate", "score", "segment", "flag" …).
    public var unit: String
    /// `Reporting_date` as spelt: the period the value measures, which for most metrics lags the quarter.
    public var reportingDate: String
    /// `Median_value`, `Lower_quartile`, `Upper_quartile`: the trust type's, as published.
    public var median: Double?
    public var lowerQuartile: Double?
    public var upperQuartile: Double?
    /// `Rank`: 1 is best within the trust type; ties share the lowest.
    public var rank: Int?
    /// The line of the file it was read from (the header is line 1).
    public var line: Int

    public init(value: Double?, unit: String, reportingDate: String, median: Double? = nil, lowerQuartile: Double? = nil,
                upperQuartile: Double? = nil, rank: Int? = nil, line: Int) {
        self.value = value
        self.unit = unit
        self.reportingDate = reportingDate
        self.median = median
        self.lowerQuartile = lowerQuartile
        self.upperQuartile = upperQuartile
        self.rank = rank
        self.line = line
    }

    /// The E. coli and C. difficile rows of a trust with too few cases for a rate give a count instead.
    public var isCount: Bool { unit.lowercased() == "count" }
}

/// A trust's line in a published league table.
public struct PublishedLeagueLine: Hashable, Codable, Sendable {
    public var release: ReleaseID
    public var averageScore: Double?
    /// `Likely_range_of_average_score`, as spelt ("1.2 to 1.89").
    public var averageScoreRange: String?
    public var segment: Int?
    /// `Trust_in_financial_deficit`.
    public var inDeficit: Bool?
    public var rank: Int?
    /// `Likely_range_of_rank`, as spelt ("1 to 11").
    public var rankRange: String?
    public var line: Int

    public init(release: ReleaseID, averageScore: Double?, averageScoreRange: String?, segment: Int?, inDeficit: Bool?,
                rank: Int?, rankRange: String?, line: Int) {
        self.release = release
        self.averageScore = averageScore
        self.averageScoreRange = averageScoreRange
        self.segment = segment
        self.inDeficit = inDeficit
        self.rank = rank
        self.rankRange = rankRange
        self.line = line
    }
}

/// The row ids of the summary and domain rows, as NHS England numbers them.
public enum PublishedRowID {
    public static let adjustedSegment: MetricID = "OF5000"
    public static let averageScore: MetricID = "OF5002"
    public static let unadjustedSegment: MetricID = "OF5003"
    public static let financialOverride: MetricID = "OF5004"
    public static let finalSegment: MetricID = "OF5005"
    public static let recoverySupportFlag: MetricID = "OF5007"

    /// What a row id holds, from its first digits: `OF0` value, `OF1` score, `OF40` domain score, `OF41` domain
    /// segment, `OF5` summary.
    public enum Kind: Sendable, Equatable { case value, score, domainScore, domainSegment, summary, unknown }

    public static func kind(of id: MetricID) -> Kind {
        let text = id.rawValue
        guard text.count == 6, text.hasPrefix("OF"), text.dropFirst(2).allSatisfy({ $0.isASCII && $0.isNumber }) else { return .unknown }
        switch text.dropFirst(2).prefix(2) {
        case let digits where digits.hasPrefix("0"): return .value
        case let digits where digits.hasPrefix("1"): return .score
        case "40": return .domainScore
        case "41": return .domainSegment
        case let digits where digits.hasPrefix("5"): return .summary
        default: return .unknown
        }
    }

    /// `OF1003` for `OF0003`: a value row's score row (and back).
    public static func scoreRow(of value: MetricID) -> MetricID {
        MetricID("OF1" + value.rawValue.dropFirst(3))
    }
}
