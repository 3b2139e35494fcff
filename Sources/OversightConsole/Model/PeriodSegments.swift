import OversightDomain

/// Segments of one framework in one period, read out of a dataset: NHS England's published figures where
/// it published them (what the console shows as a trust's segment, score and rank), with the segmentation
/// engine's recomputation behind them (league tables, boundaries, each computation) for a framework whose
/// method computes segments; recorded decisions for the judgement frameworks. Every segment column, chip,
/// mix and timeline reads these readings.
public struct PeriodSegments: Sendable {
    public let readings: [OrgCode: SegmentReading]
    /// The engine's result; nil when the framework decides segments by judgement.
    public let result: SegmentationResult?
    /// The published league of the period; nil when nothing is published for it.
    public let published: PublishedLeague?

    public init(readings: [OrgCode: SegmentReading], result: SegmentationResult?, published: PublishedLeague? = nil) {
        self.readings = readings
        self.result = result
        self.published = published
    }

    /// Works a period out: the costly part of a screen, which the session does outside `update` and `view`.
    public static func compute(_ dataset: Dataset, _ key: FrameworkPeriod) -> PeriodSegments {
        if dataset.framework(key.framework)?.computesSegments == true,
           let computed = try? Segmentation.compute(dataset, framework: key.framework, period: key.period) {
            let league = PublishedLeague(dataset, framework: key.framework, period: key.period)
            let published = league.standings.isEmpty ? nil : league
            var readings = engineReadings(computed, dataset, key, published: published)
            // A decision from the public record where nothing was computed (a trust's own report of a quarter
            // NHS England's files here do not cover) still shows, as the judgement frameworks' decisions do.
            for (org, reading) in decisionReadings(dataset, key) where readings[org] == nil && reading.decided != nil {
                readings[org] = reading
            }
            return PeriodSegments(readings: readings, result: computed, published: published)
        }
        return PeriodSegments(readings: decisionReadings(dataset, key), result: nil)
    }

    static func engineReadings(_ computed: SegmentationResult, _ dataset: Dataset, _ key: FrameworkPeriod,
                               published league: PublishedLeague?) -> [OrgCode: SegmentReading] {
        var readings: [OrgCode: SegmentReading] = [:]
        for computation in computed.organisations {
            let card = dataset.scorecard(ScorecardID(org: computation.org, framework: key.framework, period: key.period))
            let decision = card?.decision
            if let standing = league?.standings[computation.org], let published = card?.published {
                readings[computation.org] = publishedReading(standing, published, decision: decision, computation: computation,
                                                             framework: dataset.framework(key.framework))
                continue
            }
            var metricScores: [MetricID: Double] = [:]
            for metric in computation.metrics { if let score = metric.score { metricScores[metric.metric] = score.value } }
            var domainScores: [ThemeID: Double] = [:]
            for domain in computation.domains { if let score = domain.score { domainScores[domain.theme] = score.value } }
            readings[computation.org] = SegmentReading(
                decided: decision?.segment, computed: computation.adjustedSegment, final: computation.segment,
                basis: decision?.basis, rawScore: computation.rawScore?.value, nearBoundary: computation.isNearBoundary,
                rank: computation.rank, rankOutOf: computation.rank == nil ? nil : computation.tableSize,
                metricScores: metricScores, domainScores: domainScores, computation: computation)
        }
        return readings
    }

    /// NHS England's figures as the reading a screen shows: its segment (5 where the trust was in the
    /// Recovery Support Programme, or entered 5 by a recorded decision), rank of N, average, metric and
    /// domain scores; the engine's computation kept beside them for "how it was computed".
    static func publishedReading(_ standing: PublishedStanding, _ published: PublishedAssessment, decision: SegmentDecision?,
                                 computation: SegmentComputation, framework: Framework?) -> SegmentReading {
        var metricScores: [MetricID: Double] = [:]
        var domainScores: [ThemeID: Double] = [:]
        for metric in framework?.metrics ?? [] {
            if let score = published.rows[metric.scoreRow ?? metric.id]?.value, score > 0 { metricScores[metric.id] = score }
        }
        for theme in framework?.themes ?? [] {
            if let row = theme.scoreRow, let score = published.rows[row]?.value { domainScores[theme.id] = score }
        }
        var final = standing.shownSegment
        // Segment 5 is a decision (the Provider Improvement Programme): one recorded on a published 4 stands.
        if let decision, let only = framework?.segmentation.decisionOnlySegment, decision.segment == only,
           framework?.segmentation.decisionOnlyRequires == standing.segment {
            final = only
        }
        return SegmentReading(
            decided: decision?.segment, computed: standing.segment, final: final, basis: decision?.basis,
            rawScore: standing.averageScore, nearBoundary: !standing.nearBoundaries.isEmpty, rank: standing.rank,
            rankOutOf: standing.rank == nil ? nil : standing.rankedInGroup, metricScores: metricScores, domainScores: domainScores,
            computation: computation, published: standing)
    }

    static func decisionReadings(_ dataset: Dataset, _ key: FrameworkPeriod) -> [OrgCode: SegmentReading] {
        var readings: [OrgCode: SegmentReading] = [:]
        for card in dataset.scorecards where card.framework == key.framework && card.period == key.period {
            var reading = SegmentReading()
            if let decision = card.decision {
                reading.decided = decision.segment
                reading.computed = decision.computed
                reading.basis = decision.basis
            }
            readings[card.org] = reading
        }
        return readings
    }
}
