import OversightDomain

extension ScreenKind {
    public static let metric = ScreenKind("metric", title: "Metric",
                                          offers: [.open, .nextFramework, .earlierPeriod, .laterPeriod, .interventions, .leagueTable])
}

/// One metric for one organisation: its definition, direction and standard; the value across
/// periods as a chart with the standard drawn in; where it sits among its peers (rank and a
/// distribution strip); and the values by period as a list.
/// Degrade order: the definition line, then the distribution strip (the rank stays as text), then
/// the chart shrinks to four rows; list columns drop Score, then Rank among peers.
public struct MetricScreen: Screen {
    public var org: OrgCode
    public var metric: MetricID

    public init(org: OrgCode, metric: MetricID) {
        self.org = org
        self.metric = metric
    }

    public var kind: ScreenKind { .metric }
    public var pathKey: String? { metric.rawValue }

    func definition(_ context: ScreenContext) -> MetricDefinition? { context.framework?.metric(metric) }

    /// "RM3 · Elective waits over 52 weeks": whose metric it is, as well as which.
    /// Names the trust as well as the metric: the scorecard's crumb is often folded into "…".
    public func crumb(_ context: ScreenContext) -> String {
        let trust = context.landscape.organisation(org).map { org.rawValue + " " + Labels.brief($0) } ?? org.rawValue
        return trust + " · " + (definition(context)?.label ?? metric.rawValue)
    }

    /// Whether the screen shows NHS England's figures (see `ScorecardScreen.showsPublished`).
    func showsPublished(_ context: ScreenContext) -> Bool {
        context.framework.map { ScorecardScreen.showsPublished($0, context) } ?? false
    }

    public func table(_ context: ScreenContext) -> Table {
        let landscape = context.landscape
        let columns = [
            Column(["Period"], minWidth: 8, maxWidth: 12),
            Column(["Value"], alignment: .right, minWidth: 6, maxWidth: 14),
            Column(["Score"], alignment: .right, minWidth: 4, dropOrder: 2),
            Column(["RAG"], minWidth: 3, maxWidth: 7),
            Column(["Rank among peers", "Peer rank", "Rank"], alignment: .right, minWidth: 4, maxWidth: 18, dropOrder: 1),
            Column(["Segment", "Seg"], minWidth: 4, maxWidth: 9, flexible: true),
        ]
        guard let definition = definition(context) else {
            return Table(columns: columns, rows: [], noun: Noun("period", "periods"),
                         emptyText: "This framework has no metric \(metric.rawValue).")
        }
        if showsPublished(context) { return PublishedMetricView.table(org, definition, context) }
        let framework = context.viewpoint.framework
        let rows = landscape.periods(of: framework).reversed().map { period -> Row in
            let card = landscape.scorecard(org, framework, period)
            let reading = landscape.segment(org, framework, period)
            let value = card?.values[metric]
            let score = reading.metricScores[metric]
            let peers = landscape.peers(of: org, metric: definition, framework, period)
            let rank = peers.rank.map { "\($0) of \(peers.values.count)" } ?? ""
            return Row(key: period.id, cells: [
                .text(period.label),
                Labels.value(definition, value),
                Labels.score(score),
                .rag(RAGRule.rag(definition, value: value?.number, score: score)),
                .decimal(peers.rank.map(Double.init), text: rank),
                .segment(reading.segment, nearBoundary: reading.nearBoundary),
            ])
        }
        return Table(columns: columns, rows: rows, noun: Noun("period", "periods"), emptyText: "No periods recorded.")
    }

    struct Layout {
        var heading: Rect
        var definition: Rect?
        var chart: Rect
        var peers: Rect
        var list: Rect

        init(_ body: Rect) {
            var rest = body
            (heading, rest) = rest.splitTop(1)
            if body.height >= 17 { let s = rest.splitTop(1); definition = s.top; rest = s.rest }
            let peerRows = body.height >= 15 ? 3 : 1
            let chartRows = max(4, min(10, rest.height - peerRows - 6))
            (chart, rest) = rest.splitTop(chartRows)
            (peers, rest) = rest.splitTop(peerRows)
            list = rest
        }
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect { Layout(body).list }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let layout = Layout(body)
        let inset = TableLayout.markerWidth
        guard let definition = definition(context) else {
            TableRenderer.draw(level.table, level.list, in: layout.list, grid: &grid)
            return
        }
        let landscape = context.landscape
        let framework = context.framework
        if showsPublished(context) {
            drawPublished(definition, context, level, layout, into: &grid)
            return
        }
        // The trust first: the breadcrumb above may have folded its scorecard away.
        var heading = "\(org.rawValue) · \(definition.name) · \(definition.id.rawValue)"
        if let theme = framework?.theme(definition.theme) { heading += " · " + theme.name }
        heading += " · " + definition.direction.label
        if let standard = definition.standard { heading += " · standard " + definition.format(standard) }
        if let floor = definition.floor { heading += " · floor " + definition.format(floor) }
        let h = layout.heading.inset(left: inset)
        let used = grid.write(heading, x: h.x, y: h.y, maxWidth: h.width - 14, role: .title)
        if !definition.provenance.tag.isEmpty {
            grid.write(definition.provenance.tag, x: h.x + used + 1, y: h.y, maxWidth: 13, role: .muted)
        }
        if let rect = layout.definition?.inset(left: inset) {
            grid.write(definition.definition + " · scored " + definition.scoring.label, in: rect, role: .muted)
        }

