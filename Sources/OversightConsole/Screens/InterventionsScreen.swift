import OversightDomain

extension ScreenKind {
    public static let interventions = ScreenKind("interventions", title: "Interventions",
                                                 offers: [.open, .addIntervention, .logEvent, .editItem, .closeItem],
                                                 foremost: [.logEvent])
}

/// Interventions of an organisation, a footprint's members, a region or the nation, newest first,
/// each with its span on a shared timeline; the selected one's reason and exit criteria below.
/// Enter opens one with its dated event log.
/// Degrade order: Timeline, Reason, Applied by, End columns; then the detail lines below the list.
public struct InterventionsScreen: Screen {
    public var scope: InterventionsScope

    public init(scope: InterventionsScope) {
        self.scope = scope
    }

    public var kind: ScreenKind { .interventions }

    public func crumb(_ context: ScreenContext) -> String {
        switch scope {
        case .nation: return "Interventions in England"
        case .region(let code): return "Interventions in " + (context.landscape.region(code)?.name ?? code.rawValue)
        case .footprint: return "Interventions of members"
        case .organisation: return "Interventions"
        }
    }

    func interventions(_ landscape: Landscape) -> [Intervention] {
        switch scope {
        case .nation:
            return landscape.dataset.interventions
        case .region(let code):
            return landscape.dataset.interventions.filter { landscape.organisation($0.org)?.region == code }
        case .footprint(let id):
            return (landscape.membersByFootprint[id] ?? []).flatMap { landscape.interventions(of: $0) }
        case .organisation(let code):
            return landscape.interventions(of: code)
        }
    }

    public func table(_ context: ScreenContext) -> Table {
        let landscape = context.landscape
        let items = interventions(landscape).sorted { ($0.start, $0.id) > ($1.start, $1.id) }
        let first = items.map(\.start.dayNumber).min() ?? landscape.today.dayNumber
        let axis = first...max(first + 1, landscape.today.dayNumber)
        let rows = items.map { item -> Row in
            let type = landscape.dataset.interventionType(item.type)?.name ?? item.type.rawValue
            let org = landscape.organisation(item.org)
            var cells: [CellValue] = [
                .text(item.org.rawValue),
                .tagged(type, tag: item.provenance.tag),
                .text(item.appliedBy),
                .date(item.start),
                .date(item.end),
                .text(item.status.label, item.isOpen ? .badge : .plain),
                .span(from: item.start.dayNumber, to: item.end?.dayNumber, axis: axis, open: item.isOpen),
                .text(item.reason),
            ]
            if case .organisation = scope { cells.removeFirst() }
            return Row(key: item.id.rawValue, cells: cells, search: [item.org.rawValue, org?.name ?? "", type, item.appliedBy, item.status.label, item.reason].joined(separator: " "))
        }
        var columns = [
            Column(["Organisation", "Org"], minWidth: 3, maxWidth: 12),
            Column(["Intervention"], minWidth: 16, maxWidth: 44, flexible: true),
            Column(["Applied by", "By"], minWidth: 6, maxWidth: 22, dropOrder: 4),
            Column(["Start"], minWidth: 8, maxWidth: 11),
            Column(["End"], minWidth: 8, maxWidth: 11, dropOrder: 2),
            Column(["Status"], minWidth: 6, maxWidth: 8),
            Column(["Timeline"], minWidth: 10, maxWidth: 24, dropOrder: 3, sortable: false),
            Column(["Reason"], minWidth: 10, maxWidth: 40, dropOrder: 5),
        ]
        if case .organisation = scope { columns.removeFirst() } // the crumb names the organisation
        return Table(columns: columns, rows: rows, noun: Noun("intervention", "interventions"),
                     emptyText: "No interventions recorded.")
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? {
        InterventionScreen(id: InterventionID(row.key))
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        var selection = Selection(intervention: row.map { InterventionID($0.key) })
        if case .organisation(let code) = scope {
            selection.org = code
            selection.subject = .organisation(code)
        }
        return selection
    }

    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        guard case .intervention(let id) = target.key, let org = target.org else { return nil }
        let landscape = context.landscape
        let inScope: Bool
        switch scope {
        case .nation: inScope = true
        case .region(let code): inScope = landscape.organisation(org)?.region == code
        case .footprint(let fp): inScope = landscape.membersByFootprint[fp]?.contains(org) == true
        case .organisation(let code): inScope = code == org
        }
        guard inScope else { return nil }
        return landscape.dataset.intervention(id) == nil ? .panel : .row(id.rawValue)
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        body.height >= 12 ? body.splitBottom(3).rest : body
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let list = listArea(in: body, context)
        TableRenderer.draw(level.table, level.list, in: list, grid: &grid)
        guard list.maxY < body.maxY, let row = level.selectedRow,
              let item = context.landscape.dataset.intervention(InterventionID(row.key)) else { return }
        let x = body.x + TableLayout.markerWidth
        let width = body.width - TableLayout.markerWidth
        let name = context.landscape.organisation(item.org)?.name ?? item.org.rawValue
        grid.write("\(item.org.rawValue) \(name) · applied by \(item.appliedBy)", x: x, y: list.maxY, maxWidth: width, role: .title)
        grid.write("Reason: " + item.reason, x: x, y: list.maxY + 1, maxWidth: width)
        grid.write("Exit criteria: " + item.exitCriteria, x: x, y: list.maxY + 2, maxWidth: width)
    }
}
