import OversightDomain

/// The segment the framework's method computes for a scorecard, for recording beside a decision.
enum SegmentComputation {
    static func computedSegment(for id: ScorecardID, in data: Dataset) -> Int? {
        // Replaced by the segmentation engine when it lands (issue 6).
        nil
    }
}
