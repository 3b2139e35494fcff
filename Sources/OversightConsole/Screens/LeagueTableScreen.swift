import OversightDomain

extension ScreenKind {
    public static let league = ScreenKind("league", title: "League table",
                                          offers: [.open, .nextFramework, .earlierPeriod, .laterPeriod, .nextPeerGroup, .previousPeerGroup,
                                                   .nextRegion, .computation, .distance, .writePaper],
                                          foremost: [.computation, .distance])
}

/// One peer group's league table (acute, non-acute or ambulance) under the framework and period
/// shown: national rank (joint ranks as `=12`), code, name, final segment (`≈` near a boundary),
/// what moved it from its quartile (the deficit override, or a decision for segment 5), the
/// quartile, the raw score, metrics scored, how far the score must fall to reach a better quartile,
/// and the nearest boundary (`▲ 0.02` above one, `▼ 0.03` at or below one). Only frameworks whose
/// method computes segments have one; the others say so. `t` switches the peer group, `r` the
/// region; `/` matches names, codes, regions, ICSs and the words "near" and "deficit". Enter opens
/// the scorecard, `c` the computation, `m` what would move the trust to the next segment.
/// Degrade order: Region, ICS, Metrics, Quartile, Code, Near, Moved by columns; then the legend
/// line (height < 16), then the facts line (height < 14).
public struct LeagueTableScreen: Screen {
    public var peerGroup: PeerGroup
    public var scope: LeagueScope

    public init(peerGroup: PeerGroup = .acute, scope: LeagueScope = .england) {
        self.peerGroup = peerGroup
        self.scope = scope
    }

    public var kind: ScreenKind { .league }

    public func peerGroup(_ context: ScreenContext) -> PeerGroup? { peerGroup }

    public func crumb(_ context: ScreenContext) -> String {
        Labels.capitalised(peerGroup.label) + " league table" + scope.suffix(context.landscape)
    }

    static let columns = [
        Column(["Rank", "#"], alignment: .right, minWidth: 3, maxWidth: 5),
        Column(["Code"], minWidth: 3, maxWidth: 5, dropOrder: 5),
        Column(["Name"], minWidth: 14, maxWidth: 64, flexible: true),
        Column(["Segment", "Seg"], minWidth: 4, maxWidth: 7),
        Column(["Moved by", "Moved"], minWidth: 5, maxWidth: 9, dropOrder: 3),
        Column(["Quartile", "Q"], alignment: .right, minWidth: 1, maxWidth: 8, dropOrder: 6),
        Column(["Score"], alignment: .right, minWidth: 4, maxWidth: 5),
        Column(["Metrics", "Met"], alignment: .right, minWidth: 3, maxWidth: 7, dropOrder: 7),
        Column(["To next", "Next"], alignment: .right, minWidth: 4, maxWidth: 7),
        Column(["Near"], alignment: .right, minWidth: 4, maxWidth: 6, dropOrder: 4),
        Column(["ICS"], minWidth: 8, maxWidth: 28, dropOrder: 8),
        Column(["Region"], minWidth: 6, maxWidth: 24, dropOrder: 9),
        Column(["Likely rank", "Range"], alignment: .right, minWidth: 5, maxWidth: 11, dropOrder: 10),
    ]