        let periods = landscape.periods(of: context.viewpoint.framework)
        let values = periods.map { landscape.scorecard(org, context.viewpoint.framework, $0)?.number(metric) }
        BarChart(values: values, labels: periods.map(\.shortLabel), standard: definition.standard ?? definition.floor,
                 highlight: context.viewpoint.period.flatMap { periods.firstIndex(of: $0) },
                 format: { definition.format($0) })
            .draw(in: layout.chart.inset(left: inset), grid: &grid)

        let peers = landscape.peers(of: org, metric: definition, context.viewpoint.framework, context.viewpoint.period)
        let p = layout.peers.inset(left: inset)
        let group = peers.group.map { "\($0.label) trusts" } ?? "organisations"
        let period = context.viewpoint.period?.label ?? ""
        var text = "Among \(peers.values.count) \(group) in \(period): "
        if let rank = peers.rank {
            text += "rank \(rank) of \(peers.values.count) (1 is best)"
        } else {
            text += "no value for this organisation"
        }
        grid.write(text, x: p.x, y: p.y, maxWidth: p.width, role: .plain)
        if p.height >= 3 {
            DistributionStrip(values: peers.values, own: peers.own, standard: definition.standard, direction: definition.direction)
                .draw(in: Rect(x: p.x, y: p.y + 1, width: p.width, height: 2), grid: &grid)
        }
        TableRenderer.draw(level.table, level.list, in: layout.list, grid: &grid)
    }

    /// The published layout: whose metric, what it is, the quarter's figures and their source, the values over
    /// the quarters against the standard, the trust among its peers, and a row per quarter.
    func drawPublished(_ definition: MetricDefinition, _ context: ScreenContext, _ level: Level, _ layout: Layout, into grid: inout Grid) {
        let landscape = context.landscape
        let inset = TableLayout.markerWidth
        let name = landscape.organisation(org)?.name ?? org.rawValue
        let h = layout.heading.inset(left: inset)
        // The trust and the metric on one line where they fit; else the trust's name on the heading and
        // the metric leading the line below, so the trust is always named.
        let whole = "\(org.rawValue) \(name) · \(definition.label) (\(definition.id.rawValue))"
        let fits = DisplayWidth.of(whole) <= h.width || layout.definition == nil
        grid.write(fits ? whole : "\(name) (\(org.rawValue))", x: h.x, y: h.y, maxWidth: h.width, role: .title)
        if let rect = layout.definition?.inset(left: inset) {
            var about = fits ? definition.name : "\(definition.label) (\(definition.id.rawValue)) · \(definition.name)"
            if let theme = context.framework?.theme(definition.theme) { about += " · " + theme.name + (definition.subdomain.map { " › " + $0 } ?? "") }
            about += " · " + definition.direction.label
            grid.write(about, in: rect, role: .muted)
        }
        // The quarter's figures and their source above the chart, where they are read first.
        var chart = layout.chart
        for lines in [PublishedMetricView.figures(org, definition, context), PublishedMetricView.source(org, definition, context),
                      PublishedMetricView.check(org, definition, context)] where chart.height > 5 && !lines.isEmpty {
            let (top, rest) = chart.splitTop(1)
            let row = top.inset(left: inset)
            let text = lines.first { DisplayWidth.of($0) <= row.width } ?? lines.last ?? ""
            grid.write(text, x: row.x, y: row.y, maxWidth: row.width, role: lines.isEmpty ? .muted : .plain)
            chart = rest
        }
        let periods = landscape.periods(of: context.viewpoint.framework)
        let values = periods.map { period -> Double? in
            let value = PublishedMetricView.rows(landscape.scorecard(org, context.viewpoint.framework, period), definition)
            return definition.scoreRow == nil ? value.score?.value : value.value?.value
        }
        BarChart(values: values, labels: periods.map(\.shortLabel), standard: definition.standard ?? definition.floor,
                 highlight: context.viewpoint.period.flatMap { periods.firstIndex(of: $0) }, format: { definition.format($0) })
            .draw(in: chart.inset(left: inset), grid: &grid)
        let peers = landscape.peers(of: org, metric: definition, context.viewpoint.framework, context.viewpoint.period)
        let p = layout.peers.inset(left: inset)
        let group = peers.group.map { "\($0.label) trusts" } ?? "organisations"
        grid.write("Among \(peers.values.count) \(group) with a value in \(context.viewpoint.period?.label ?? ""):", x: p.x, y: p.y, maxWidth: p.width)
        if p.height >= 3 {
            DistributionStrip(values: peers.values, own: peers.own, standard: definition.standard, direction: definition.direction)
                .draw(in: Rect(x: p.x, y: p.y + 1, width: p.width, height: 2), grid: &grid)
        }
        TableRenderer.draw(level.table, level.list, in: layout.list, grid: &grid)
    }

    public func interventionsScope(_ row: Row?, _ context: ScreenContext) -> InterventionsScope? { .organisation(org) }

    /// Every period of the framework: a row each, with the segment then.
    public func needs(_ context: ScreenContext) -> Set<Need> {
        context.segments(of: context.landscape.periods(of: context.viewpoint.framework))
    }
}
