import OversightDomain

/// One published metric of one trust, as the metric screen shows it where NHS England published the
/// figures: the quarter's figures as published (value, the period it measures, the trust type's median and
/// quartiles, rank of N, score, the standard), where they came from (file, line, release), the recomputed
/// score beside the published one, and a row per quarter.
enum PublishedMetricView {
    static let columns = [
        Column(["Period"], minWidth: 8, maxWidth: 12),
        Column(["Value"], alignment: .right, minWidth: 6, maxWidth: 12),
        Column(["Measures", "Period measured"], minWidth: 6, maxWidth: 22, dropOrder: 3),
        Column(["Median"], alignment: .right, minWidth: 5, maxWidth: 10, dropOrder: 4),
        Column(["Rank"], alignment: .right, minWidth: 5, maxWidth: 9, dropOrder: 2),
        Column(["Score"], alignment: .right, minWidth: 5),
        Column(["Segment", "Seg"], minWidth: 4, maxWidth: 9, flexible: true),
    ]

    /// The published row holding the metric's value (a score-only metric's own row), and its score's row.
    static func rows(_ card: Scorecard?, _ metric: MetricDefinition) -> (value: PublishedRow?, score: PublishedRow?) {
        let rows = card?.published?.rows
        return (metric.scoreRow == nil ? nil : rows?[metric.id], rows?[metric.scoreRow ?? metric.id])
    }

    static func table(_ org: OrgCode, _ metric: MetricDefinition, _ context: ScreenContext) -> Table {
        let landscape = context.landscape
        let framework = context.viewpoint.framework
        let group = landscape.organisation(org)?.peerGroup
        let lines = landscape.periods(of: framework).reversed().map { period -> Row in
            let card = landscape.scorecard(org, framework, period)
            let (value, score) = PublishedMetricView.rows(card, metric)
            let reading = landscape.segment(org, framework, period)
            guard card?.published != nil else {
                let why = landscape.isPublished(framework, period, for: group) ? "none" : "not published"
                return Row(key: period.id, cells: [.text(period.label), .decimal(nil, text: Glyphs.unicode.dash), .text(why, .muted),
                                                   .empty, .empty, .empty, .segment(reading.segment, nearBoundary: reading.nearBoundary)])
            }
            let rank = (value ?? score)?.rank
            let shown = score?.value.flatMap { $0 > 0 ? $0 : nil }
            return Row(key: period.id, cells: [
                .text(period.label),
                metric.scoreRow == nil ? .decimal(nil, text: "score only") : PublishedMetricTable.value(metric, value),
                .text((value ?? score)?.reportingDate ?? ""),
                PublishedMetricTable.number(metric, value?.median),
                .decimal(rank.map(Double.init), text: rank.map(String.init) ?? ""),
                .decimal(shown, text: shown.map { formatDecimal($0, decimals: 2) } ?? ""),
                .segment(reading.segment, nearBoundary: reading.nearBoundary),
            ])
        }
        return Table(columns: columns, rows: lines, noun: Noun("period", "periods"), emptyText: "No periods.")
    }

    /// "2025/26 Q1, measuring Jun-25: 3.69% · median 2.40% (quartiles 1.33–3.32) · rank 110 of 131 · score 3.58 ·
    /// standard ≤1.00% missed", longest wording first.
    static func figures(_ org: OrgCode, _ metric: MetricDefinition, _ context: ScreenContext) -> [String] {
        let landscape = context.landscape
        let period = context.viewpoint.period
        let card = landscape.scorecard(org, context.viewpoint.framework, period)
        let (value, score) = rows(card, metric)
        guard card?.published != nil, let period else { return [] }
        var value_: String?
        var median: String?
        var quartiles: String?
        if let value, let number = value.value {
            value_ = (value.isCount && !metric.countBrackets.isEmpty) ? "\(formatDecimal(number, decimals: 0)) cases" : metric.format(number)
            median = value.median.map { "median " + metric.format($0) }
            if let low = value.lowerQuartile, let high = value.upperQuartile { quartiles = "quartiles \(metric.format(low))–\(metric.format(high))" }
        } else if metric.scoreRow != nil {
            value_ = "no value published"
        }
        let counts = PublishedMetricTable.rankCounts(context.framework ?? Framework.placeholder, landscape.organisation(org)?.peerGroup, context)
        let rank = (value ?? score)?.rank.map { "rank \($0)" + (counts[metric.id].map { " of \($0)" } ?? "") }
        let scored = score?.value.map { $0 > 0 ? "score " + formatDecimal($0, decimals: 2) : "not scored" }
        let standardText = PublishedMetricTable.standard(metric, value?.value, hasValue: metric.scoreRow != nil)
        let standard = standardText.isEmpty ? nil : "standard " + standardText
        let measuring = (value ?? score)?.reportingDate ?? ""
        let head = measuring.isEmpty ? period.label : "\(period.label), measuring \(measuring)"
        // Longest first, and never a number cut in half: what goes first is the context, then the quartiles.
        let full = [value_, median, quartiles, rank, scored, standard].compactMap { $0 }.joined(separator: " · ")
        let lean = [value_, median, rank, scored, standard].compactMap { $0 }.joined(separator: " · ")
        let bare = [value_, median, rank, scored].compactMap { $0 }.joined(separator: " · ")
        return [head + ": " + full, full, lean, bare]
    }

    /// "Source: NHS England, nhs-oversight-framework-acute-trust-data-q1-2025-26.csv line 72", longest first.
    static func source(_ org: OrgCode, _ metric: MetricDefinition, _ context: ScreenContext) -> [String] {
        let landscape = context.landscape
        let card = landscape.scorecard(org, context.viewpoint.framework, context.viewpoint.period)
        let (value, score) = rows(card, metric)
        guard let published = card?.published, let row = value ?? score else { return [] }
        let file = landscape.dataset.release(published.release)?.fileName ?? published.release.rawValue
        let line = "line \(row.line)"
        var both = line
        if let value, let score, score.line != value.line { both += ", score line \(score.line)" }
        return ["Source: NHS England, \(file) \(both)", "Source: \(file) \(both)", "\(file) \(both)", "Source: \(file) \(line)",
                "\(file) \(line)"]
    }

    /// "Recomputed from the published values: 3.58, agrees": the check beside NHS England's score.
    static func check(_ org: OrgCode, _ metric: MetricDefinition, _ context: ScreenContext) -> [String] {
        let landscape = context.landscape
        let (framework, period) = (context.viewpoint.framework, context.viewpoint.period)
        let (_, score) = rows(landscape.scorecard(org, framework, period), metric)
        guard let published = score?.value, published > 0 else { return [] }
        if case .score = metric.scoring { return ["Published as a score only: nothing to recompute."] }
        guard let recomputed = landscape.segment(org, framework, period).computation?.metrics.first(where: { $0.metric == metric.id })?.score else {
            return []
        }
        let agrees = abs(recomputed.value - published) < 0.005
        return ["Recomputed from the published values: \(recomputed), " + (agrees ? "agrees." : "differs (oversight reconcile says why)."),
                "Recomputed: \(recomputed), " + (agrees ? "agrees." : "differs.")]
    }
}

extension Framework {
    /// An empty framework, for reading a metric's counts where none is shown.
    static let placeholder = Framework(id: "", name: "", shortName: "", publisher: "", version: "", inForceFrom: .ymd(2000, 1, 1),
                                       inForceTo: nil, appliesTo: [], themeNoun: "", themes: [], segments: [], metrics: [],
                                       segmentation: SegmentationRules(method: .judgement), summary: "", provenance: Provenance(.recorded))
}
