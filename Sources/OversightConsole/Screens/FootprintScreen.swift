import OversightDomain

extension ScreenKind {
    public static let footprint = ScreenKind("footprint", title: "Footprint",
                                             offers: [.open, .switchEra, .exoskeleton, .nextFramework, .earlierPeriod, .laterPeriod,
                                                      .interventions, .notes, .actions, .decisions, .leagueTable, .decideSegment, .addNote, .addAction, .writePaper])
}

/// One footprint: who it is and its lineage, the segment distribution of the organisations it hosts
/// (`FootprintHosting`, the system view's count), and every organisation ever in it (code, name, type,
/// FT, segment, trend, interventions in force during the period). Those not counted say so beside
/// their name: a trust that only serves it ("serves"), one not a member on the day membership is read
/// ("not a member then"), and a line above the list says how many are counted; trusts that span
/// several footprints of the era say so too.
/// Degrade order: Foundation trust, In force, Type, Trend columns; then the lineage line,
/// then the distribution line. A type that is a researcher's classification is marked `†`, with a
/// legend on the last line.
public struct FootprintScreen: Screen {
    public var id: FootprintID

    public init(id: FootprintID) {
        self.id = id
    }

    public var kind: ScreenKind { .footprint }
    public var pathKey: String? { id.rawValue }

    public func crumb(_ context: ScreenContext) -> String {
        context.landscape.footprint(id)?.name ?? id.rawValue
    }

    /// The last four periods up to the one shown, oldest first.
    static func trendPeriods(_ context: ScreenContext) -> [Period] {
        let periods = context.landscape.periods(of: context.viewpoint.framework)
        guard let current = context.viewpoint.period, let index = periods.firstIndex(of: current) else { return Array(periods.suffix(4)) }
        return Array(periods[max(0, index - 3)...index])
    }

    public func table(_ context: ScreenContext) -> Table {
        let landscape = context.landscape
        let era = landscape.footprint(id)?.era ?? context.viewpoint.era
        let trend = FootprintScreen.trendPeriods(context)
        let framework = context.viewpoint.framework
        let hosting = landscape.hosting(id, context.viewpoint)
        let hosted = Set(hosting.hosted)
        let serving = Set(hosting.serving)
        let members = landscape.members(of: id)
        // The column shows only where some member has an overdue action, so that it never takes room to say nothing.
        let showsOverdue = landscape.anyOverdue(members.map(\.code))
        let rows = members.map { org -> Row in
            let reading = landscape.segment(org.code, framework, context.viewpoint.period)
            let systems = landscape.footprints(of: org, era: era).count
            var tag = systems > 1 ? "spans \(systems)" : ""
            if serving.contains(org.code) {
                tag = tag.isEmpty ? "serves" : "serves, " + tag
            } else if !hosted.contains(org.code) {
                tag = "not a member then"
            }
            var cells: [CellValue] = [
                .text(org.code.rawValue),
                .tagged(org.name, tag: tag),
                Labels.type(org),
                .text(Labels.foundationTrust(org)),
                .segment(reading.segment, nearBoundary: reading.nearBoundary),
                .trend(trend.map { landscape.segment(org.code, framework, $0).segment }),
                .integer(landscape.interventionsInForce(of: org.code, context.viewpoint).count),
            ]
            if showsOverdue { cells.append(Labels.overdue(landscape.overdueActions(of: org.code))) }
            return Row(key: org.code.rawValue, cells: cells)
        }
        var columns = [
            Column(["Code"], minWidth: 3, maxWidth: 6),
            Column(["Name"], minWidth: 16, maxWidth: 64, flexible: true),
            Column(["Type"], minWidth: 10, maxWidth: 24, dropOrder: 3),
            Column(["Foundation trust", "FT"], minWidth: 3, dropOrder: 5),
            Column(["Segment", "Seg"], minWidth: 4),
            Column(["Trend (last 4 quarters)", "Trend"], minWidth: 7, maxWidth: 10, dropOrder: 2, sortable: true),
            Column(["Interventions in force", "In force"], alignment: .right, dropOrder: 4),
        ]
        if showsOverdue { columns.append(Labels.overdueColumn) }
        return Table(columns: columns, rows: rows, noun: Noun("organisation", "organisations"), emptyText: "No organisations are recorded in this footprint.",
           segmentMix: hosting.mix)
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? {
        ScorecardScreen(org: OrgCode(row.key))
    }

    /// The quarters of the trend column, and the system view for the median member segment.
    public func needs(_ context: ScreenContext) -> Set<Need> {
        context.segments(of: FootprintScreen.trendPeriods(context)).union(context.shown.map { [Need.systems($0)] } ?? [])
    }

    public func interventionsScope(_ row: Row?, _ context: ScreenContext) -> InterventionsScope? { .footprint(id) }

    /// The footprint's trusts, at the selected member's row; a member with no peer group (an ICB)
    /// leaves the footprint's acute trusts to show.
    public func leagueOpening(_ row: Row?, _ context: ScreenContext) -> LeagueOpening {
        let member = row.map { OrgCode($0.key) }
        return LeagueOpening(scope: .footprint(id), trust: member.flatMap { context.landscape.organisation($0)?.peerGroup == nil ? nil : $0 })
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        Selection(org: row.map { OrgCode($0.key) }, subject: .footprint(id))
    }

    /// `e` goes to what the footprint became (a 2016 footprint's ICS) or came from, and back.
    public func update(_ intent: Intent, _ state: inout AppState) -> [Effect] {
        switch intent {
        case .switchEra: FootprintLineage.jump(from: id, &state)
        default: return Browse.update(intent, &state)
        }
        return []
    }

    /// A member's segment decision is its row.
    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        guard target.scorecard != nil, let org = target.org, context.landscape.membersByFootprint[id]?.contains(org) == true else { return nil }
        return .row(org.rawValue)
    }