    public func table(_ context: ScreenContext) -> Table {
        let noun = Noun("\(peerGroup.label) trust", "\(peerGroup.label) trusts")
        func empty(_ text: String) -> Table { Table(columns: LeagueTableScreen.columns, rows: [], noun: noun, emptyText: text) }
        let landscape = context.landscape
        guard let framework = context.framework, let period = context.viewpoint.period else {
            return empty("No framework has scorecards in this store.")
        }
        guard landscape.computesSegments(framework.id) else {
            return empty(LeagueTableScreen.noLeagueTable(framework, landscape))
        }
        // Where NHS England published the period, its league is the league: ranks, segments and scores as published.
        if landscape.hasPublishedFigures(framework.id) {
            guard let league = landscape.publishedLeague(framework.id, period), let order = league.tables[peerGroup] else {
                return empty(LeagueTableScreen.notPublished(peerGroup, framework, period, landscape))
            }
            let rows = order.compactMap { code -> Row? in
                guard let org = landscape.organisation(code), scope.contains(org, landscape), let standing = league.standings[code] else { return nil }
                return LeagueTableScreen.row(standing, org, landscape)
            }
            let emptyText = "No \(peerGroup.label) trusts of \(scope.name(landscape)) are published for \(period.label); r widens the scope."
            return LeagueTableScreen.withOverdue(Table(columns: LeagueTableScreen.columns, rows: rows, noun: noun, emptyText: emptyText), landscape)
        }
        guard let result = landscape.segmentation(framework.id, period), let group = result.table(peerGroup), !group.league.isEmpty else {
            return empty("No \(peerGroup.label) trusts are segmented under \(framework.shortName) in \(period.label).")
        }
        var sharing: [Int: Int] = [:]
        for entry in group.league { sharing[entry.rank, default: 0] += 1 }
        var rows: [Row] = []
        for entry in group.league {
            guard let org = landscape.organisation(entry.org), scope.contains(org, landscape),
                  let computation = result.organisation(entry.org) else { continue }
            rows.append(LeagueTableScreen.row(entry, org, computation, joint: sharing[entry.rank, default: 1] > 1, landscape))
        }
        let emptyText = "No \(peerGroup.label) trusts of \(scope.name(landscape)) are segmented in \(period.label); r widens the scope."
        return LeagueTableScreen.withOverdue(Table(columns: LeagueTableScreen.columns, rows: rows, noun: noun, emptyText: emptyText), landscape)
    }

    /// The league with an Overdue column at its end, when any trust listed has an overdue action (else as it is,
    /// so that a column of blanks never takes the room of a figure).
    static func withOverdue(_ table: Table, _ landscape: Landscape) -> Table {
        guard landscape.anyOverdue(table.rows.map { OrgCode($0.key) }) else { return table }
        let rows = table.rows.map { row in
            Row(key: row.key, cells: row.cells + [Labels.overdue(landscape.overdueActions(of: OrgCode(row.key)))],
                search: String(decoding: row.search, as: UTF8.self))
        }
        return Table(columns: table.columns + [Labels.overdueColumn], rows: rows, noun: table.noun, emptyText: table.emptyText,
                     segmentMix: table.segmentMix)
    }

    /// "NHS England's ambulance figures are not published here." or where the latest are.
    static func notPublished(_ group: PeerGroup, _ framework: Framework, _ period: Period, _ landscape: Landscape) -> String {
        guard let latest = landscape.latestPublished(framework.id, for: group) else {
            return "No published data: NHS England's \(framework.shortName) figures for \(group.label) trusts are not published here."
        }
        let way = latest < period ? "p goes back" : "P goes forward"
        return "No published data for \(period.label): NHS England's \(group.label) figures are here for \(latest.label) (\(way))."
    }

    /// A league line as NHS England published it: rank (ties as "4="), segment, what moved it (the deficit
    /// override, the Recovery Support Programme), the unadjusted segment, the average score, and, worked out
    /// here from the published averages, how far it must fall to the next quartile and how near a cut-point it is.
    static func row(_ standing: PublishedStanding, _ org: Organisation, _ landscape: Landscape) -> Row {
        let near = NearBoundary(standing.nearBoundaries)
        let places = landscape.placeNames(org)
        var moved = ""
        if standing.overrideApplied { moved = "deficit" }
        if standing.finalSegment != nil { moved = "RSP" }
        let fall = standing.fallToNext
        let cells: [CellValue] = [
            .decimal(standing.rank.map(Double.init), text: standing.rankText ?? Glyphs.unicode.dash),
            .text(org.code.rawValue),
            .text(org.name),
            .segment(standing.shownSegment, nearBoundary: near != nil),
            .text(moved),
            standing.unadjustedSegment.map(CellValue.integer) ?? .empty,
            .decimal(standing.averageScore, text: standing.averageScore.map { formatDecimal($0, decimals: 2) } ?? ""),
            .integer(standing.metricsScored),
            .decimal(fall, text: fall.map { formatDecimal($0, decimals: 2) } ?? Glyphs.unicode.dash),
            .decimal(near.map { abs($0.gap) }, text: near?.mark(.unicode) ?? ""),
            .text(places.system),
            .text(places.region),
            .text(standing.rankRange ?? ""),
        ]
        var search = [org.code.rawValue, org.name, places.region, places.system, "segment \(standing.shownSegment)"]
        if near != nil { search.append("near") }
        if standing.inDeficit == true { search.append("deficit") }
        if !moved.isEmpty { search.append(moved) }
        return Row(key: org.code.rawValue, cells: cells, search: search.joined(separator: " "))
    }

