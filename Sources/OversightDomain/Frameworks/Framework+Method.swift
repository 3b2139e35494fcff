extension SegmentationRules.Method {
    /// Whether the method works segments out from the metrics, so that a period has league tables,
    /// a computation behind each segment and a distance to the next one; otherwise every segment is
    /// what people decided, recorded as a decision. A new method must say which it is.
    public var computesSegments: Bool {
        switch self {
        case .nofQuartiles: return true
        case .judgement, .ratings: return false
        }
    }
}

extension Framework {
    /// Whether this framework's segments are computed from its metrics (NOF 2025/26) rather than decided.
    public var computesSegments: Bool { segmentation.method.computesSegments }
}
