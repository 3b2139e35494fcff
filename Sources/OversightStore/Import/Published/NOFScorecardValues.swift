import OversightDomain

/// A trust-quarter's published rows as the method reads them: the framework's metric values and the
/// financial position. The published rows stay as they are; these are the engine's input beside them.
enum NOFScorecardValues {
    /// Where a count row is kept when the file also gives a rate row for the same trust and metric
    /// (the README's "two rows (count and rate)" for E. coli and C. difficile): beside the rate, not over it.
    static func countRow(of metric: MetricID) -> MetricID { MetricID(metric.rawValue + "-count") }

    /// For each metric of the framework with a row: its value row as a number, a count, or missing; a
    /// score-only metric (CQC, SHMI) its published score; the combined-finance table nothing, since the
    /// engine computes it from its two parts.
    static func values(_ rows: [MetricID: PublishedRow], framework: Framework) -> [MetricID: MetricValue] {
        var values: [MetricID: MetricValue] = [:]
        for metric in framework.metrics {
            switch metric.scoring {
            case .matrix:
                continue
            case .score:
                guard let row = rows[metric.id] else { continue }
                // NHS England writes a score of 0 for a metric it could not score (README: "zeros out").
                values[metric.id] = row.value.flatMap { $0 == 0 ? nil : MetricValue.number($0) } ?? .missing
            case .ranked, .bespoke, .context:
                let candidates = [rows[metric.id], rows[countRow(of: metric.id)]].compactMap { $0 }
                guard !candidates.isEmpty else { continue }
                if let rate = candidates.first(where: { !$0.isCount && $0.value != nil }), let value = rate.value {
                    values[metric.id] = .number(value)
                } else if let count = candidates.first(where: { $0.isCount && $0.value != nil }), let value = count.value {
                    // A count where a rate is expected is scored by the metric's count brackets; MRSA, which is
                    // a count by definition, stays a number.
                    values[metric.id] = metric.countBrackets.isEmpty || metric.unit == .count ? .number(value) : .count(value)
                } else {
                    values[metric.id] = .missing
                }
            }
        }
        return values
    }

    /// The financial override's flag (OF5004: 1 = in deficit or on deficit support). The file does not say
    /// which of the two applies, so the flag goes in `reportsDeficit`; the override treats both alike.
    static func finance(_ rows: [MetricID: PublishedRow]) -> FinancialPosition? {
        guard let flag = rows[PublishedRowID.financialOverride]?.value else { return nil }
        return FinancialPosition(reportsDeficit: flag == 1, receivesDeficitSupport: false)
    }
}
