import OversightDomain

/// Reads segments out of a dataset. Until the segmentation engine lands this reads recorded
/// decisions (and the computed segment they noted); the engine replaces the body, not the callers.
enum SegmentSource {
    static func readings(_ dataset: Dataset) -> [Landscape.SegmentKey: [OrgCode: SegmentReading]] {
        var result: [Landscape.SegmentKey: [OrgCode: SegmentReading]] = [:]
        for card in dataset.scorecards {
            let key = Landscape.SegmentKey(framework: card.framework, period: card.period)
            var reading = SegmentReading()
            if let decision = card.decision {
                reading.decided = decision.segment
                reading.computed = decision.computed
                reading.basis = decision.basis
            }
            result[key, default: [:]][card.org] = reading
        }
        return result
    }
}
