import OversightDomain

extension ScreenKind {
    public static let footprints = ScreenKind("footprints", title: "Footprints",
                                              offers: [.open, .switchEra, .exoskeleton, .nextFramework, .earlierPeriod, .laterPeriod, .interventions, .notes,
                                                       .actions, .decisions, .leagueTable, .addNote, .addAction])
}

/// The 44 STP footprints of 2016 or the 42 ICSs of 2022 (`e` switches), of one region or all:
/// hosted members (`FootprintHosting`: trusts that only serve a footprint are counted in their host's
/// row), their segment mix, the median member segment (the footprint's position, which a trust's
/// segment is set beside), worst segment, members near a quartile boundary (`≈ 2`), interventions
/// of hosted members in force during the period, and lineage. The selected footprint's lineage is
/// spelt out below the list.
/// Degrade order: Lineage, Region, Code, In force, Hosted, Median, Near, Worst segment
/// columns; then the lineage line.
public struct FootprintsScreen: Screen {
    public var region: RegionCode?

    public init(region: RegionCode? = nil) {
        self.region = region
    }

    /// Notes and actions recorded here are about the selected footprint.
    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        Selection(subject: row.map { .footprint(FootprintID($0.key)) })
    }

    public var kind: ScreenKind { .footprints }
    public var pathKey: String? { region?.rawValue }

    public func crumb(_ context: ScreenContext) -> String {
        let era = context.viewpoint.era == .ics2022 ? "ICSs" : "STP footprints"
        guard let region else { return "All " + era }
        return (context.landscape.region(region)?.name ?? region.rawValue) + " " + era
    }

    public func table(_ context: ScreenContext) -> Table {
        let landscape = context.landscape
        let rows = landscape.footprints(of: context.viewpoint.era, in: region, context.viewpoint).map { footprint -> Row in
            let hosting = landscape.hosting(footprint.id, context.viewpoint)
            let mix = hosting.mix
            let inForce = hosting.hosted.reduce(0) { $0 + landscape.interventionsInForce(of: $1, context.viewpoint).count }
            let median = landscape.system(footprint.id, context.viewpoint.framework, context.viewpoint.period)?.median
            var cells: [CellValue] = [
                .text(Labels.footprintCode(footprint)),
                .tagged(footprint.name, tag: footprint.provenance.tag),
                .text(landscape.region(footprint.region)?.name ?? footprint.region.rawValue),
                .integer(hosting.hosted.count),
                .mix(mix),
                .decimal(median, text: median.map { Figures.segmentMedian($0) } ?? ""),
                .segment(mix.worst, nearBoundary: false),
                .decimal(Double(mix.near), text: mix.near > 0 ? "\(Glyphs.unicode.near) \(mix.near)" : ""),
                .integer(inForce),
                .text(lineage(footprint, landscape, glyphs: .unicode)),
            ]
            if region != nil { cells.remove(at: 2) }
            return Row(key: footprint.id.rawValue, cells: cells,
                       search: [footprint.id.rawValue, footprint.odsCode ?? "", footprint.name,
                                landscape.region(footprint.region)?.name ?? ""].joined(separator: " "))
        }
        var columns = [
            Column(["Code"], minWidth: 3, maxWidth: 10, dropOrder: 6),
            Column(["Name"], minWidth: 14, maxWidth: 60, flexible: true),
            Column(["Region"], minWidth: 8, maxWidth: 24, dropOrder: 7),
            // Hosted, not every trust that serves it: an ambulance trust serving four systems is one
            // member of one, so the column adds up to the organisations of the region.
            Column(["Hosted members", "Hosted"], alignment: .right, dropOrder: 4),
            Column(["Segment mix", "Mix"], minWidth: 8, maxWidth: 16),
            Column(["Median segment", "Median"], alignment: .right, minWidth: 6, dropOrder: 3),
            Column(["Worst segment", "Worst"], minWidth: 5, dropOrder: 1),
            Column(["Near"], alignment: .right, minWidth: 4, maxWidth: 5, dropOrder: 2),
            Column(["Interventions in force", "In force"], alignment: .right, dropOrder: 5),
            Column(["Lineage"], minWidth: 8, maxWidth: 24, dropOrder: 8),
        ]
        if region != nil { columns.remove(at: 2) } // every row is in the region the crumb names
        let noun = context.viewpoint.era == .ics2022 ? Noun("ICS", "ICSs") : Noun("STP footprint", "STP footprints")
        return Table(columns: columns, rows: rows, noun: noun, emptyText: "No footprints of this era here.")
    }

    /// "→ QE1" for an STP that became an ICS; "← E54000048" for an ICS formed from STPs.
    func lineage(_ footprint: Footprint, _ landscape: Landscape, glyphs: Glyphs) -> String {
        if !footprint.successors.isEmpty {
            return glyphs.arrow + " " + footprint.successors.map { s in
                landscape.footprint(s.footprint).map(Labels.footprintCode) ?? s.footprint.rawValue
            }.joined(separator: ", ")
        }
        let before = landscape.dataset.predecessors(of: footprint.id)
        guard !before.isEmpty else { return "" }
        return glyphs.backArrow + " " + before.map(\.id.rawValue).joined(separator: ", ")
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? {
        FootprintScreen(id: FootprintID(row.key))
    }

    public func interventionsScope(_ row: Row?, _ context: ScreenContext) -> InterventionsScope? {
        if let row { return .footprint(FootprintID(row.key)) }
        return region.map(InterventionsScope.region) ?? .nation
    }

    /// The region's trusts (all England's from the list of every footprint).
    public func leagueOpening(_ row: Row?, _ context: ScreenContext) -> LeagueOpening {
        LeagueOpening(scope: region.map(LeagueScope.region) ?? .england, trust: nil)
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        body.height >= 12 ? body.splitBottom(2).rest : body
    }

    /// The system view, for each footprint's median member segment.
    public func needs(_ context: ScreenContext) -> Set<Need> { Set(context.shown.map { [Need.systems($0)] } ?? []) }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let list = listArea(in: body, context)
        TableRenderer.draw(level.table, level.list, in: list, grid: &grid)
        guard list.maxY < body.maxY, let row = level.selectedRow, let footprint = context.landscape.footprint(FootprintID(row.key)) else { return }
        let line = Rect(x: body.x + TableLayout.markerWidth, y: list.maxY + 1, width: body.width - TableLayout.markerWidth, height: 1)
        grid.write(LineageText.sentence(footprint, context.landscape), in: line, role: .muted)
    }
}

/// Lineage in words: what a footprint became, or what it was formed from.
enum LineageText {
    static func sentence(_ footprint: Footprint, _ landscape: Landscape) -> String {
        let code = Labels.footprintCode(footprint)
        var parts: [String] = []
        for s in footprint.successors {
            let name = landscape.footprint(s.footprint).map { "\($0.name) (\(Labels.footprintCode($0)))" } ?? s.footprint.rawValue
            let verb: String
            switch s.kind {
            case .became: verb = "became"
            case .merged: verb = "merged into"
            case .partMoved: verb = "gave part of its area to"
            }
            parts.append("\(verb) \(name) on \(s.date.display)")
        }
        let before = landscape.dataset.predecessors(of: footprint.id)
        if !before.isEmpty {
            parts.append("formed from " + before.map { "\($0.name) (\($0.id.rawValue))" }.joined(separator: ", "))
        }
        let span = "from \(footprint.validFrom.display)" + (footprint.validTo.map { " to \($0.display)" } ?? "")
        guard !parts.isEmpty else { return "\(code): \(span); no recorded lineage." }
        return "\(code) \(parts.joined(separator: "; ")) (\(span))."
    }
}
