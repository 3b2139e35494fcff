import OversightDomain

/// Reads segments out of a dataset: the segmentation engine for frameworks whose method computes
/// them (NOF 2025/26), recorded decisions for the judgement frameworks. Every segment column,
/// chip, mix and timeline reads what this returns.
enum SegmentSource {
    /// The readings of a period, and the engine's whole result when the framework computes segments.
    static func compute(_ dataset: Dataset, _ framework: FrameworkID, _ period: Period)
        -> (readings: [OrgCode: SegmentReading], result: SegmentationResult?) {
        if dataset.framework(framework)?.computesSegments == true,
           let computed = try? Segmentation.compute(dataset, framework: framework, period: period) {
            return (engineReadings(computed, dataset, framework, period), computed)
        }
        return (decisionReadings(dataset, framework, period), nil)
    }

    static func engineReadings(_ computed: SegmentationResult, _ dataset: Dataset, _ framework: FrameworkID,
                               _ period: Period) -> [OrgCode: SegmentReading] {
        var readings: [OrgCode: SegmentReading] = [:]
        for computation in computed.organisations {
            let decision = dataset.scorecard(ScorecardID(org: computation.org, framework: framework, period: period))?.decision
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

    static func decisionReadings(_ dataset: Dataset, _ framework: FrameworkID, _ period: Period) -> [OrgCode: SegmentReading] {
        var readings: [OrgCode: SegmentReading] = [:]
        for card in dataset.scorecards where card.framework == framework && card.period == period {
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