    static func row(_ entry: LeagueEntry, _ org: Organisation, _ computation: SegmentComputation, joint: Bool,
                    _ landscape: Landscape) -> Row {
        let near = NearBoundary(computation)
        let places = landscape.placeNames(org)
        var moved = ""
        if computation.financialOverride?.applied == true { moved = "deficit" }
        if let adjusted = computation.adjustedSegment, entry.segment != adjusted { moved = "decision" }
        let fall = computation.distance?.fall
        let cells: [CellValue] = [
            .decimal(Double(entry.rank), text: joint ? "\(entry.rank)=" : "\(entry.rank)"),
            .text(org.code.rawValue),
            .text(org.name),
            .segment(entry.segment, nearBoundary: near != nil),
            .text(moved),
            computation.quartile.map(CellValue.integer) ?? .empty,
            .decimal(entry.rawScore.value, text: entry.rawScore.description),
            .integer(computation.metricsScored),
            .decimal(fall, text: fall.map { formatDecimal($0, decimals: 2) } ?? Glyphs.unicode.dash),
            .decimal(near.map { abs($0.gap) }, text: near?.mark(.unicode) ?? ""),
            .text(places.system),
            .text(places.region),
            .empty,
        ]
        var search = [org.code.rawValue, org.name, places.region, places.system, "segment \(entry.segment)"]
        if near != nil { search.append("near") }
        if computation.financialOverride != nil { search.append("deficit") }
        if !moved.isEmpty { search.append(moved) }
        return Row(key: org.code.rawValue, cells: cells, search: search.joined(separator: " "))
    }

    /// "SOF 2021/22 decides segments by judgement, so it has no league table; f switches to NOF 2025/26, which has one."
    static func noLeagueTable(_ framework: Framework, _ landscape: Landscape) -> String {
        let computing = landscape.frameworks.filter { landscape.computesSegments($0.id) }.map(\.shortName)
        var text = "\(framework.shortName) decides segments by judgement, so it has no league table"
        if let first = computing.last { text += "; f switches to \(first), whose method computes segments and ranks trusts" }
        return text + "."
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? {
        ScorecardScreen(org: OrgCode(row.key))
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        Selection(org: row.map { OrgCode($0.key) })
    }

    public func interventionsScope(_ row: Row?, _ context: ScreenContext) -> InterventionsScope? {
        row.map { .organisation(OrgCode($0.key)) }
    }

    /// A trust's segment decision is its row, when the trust is in this table.
    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        guard target.scorecard != nil, let org = target.org, context.landscape.organisation(org)?.peerGroup == peerGroup else { return nil }
        return .row(org.rawValue)
    }

    struct Layout {
        var tabs: Rect
        var facts: Rect?
        var list: Rect
        var legend: Rect?

