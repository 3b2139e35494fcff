import OversightDomain

/// The segment the framework's method computes for a scorecard, to record beside a decision;
/// nil for frameworks whose segments are judgements.
func computedSegment(for id: ScorecardID, in data: Dataset) -> Int? {
    guard data.framework(id.framework)?.computesSegments == true,
          let result = try? Segmentation.compute(data, framework: id.framework, period: id.period) else { return nil }
    return result.organisation(id.org)?.adjustedSegment
}
