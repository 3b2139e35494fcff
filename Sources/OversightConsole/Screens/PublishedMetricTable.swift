import OversightDomain

/// A trust's metrics as NHS England published them, laid out as trust board papers report their NOF
/// position: value, the period the value measures (most lag the quarter), the trust type's median and
/// quartiles, rank of N, score, and whether the standard is met. Enter opens the metric with its source.
enum PublishedMetricTable {
    static let columns = [
        Column(["Metric"], minWidth: 14, maxWidth: 30, flexible: true),
        Column(["Value"], alignment: .right, minWidth: 5, maxWidth: 10),
        Column(["Measures", "Period"], minWidth: 6, maxWidth: 26, dropOrder: 4),
        Column(["Median", "Med"], alignment: .right, minWidth: 5, maxWidth: 10, dropOrder: 3),
        Column(["Quartiles", "LQ–UQ"], alignment: .right, minWidth: 9, maxWidth: 15, dropOrder: 6),
        Column(["Rank"], alignment: .right, minWidth: 5, maxWidth: 8, dropOrder: 2),
        Column(["Score"], alignment: .right, minWidth: 5),
        Column(["Standard", "Std"], minWidth: 4, maxWidth: 18, dropOrder: 5),
        Column(["Metric ID", "ID"], minWidth: 6, maxWidth: 9, dropOrder: 7),
    ]

    static func table(_ org: Organisation, _ framework: Framework, _ context: ScreenContext) -> Table {
        let period = context.viewpoint.period
        let card = context.landscape.scorecard(org.code, framework.id, period)
        let noun = Noun("metric", "metrics")
        guard let published = card?.published, !published.rows.isEmpty else {
            return Table(columns: columns, rows: [], noun: noun, emptyText: PublishedLines.noData(org, framework, context))
        }
        let counts = rankCounts(framework, org.peerGroup, context)
        let rows = framework.metrics(for: org.peerGroup).compactMap { metric -> Row? in
            let valueRow = published.rows[metric.id]
            let scoreRow = published.rows[metric.scoreRow ?? metric.id]
            guard valueRow != nil || scoreRow != nil else { return nil }
            let hasValue = metric.scoreRow != nil
            let score = scoreRow?.value.flatMap { $0 > 0 ? $0 : nil }
            let rank = (hasValue ? valueRow : scoreRow)?.rank
            let of = counts[metric.id]
            return Row(key: metric.id.rawValue, cells: [
                .text(metric.label),
                hasValue ? value(metric, valueRow) : .decimal(nil, text: "score only"),
                .text(valueRow?.reportingDate ?? scoreRow?.reportingDate ?? ""),
                hasValue ? number(metric, valueRow?.median) : .empty,
                hasValue ? quartiles(metric, valueRow) : .empty,
                .decimal(rank.map(Double.init), text: rank.map { r in of.map { "\(r)/\($0)" } ?? "\(r)" } ?? ""),
                .decimal(score, text: score.map { formatDecimal($0, decimals: 2) } ?? (scoreRow == nil ? "" : "–")),
                .text(standard(metric, valueRow?.value, hasValue: hasValue)),
                .text(metric.id.rawValue),
            ], search: [metric.id.rawValue, metric.name, metric.label, framework.theme(metric.theme)?.name ?? "", metric.subdomain ?? ""]
                .joined(separator: " "))
        }
        return Table(columns: columns, rows: rows, noun: noun, emptyText: "No \(framework.shortName) metrics apply to this organisation.")
    }

    /// "3.69%", "2 cases" (an infection count where the metric is a rate), "7.10/10".
    static func value(_ metric: MetricDefinition, _ row: PublishedRow?) -> CellValue {
        guard let row, let value = row.value else { return .decimal(nil, text: row == nil ? "" : "none") }
        if row.isCount && !metric.countBrackets.isEmpty { return .decimal(value, text: formatDecimal(value, decimals: 0) + " cases") }
        return .decimal(value, text: metric.format(value))
    }

    static func number(_ metric: MetricDefinition, _ value: Double?) -> CellValue {
        .decimal(value, text: value.map { metric.format($0) } ?? "")
    }

    /// "1.33–3.32": the trust type's lower and upper quartiles, as published.
    static func quartiles(_ metric: MetricDefinition, _ row: PublishedRow?) -> CellValue {
        guard let low = row?.lowerQuartile, let high = row?.upperQuartile else { return .empty }
        return .decimal(low, text: formatDecimal(low, decimals: metric.decimals) + "–" + formatDecimal(high, decimals: metric.decimals))
    }

    /// "≤1% missed", "≥78% met", "floor 70% met": the standard (or floor) the score starts from, and where the
    /// value stands against it; empty for a metric with neither.
    static func standard(_ metric: MetricDefinition, _ value: Double?, hasValue: Bool) -> String {
        let sign = metric.direction == .higherIsBetter ? "≥" : "≤"
        if let standard = metric.standard {
            let text = sign + Figures.threshold(standard, metric)
            guard hasValue, let value else { return text }
            return text + (metric.meetsStandard(value) == true ? " met" : " missed")
        }
        if let floor = metric.floor {
            let text = "floor " + Figures.threshold(floor, metric)
            guard hasValue, let value else { return text }
            return text + (metric.failsFloor(value) == true ? " failed" : " cleared")
        }
        return ""
    }

    /// How many trusts of the peer group have a published rank for each metric this quarter: the N of "rank of N".
    static func rankCounts(_ framework: Framework, _ group: PeerGroup?, _ context: ScreenContext) -> [MetricID: Int] {
        var counts: [MetricID: Int] = [:]
        let landscape = context.landscape
        for card in landscape.scorecards(framework.id, context.viewpoint.period) {
            guard let rows = card.published?.rows, landscape.organisation(card.org)?.peerGroup == group else { continue }
            // A value metric's rank is on its value row; a score-only metric's, on its own (score) row.
            for metric in framework.metrics where rows[metric.id]?.rank != nil { counts[metric.id, default: 0] += 1 }
        }
        return counts
    }
}