        init(_ body: Rect) {
            var rest = body
            (tabs, rest) = rest.splitTop(1)
            if body.height >= 14 { let s = rest.splitTop(1); facts = s.top; rest = s.rest }
            if body.height >= 16 { let s = rest.splitBottom(1); legend = s.bottom; rest = s.rest }
            list = rest
        }
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect { Layout(body).list }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let layout = Layout(body)
        let landscape = context.landscape
        let result = landscape.computesSegments(context.viewpoint.framework)
            ? landscape.segmentation(context.viewpoint.framework, context.viewpoint.period) : nil
        let published = landscape.hasPublishedFigures(context.viewpoint.framework)
            ? landscape.publishedLeague(context.viewpoint.framework, context.viewpoint.period) : nil
        drawTabs(result, published, context, layout.tabs.inset(left: TableLayout.markerWidth), &grid)
        if let rect = layout.facts {
            if let published, published.tables[peerGroup] != nil {
                drawPublishedFacts(published, level, rect.inset(left: TableLayout.markerWidth), &grid)
            } else if let result, !landscape.hasPublishedFigures(context.viewpoint.framework) {
                drawFacts(result, level, context, rect.inset(left: TableLayout.markerWidth), &grid)
            }
        }
        if result == nil || level.table.rows.isEmpty {
            Notice.draw(level.table.emptyText, in: layout.list.splitTop(1).rest, grid: &grid)
        } else {
            TableRenderer.draw(level.table, level.list, in: layout.list, grid: &grid)
        }
        if let rect = layout.legend?.inset(left: TableLayout.markerWidth), result != nil, !level.table.rows.isEmpty {
            grid.write(LeagueTableScreen.legend(context, grid.glyphs, width: rect.width), in: rect, role: .muted)
        }
    }

    /// The line under the list, as long as the width allows: what the marks mean, then what "To next" is.
    /// The longest that fits whole is chosen, so that a cut never falls in the middle of a meaning.
    static func legend(_ context: ScreenContext, _ glyphs: Glyphs, width: Int) -> String {
        let within = context.framework?.segmentation.nearBoundaryMargin.map { "within \(formatDecimal($0, decimals: 2)) of" } ?? "near"
        let directions = "Near: \(glyphs.better) close to a better quartile, \(glyphs.worse) to a worse"
        let candidates = [
            "\(glyphs.near) \(within) a quartile boundary · \(directions) · To next: fall in score to reach a better quartile (m shows how)",
            "\(glyphs.near) \(within) a boundary · \(directions) · To next: fall to a better quartile",
            "\(glyphs.near) \(within) a boundary · \(directions)",
            "\(glyphs.near) near a boundary · \(glyphs.better) better \(glyphs.worse) worse quartile close",
        ]
        return candidates.first { DisplayWidth.of($0) <= width } ?? candidates.last!
    }

    /// "[Acute 134]  Non-acute 98   Ambulance 10   t switches · r region: England"; on a narrow
    /// terminal the scope's name stays and the key words go.
    func drawTabs(_ result: SegmentationResult?, _ published: PublishedLeague?, _ context: ScreenContext, _ rect: Rect, _ grid: inout Grid) {
        let groups = PeerGroup.allCases
        let inPublishedStore = context.landscape.hasPublishedFigures(context.viewpoint.framework)
        func labels(_ name: (PeerGroup) -> String) -> [String] {
            groups.map { group in
                let count = inPublishedStore ? published?.tables[group]?.count : result?.table(group)?.league.count
                return name(group) + (count.map { " \($0)" } ?? "")
            }
        }
        // The long names where they leave the scope room, the short ones ("MH+C") where they would not.
        let full = labels { Labels.capitalised($0.label) }
        let labels = full.map { DisplayWidth.of($0) + 3 }.reduce(0, +) + 14 <= rect.width ? full : labels(\.shortLabel)
        let used = Tabs.draw(labels, current: groups.firstIndex(of: peerGroup) ?? 0, in: rect, grid: &grid)
        let name = scope.name(context.landscape)
        let room = rect.width - used - 1
        let text = ["t switches · r region: \(name)", "t · r region: \(name)", "r: \(name)"].first { DisplayWidth.of($0) <= room } ?? name
        var line = LineWriter(rect.inset(left: used + 1))
        line.text(text, role: .muted, grid: &grid)
    }

