/// Where a trust stands in one quarter as NHS England published it, read the way league tables and board
/// papers report it: segment and rank of N, the average score, the financial override and whether it moved
/// the segment, the likely ranges, what moved it since the quarter before, and, worked out here from the
/// published averages, how near it sits to a cut-point and how far its average must fall to reach the next.
public struct PublishedStanding: Hashable, Sendable {
    public let org: OrgCode
    public let peerGroup: PeerGroup
    /// The adjusted segment (after the override): what the league table shows.
    public let segment: Int
    /// The segment before the override.
    public let unadjustedSegment: Int?
    /// 5 where NHS England's final segment says the trust was in the Recovery Support Programme (Q1–Q2 files).
    public let finalSegment: Int?
    public let averageScore: Double?
    public let rank: Int?
    /// Trusts of its type ranked this quarter.
    public let rankedInGroup: Int
    /// Another trust of its type shares its rank ("4=").
    public let joint: Bool
    /// Flagged as in deficit or on deficit support.
    public let inDeficit: Bool?
    /// The likely ranges the league table publishes ("1.2 to 1.89", "1 to 11"), where one was imported.
    public let averageScoreRange: String?
    public let rankRange: String?
    /// Metric scores counted (published scores above 0, the parts of combined finance left out).
    public let metricsScored: Int
    /// Since the quarter before, where both were published.
    public let movement: SegmentMovement?
    /// Cut-points within the framework's near-boundary margin of the published average, worked out from
    /// the published averages of the trusts here (NHS England does not publish its cut-points).
    public let nearBoundaries: [BoundaryProximity]
    /// How far the published average must fall for the better quartile, the cut-point moving with it, every
    /// other published average held: an estimate from the trusts here; nil in quartile 1.
    public let fallToNext: Double?
    /// The release the figures come from.
    public let release: ReleaseID

    /// Whether the override moved it: its adjusted segment is worse than its unadjusted one.
    public var overrideApplied: Bool { unadjustedSegment.map { segment > $0 } ?? false }

    /// The segment a screen leads with: 5 for the Recovery Support Programme, else the adjusted one.
    public var shownSegment: Int { finalSegment ?? segment }

    /// "4=" for a shared rank, "116" otherwise.
    public var rankText: String? { rank.map { joint ? "\($0)=" : "\($0)" } }
}

/// The published league of one framework and quarter: every trust with a published segment, its standing, and
/// which peer groups have figures published at all.
public struct PublishedLeague: Hashable, Sendable {
    public let framework: FrameworkID
    public let period: Period
    public let standings: [OrgCode: PublishedStanding]
    /// Each peer group's trusts in league order (rank, then code).
    public let tables: [PeerGroup: [OrgCode]]
    /// The cut-points worked out from the published averages (pooled as the framework pools them).
    public let cutPoints: [Double]

    public init(_ dataset: Dataset, framework id: FrameworkID, period: Period) {
        framework = id
        self.period = period
        let framework = dataset.framework(id)
        let cards = dataset.scorecards.filter { $0.framework == id && $0.period == period && $0.published?.segment != nil }
        let previous = Dictionary(dataset.scorecards.filter { $0.framework == id && $0.period == period.previous }
            .compactMap { card in card.published.map { (card.org, $0) } }, uniquingKeysWith: { first, _ in first })

        var byGroup: [PeerGroup: [Scorecard]] = [:]
        for card in cards {
            guard let group = dataset.organisation(card.org)?.peerGroup else { continue }
            byGroup[group, default: []].append(card)
        }
        let pooled = framework?.segmentation.quartilePool == .allProviders
        let averagesOf = { (cards: [Scorecard]) -> [Int] in
            cards.compactMap { $0.published?.averageScore }.map { Score(rounding: $0).hundredths }.sorted()
        }
        let everyone = averagesOf(cards)
        let margin = framework?.segmentation.nearBoundaryMargin
        let excluded: Set<MetricID> = Set(framework?.metrics.filter { !$0.countsInAverage }.compactMap { $0.scoreRow ?? $0.id } ?? [])

        var standings: [OrgCode: PublishedStanding] = [:]
        var tables: [PeerGroup: [OrgCode]] = [:]
        var cutPoints: [Double] = QuartileBoundaries(sorted: everyone)?.values ?? []
        for (group, members) in byGroup {
            let sorted = pooled ? everyone : averagesOf(members)
            let boundaries = QuartileBoundaries(sorted: sorted)
            if !pooled, cutPoints.isEmpty { cutPoints = boundaries?.values ?? [] }
            var rankCounts: [Int: Int] = [:]
            for card in members { if let rank = card.published?.rank { rankCounts[rank, default: 0] += 1 } }
            let ranked = members.filter { $0.published?.rank != nil }.count
            for card in members {
                guard let published = card.published, let segment = published.segment else { continue }
                let average = published.averageScore
                var near: [BoundaryProximity] = []
                var fall: Double?
                if let average, let boundaries {
                    let own = Score(rounding: average)
                    if let margin {
                        for (k, boundary) in boundaries.hundredths.enumerated() where abs(Double(own.hundredths) - boundary) <= (margin * 100).rounded() {
                            near.append(BoundaryProximity(boundary: k + 1, value: boundary / 100, gap: (Double(own.hundredths) - boundary) / 100))
                        }
                    }
                    let quartile = boundaries.quartile(of: own)
                    if quartile > 1, let target = QuartileBoundaries.highestScore(in: quartile - 1, replacing: own.hundredths, among: sorted) {
                        fall = Double(own.hundredths - target) / 100
                    }
                }
                let scored = published.rows.filter { id, row in
                    PublishedRowID.kind(of: id) == .score && !excluded.contains(id) && (row.value ?? 0) > 0
                }.count
                standings[card.org] = PublishedStanding(
                    org: card.org, peerGroup: group, segment: segment, unadjustedSegment: published.unadjustedSegment,
                    finalSegment: published.finalSegment.flatMap { $0 != segment ? $0 : nil }, averageScore: average,
                    rank: published.rank, rankedInGroup: ranked, joint: published.rank.map { rankCounts[$0, default: 0] > 1 } ?? false,
                    inDeficit: published.financialOverrideFlag, averageScoreRange: published.league?.averageScoreRange,
                    rankRange: published.league?.rankRange, metricsScored: scored,
                    movement: SegmentMovement(previous: previous[card.org], current: published), nearBoundaries: near,
                    fallToNext: fall, release: published.release)
            }
            tables[group] = members.map(\.org).sorted { a, b in
                let (ra, rb) = (standings[a]?.rank ?? .max, standings[b]?.rank ?? .max)
                return ra != rb ? ra < rb : a < b
            }
        }
        self.standings = standings
        self.tables = tables
        self.cutPoints = cutPoints
    }

    /// Trusts of a peer group with published figures this quarter.
    public func count(_ group: PeerGroup) -> Int { tables[group]?.count ?? 0 }

    /// The latest quarter of a framework with published figures for a peer group (any, when nil), in a dataset.
    public static func latestPeriod(_ dataset: Dataset, framework: FrameworkID, peerGroup: PeerGroup?) -> Period? {
        dataset.scorecards.filter { card in
            card.framework == framework && card.published?.segment != nil
                && (peerGroup == nil || dataset.organisation(card.org)?.peerGroup == peerGroup)
        }.map(\.period).max()
    }
}
