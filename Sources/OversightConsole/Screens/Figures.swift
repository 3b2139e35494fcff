import OversightDomain

/// Numbers of the segmentation method as a reader checks them by hand: scores to 2 decimals, and
/// boundaries and sums to as many more (up to 4) as they really have, so that 1.875 is not shown
/// as 1.88 and then compared with a score of 1.88.
enum Figures {
    /// 2.25, 1.875, 2.7725: at least 2 decimals, at most 4, no trailing zeros beyond 2.
    static func score(_ value: Double) -> String {
        var text = formatDecimal(value, decimals: 4)
        while text.hasSuffix("0"), let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > 3 {
            text.removeLast()
        }
        return text
    }

    /// A weight or a median segment, without needless zeros: 1, 0.33, 2.5.
    /// A median of whole segments: a segment ("3"), or, between two members, "2 to 3" (there is no
    /// segment 2.5). `phrase` gives "between 2 and 3" for running text.
    static func segmentMedian(_ value: Double, phrase: Bool = false) -> String {
        let low = Int(value.rounded(.down))
        if Double(low) == value { return String(low) }
        let high = Int(value.rounded(.up))
        return phrase ? "between \(low) and \(high)" : "\(low) to \(high)"
    }

    static func weight(_ value: Double) -> String {
        var text = formatDecimal(value, decimals: 2)
        while text.contains("."), text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A standard or floor with no more decimals than it has ("78%", "1.00" for a rate of 1, "0pp"): a
    /// threshold is a round number, and its decimals would only crowd the column.
    static func threshold(_ value: Double, _ metric: MetricDefinition) -> String {
        let decimals = value == value.rounded() && metric.unit != .ratio ? 0 : metric.decimals
        return metric.unit.format(value, decimals: decimals)
    }
}