    /// Panel lines above the list: facts, then the distribution, then lineage, as height allows.
    func panelLines(_ body: Rect) -> Int {
        body.height >= 18 ? 4 : (body.height >= 14 ? 3 : 2)
    }

    /// Whether any member's type carries the UNVERIFIED mark, so the legend line is needed.
    func hasUnverifiedTypes(_ context: ScreenContext) -> Bool {
        context.landscape.footprintsWithUnverifiedTypes.contains(id)
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        body.splitTop(panelLines(body)).rest.splitBottom(hasUnverifiedTypes(context) && body.height >= 12 ? 1 : 0).rest
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let landscape = context.landscape
        let lines = panelLines(body)
        let x = body.x + TableLayout.markerWidth
        let width = body.width - TableLayout.markerWidth
        if let footprint = landscape.footprint(id) {
            let region = landscape.region(footprint.region)?.name ?? footprint.region.rawValue
            var facts = "\(footprint.name) · \(Labels.footprintCode(footprint)) · \(footprint.era.label) · \(region)"
            facts += " · from \(footprint.validFrom.display)" + (footprint.validTo.map { " to \($0.display)" } ?? "")
            let used = grid.write(facts, x: x, y: body.y, maxWidth: width - 14, role: .title)
            if !footprint.provenance.tag.isEmpty {
                grid.write(footprint.provenance.tag, x: x + used + 1, y: body.y, maxWidth: 13, role: .muted)
            }
            let mix = level.table.segmentMix ?? SegmentMix()
            let median = landscape.system(id, context.viewpoint.framework, context.viewpoint.period)?.median
            drawDistribution(mix, median: median, context, Rect(x: x, y: body.y + 1, width: width, height: 1), &grid)
            if lines >= 3 {
                grid.write("Lineage: " + LineageText.sentence(footprint, landscape), x: x, y: body.y + 2, maxWidth: width, role: .muted)
            }
            if lines >= 4 {
                let day = landscape.membershipDay(id, context.viewpoint)
                grid.write(Self.countedText(hosted: mix.total, listed: level.table.rows.count, on: day),
                           x: x, y: body.y + 3, maxWidth: width, role: .muted)
            }
        }
        let list = listArea(in: body, context)
        TableRenderer.draw(level.table, level.list, in: list, grid: &grid)
        if list.maxY < body.maxY, TableLayout(level.table, width: list.width).placed.contains(where: { $0.column == 2 }) {
            grid.write(Labels.unverifiedLegend(grid.glyphs), x: x, y: body.maxY - 1, maxWidth: width, role: .muted)
        }
    }

    /// "6 hosted on 30 Jun 2024 are counted; 1 more listed (marked) is not": whose the segment counts
    /// are, since the list below also shows organisations they leave out (a serving ambulance trust).
    static func countedText(hosted: Int, listed: Int, on day: CalendarDate) -> String {
        var text = "\(hosted) hosted on \(day.display) \(hosted == 1 ? "is" : "are") counted"
        let more = listed - hosted
        if more > 0 { text += "; \(more) more listed (marked) \(more == 1 ? "is" : "are") not" }
        return text
    }

    /// "Segments  [111222333344··]  1: 3  2: 4  3: 4  4: 2 · median 2 to 3 · 2 not segmented · 3 near a boundary ≈":
    /// the median member segment is the footprint's position, which each member's segment is set beside.
    func drawDistribution(_ mix: SegmentMix, median: Double?, _ context: ScreenContext, _ rect: Rect, _ grid: inout Grid) {
        var x = rect.x
        x += grid.write("Segments ", x: x, y: rect.y, role: .title)
        guard mix.segmented > 0 else {
            grid.write("none for this framework and period", x: x, y: rect.y, maxWidth: rect.maxX - x, role: .muted)
            return
        }
        let bar = min(24, max(8, rect.width / 4))
        // The counts follow in words, so the bar carries no tally of its own.
        CellRenderer.drawMix(mix, Rect(x: x, y: rect.y, width: bar, height: 1), &grid, count: false)
        x += bar + 2
        var text = mix.counts.indices.filter { mix.counts[$0] > 0 }.map { "\($0 + 1): \(mix.counts[$0])" }.joined(separator: "  ")
        if let median { text += " · median \(Figures.segmentMedian(median))" }
        if mix.unsegmented > 0 { text += " · \(mix.unsegmented) not segmented" }
        if mix.near > 0 { text += " · \(mix.near) near a boundary \(grid.glyphs.near)" }
        grid.write(text, x: x, y: rect.y, maxWidth: rect.maxX - x)
    }
}

extension FootprintScreen {
    /// The footprint's trusts with their published positions for the framework and period shown.
    public func paper(_ context: ScreenContext, _ level: Level) -> PaperRequest? {
        guard let framework = context.viewpoint.framework, let period = context.viewpoint.period else { return nil }
        return .footprint(id, framework, period)
    }
}
