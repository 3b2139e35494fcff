import OversightDomain

/// Red, amber or green for a metric value: meeting the standard is green, failing the floor red;
/// otherwise the metric score decides (below 2 green, below 3 amber, else red); a value with a
/// standard it misses and no score is amber. No value, no RAG.
public enum RAGRule {
    public static func rag(_ metric: MetricDefinition, value: Double?, score: Double?) -> RAG? {
        guard let value else { return nil }
        if metric.meetsStandard(value) == true { return .green }
        if metric.failsFloor(value) == true { return .red }
        if let score {
            if score < 2 { return .green }
            if score < 3 { return .amber }
            return .red
        }
        return metric.standard == nil ? nil : .amber
    }
}