    /// "134 ranked · Q1 1.95 · median 2.27 · Q3 2.60 · 12 near a boundary ≈"
    func drawFacts(_ result: SegmentationResult, _ level: Level, _ context: ScreenContext, _ rect: Rect, _ grid: inout Grid) {
        guard let group = result.table(peerGroup) else { return }
        var parts: [String] = []
        let shown = level.table.rows.count
        parts.append(scope == .england ? "\(group.league.count) ranked" : "\(shown) of \(group.league.count) ranked")
        if let boundaries = group.boundaries {
            parts.append("Q1 \(Figures.score(boundaries.lowerQuartile)) · median \(Figures.score(boundaries.median))"
                         + " · Q3 \(Figures.score(boundaries.upperQuartile))")
        }
        let near = level.table.rows.filter { if case .segment(_, true) = $0.cells[3] { return true } else { return false } }.count
        if near > 0 { parts.append("\(near) near a boundary \(grid.glyphs.near)") }
        grid.write(parts.joined(separator: " · "), in: rect, role: .plain)
    }

    /// "134 ranked · cut-points 2.05 · 2.33 · 2.60 from the published averages · 12 near a boundary ≈": NHS
    /// England publishes no cut-points, so the ones the near marks and the fall to the next use are said to be ours.
    func drawPublishedFacts(_ league: PublishedLeague, _ level: Level, _ rect: Rect, _ grid: inout Grid) {
        let total = league.count(peerGroup)
        let shown = level.table.rows.count
        let ranked = scope == .england ? "\(total) ranked" : "\(shown) of \(total) ranked"
        let near = level.table.rows.filter { if case .segment(_, true) = $0.cells[3] { return true } else { return false } }.count
        let cuts = league.cutPoints.count == 3 ? league.cutPoints.map { Figures.score($0) }.joined(separator: " ") : nil
        let nearText = near > 0 ? "\(near) near a boundary \(grid.glyphs.near)" : nil
        // Longest first; the cut-points are ours (NHS England publishes none), so their wording says so when it can.
        let options = [
            [ranked, cuts.map { "cut-points \($0) from the published averages" }, nearText],
            [ranked, cuts.map { "cut-points \($0) (ours)" }, nearText],
            [ranked, cuts.map { "cut-points \($0) (ours)" }, near > 0 ? "\(near) near \(grid.glyphs.near)" : nil],
            [ranked, near > 0 ? "\(near) near \(grid.glyphs.near)" : nil],
        ].map { $0.compactMap { $0 }.joined(separator: " · ") }
        grid.write(options.first { DisplayWidth.of($0) <= rect.width } ?? options.last!, in: rect, role: .plain)
    }

    // MARK: its keys

    /// `t` and `T` (Tab, Shift-Tab) step through the peer groups, `r` through the regions; the
    /// cursor stays on the same trust when it is in the new list.
    public func update(_ intent: Intent, _ state: inout AppState) -> [Effect] {
        switch intent {
        case .nextPeerGroup, .previousPeerGroup:
            let groups = PeerGroup.allCases
            let index = groups.firstIndex(of: peerGroup) ?? 0
            let step = intent == .nextPeerGroup ? 1 : groups.count - 1
            let next = LeagueTableScreen(peerGroup: groups[(index + step) % groups.count], scope: scope)
            let period = state.viewpoint.period
            state.replaceTop(with: next)
            // Moving to the group's latest published quarter said so already.
            if state.viewpoint.period == period {
                state.message = .init("\(next.crumb(state.context)): \(state.top.table.noun.count(state.top.table.rows.count)).")
            }
        case .nextRegion:
            let next = LeagueTableScreen(peerGroup: peerGroup, scope: scope.next(state.landscape))
            state.replaceTop(with: next)
            let shown = state.top.table.noun.count(state.top.table.rows.count)
            state.message = .init(next.scope == .england ? "Showing all of England: \(shown)."
                                                         : "Showing \(next.scope.name(state.landscape)): \(shown); ranks stay national.")
        default:
            return Browse.update(intent, &state)
        }
        return []
    }
}

extension LeagueTableScreen {
    /// The league as listed: this scope's trusts, filtered and sorted as on screen, ranks national.
    public func paper(_ context: ScreenContext, _ level: Level) -> PaperRequest? {
        guard let framework = context.viewpoint.framework, let period = context.viewpoint.period else { return nil }
        return .league(peerGroup, framework, period, listed: level.listedKeys.map(OrgCode.init),
                       how: scope.name(context.landscape) + ", " + level.listedHow)
    }
}
