import OversightDomain

extension ScreenKind {
    public static let overview = ScreenKind("overview", title: "Overview",
                                            offers: [.open, .switchEra, .nextFramework, .earlierPeriod, .laterPeriod, .interventions, .actions,
                                                     .decisions, .leagueTable, .segmentChanges])
}

/// The nation by region: footprints, organisations open in the period, the segment mix,
/// interventions in force during the period, and below the table England's mix and the segment
/// changes since the period before.
/// Degrade order: Organisations, Footprints, Worst segment, In force columns; then the
/// list of changes shortens, then England's line goes.
public struct OverviewScreen: Screen {
    public init() {}

    public var kind: ScreenKind { .overview }

    public func crumb(_ context: ScreenContext) -> String { "England" }

    public func table(_ context: ScreenContext) -> Table {
        let landscape = context.landscape
        let era = context.viewpoint.era
        let rows = landscape.regions(context.viewpoint).map { region -> Row in
            let orgs = landscape.organisations(in: region.code, context.viewpoint)
            let mix = landscape.mix(orgs.map(\.code), context.viewpoint)
            let inForce = orgs.reduce(0) { $0 + landscape.interventionsInForce(of: $1.code, context.viewpoint).count }
            return Row(key: region.code.rawValue, cells: [
                .text(region.name),
                .integer(landscape.footprints(of: era, in: region.code, context.viewpoint).count),
                .integer(orgs.count),
                .mix(mix),
                .segment(mix.worst, nearBoundary: false),
                .integer(inForce),
            ])
        }
        return Table(columns: [
            Column(["Region"], minWidth: 12, maxWidth: 28, flexible: true),
            Column([era == .ics2022 ? "ICSs" : "STPs", "Fp"], alignment: .right, dropOrder: 4),
            Column(["Organisations", "Orgs"], alignment: .right, dropOrder: 5),
            Column(["Segment mix", "Mix"], minWidth: 10, maxWidth: 30),
            Column(["Worst segment", "Worst"], alignment: .left, minWidth: 5, dropOrder: 3),
            // Counted for the period on screen, not today: the heading says "in force" so that a past
            // quarter's figure is not read as what is open now, and England's line below spells it out
            // ("5 interventions in force in 2024/25 Q1"). Short, so that the ICSs heading keeps its word.
            Column(["In force"], alignment: .right, dropOrder: 2),
        ], rows: rows, noun: Noun("region", "regions"), emptyText: "This store has no regions.")
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? {
        FootprintsScreen(region: RegionCode(row.key))
    }

    public func interventionsScope(_ row: Row?, _ context: ScreenContext) -> InterventionsScope? { .nation }

    public func leagueOpening(_ row: Row?, _ context: ScreenContext) -> LeagueOpening { LeagueOpening(scope: .england, trust: nil) }

    /// The period before the one shown, for the segment changes.
    public func needs(_ context: ScreenContext) -> Set<Need> {
        let periods = context.landscape.periods(of: context.viewpoint.framework)
        guard let shown = context.viewpoint.period, let index = periods.firstIndex(of: shown), index > 0 else { return [] }
        return context.segments(of: [periods[index - 1]])
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        let rows = context.landscape.regions(context.viewpoint).count + 1
        return body.splitTop(min(body.height, rows)).top
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let list = listArea(in: body, context)
        TableRenderer.draw(level.table, level.list, in: list, grid: &grid)
        var rest = Rect(x: body.x, y: list.maxY + 1, width: body.width, height: body.maxY - list.maxY - 1)
        guard rest.height > 0 else { return }
        drawEngland(context, in: rest.splitTop(2).top, grid: &grid)
        rest = rest.splitTop(3).rest
        if rest.height > 1 { drawChanges(context, in: rest, grid: &grid) }
    }

    /// "England  [mix bar]  1:20 2:80 3:70 4:30 5:7", then "42 ICSs · 249 organisations · 4 interventions in
    /// force in 2024/25 Q1": the same organisations and interventions the region rows add up.
    func drawEngland(_ context: ScreenContext, in rect: Rect, grid: inout Grid) {
        let landscape = context.landscape
        let orgs = landscape.organisations(context.viewpoint)
        let mix = landscape.mix(orgs.map(\.code), context.viewpoint)
        let inForce = orgs.reduce(0) { $0 + landscape.interventionsInForce(of: $1.code, context.viewpoint).count }
        var x = rect.x + TableLayout.markerWidth
        x += grid.write("England", x: x, y: rect.y, role: .title) + 2
        let barWidth = min(20, max(10, rect.width / 5))
        if mix.segmented > 0, rect.maxX - x > barWidth + 10 {
            CellRenderer.drawMix(mix, Rect(x: x, y: rect.y, width: barWidth, height: 1), &grid, count: false)
            x += barWidth + 1
            x += grid.write(mix.summary + " · \(mix.segmented) of \(mix.total) segmented", x: x, y: rect.y, maxWidth: rect.maxX - x) + 2
        }
        // Those that existed on the period's last day; after an era ended, all of it (listed for their lineage).
        let existing = landscape.dataset.footprints(of: context.viewpoint.era, on: landscape.countingPeriod(context.viewpoint).end).count
        let footprints = existing > 0 ? existing : landscape.footprints(of: context.viewpoint.era).count
        let era = context.viewpoint.era == .ics2022 ? Noun("ICS", "ICSs") : Noun("STP footprint", "STP footprints")
        let facts = [era.count(footprints), Noun("organisation", "organisations").count(orgs.count),
                     Noun("intervention", "interventions").count(inForce) + " in force in " + landscape.countingPeriod(context.viewpoint).label]
            .joined(separator: " · ")
        guard rect.height > 1 else { return }
        let left = rect.x + TableLayout.markerWidth + 9
        grid.write(facts, x: left, y: rect.y + 1, maxWidth: rect.maxX - left, role: .muted)
    }

    func drawChanges(_ context: ScreenContext, in rect: Rect, grid: inout Grid) {
        let changes = context.landscape.segmentChanges(context.viewpoint)
        let x = rect.x + TableLayout.markerWidth
        guard let first = changes.first else {
            let text = context.viewpoint.period == nil ? "No scorecards yet." : "No segment changes since the period before."
            grid.write(text, x: x, y: rect.y, maxWidth: rect.width - x, role: .muted)
            return
        }
        let g = grid.glyphs
        let landscape = context.landscape
        let shown = changes.prefix(rect.height - 1)
        let near = shown.map { landscape.segment($0.org, context.viewpoint.framework, $0.period).nearBoundary }
        var title = "Segment changes, \(first.period.label) against \(first.previous.label) (\(changes.count), Tab enters)"
        let used = grid.write(title, x: x, y: rect.y, maxWidth: rect.width - x, role: .title)
        if near.contains(true) {
            title = "  \(g.near) near a boundary"
            grid.write(title, x: x + used, y: rect.y, maxWidth: rect.maxX - x - used, role: .muted)
        }
        for (i, change) in shown.enumerated() {
            let y = rect.y + 1 + i
            var cx = x
            cx += grid.write(change.isBetter ? g.better : g.worse, x: cx, y: y, maxWidth: 1) + 1
            cx += grid.write(DisplayWidth.pad(change.org.rawValue, to: 6, ellipsis: g.ellipsis), x: cx, y: y)
            cx += grid.write(String(change.from), x: cx, y: y, role: .segment(change.from))
            cx += grid.write(" \(g.arrow) ", x: cx, y: y)
            cx += grid.write(String(change.to), x: cx, y: y, role: .segment(change.to)) + 1
            // The mark sits apart from the segment number so that "2 ≈" never reads as one figure.
            cx += grid.write(near[i] ? g.near : " ", x: cx, y: y, maxWidth: 1) + 1
            let name = context.landscape.organisation(change.org)?.name ?? ""
            grid.write(name, x: cx, y: y, maxWidth: rect.maxX - cx)
        }
    }
}
