import OversightDomain

/// Segments of one framework in one period, read out of a dataset: from the segmentation engine for
/// a framework whose method computes them (NOF 2025/26), with its whole result (league tables,
/// boundaries, each computation); from recorded decisions for the judgement frameworks. Every
/// segment column, chip, mix and timeline reads these readings.
public struct PeriodSegments: Sendable {
    public let readings: [OrgCode: SegmentReading]
    /// The engine's result; nil when the framework decides segments by judgement.
    public let result: SegmentationResult?

    public init(readings: [OrgCode: SegmentReading], result: SegmentationResult?) {
        self.readings = readings
        self.result = result
    }

    /// Works a period out: the costly part of a screen, which the session does outside `update` and `view`.
    public static func compute(_ dataset: Dataset, _ key: FrameworkPeriod) -> PeriodSegments {
        if dataset.framework(key.framework)?.computesSegments == true,
           let computed = try? Segmentation.compute(dataset, framework: key.framework, period: key.period) {
            return PeriodSegments(readings: engineReadings(computed, dataset, key), result: computed)
        }
        return PeriodSegments(readings: decisionReadings(dataset, key), result: nil)
    }

    static func engineReadings(_ computed: SegmentationResult, _ dataset: Dataset, _ key: FrameworkPeriod) -> [OrgCode: SegmentReading] {
        var readings: [OrgCode: SegmentReading] = [:]
        for computation in computed.organisations {
            let decision = dataset.scorecard(ScorecardID(org: computation.org, framework: key.framework, period: key.period))?.decision
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
