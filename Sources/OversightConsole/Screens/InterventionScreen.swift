import OversightDomain

extension ScreenKind {
    public static let intervention = ScreenKind("intervention", title: "Intervention",
                                                offers: [.open, .addIntervention, .logEvent, .editItem, .closeItem],
                                                 foremost: [.logEvent])
}

/// One intervention: every field labelled on its own line ("Reason: …", read well by a screen
/// reader), then its dated event log as a list.
/// Degrade order: the Recorded by column; then field lines from the bottom (outcome, exit
/// criteria, reason wrap to one line each).
public struct InterventionScreen: Screen {
    public var id: InterventionID

    public init(id: InterventionID) {
        self.id = id
    }

    public var kind: ScreenKind { .intervention }
    public var pathKey: String? { id.rawValue }

    public func crumb(_ context: ScreenContext) -> String {
        guard let item = context.landscape.dataset.intervention(id) else { return id.rawValue }
        return context.landscape.dataset.interventionType(item.type)?.name ?? item.type.rawValue
    }

    public func table(_ context: ScreenContext) -> Table {
        let events = context.landscape.dataset.intervention(id)?.events.sorted { ($0.date, $0.id) < ($1.date, $1.id) } ?? []
        let rows = events.map { event in
            Row(key: event.id.rawValue, cells: [.date(event.date), .tagged(event.text, tag: event.provenance.tag), .text(event.recordedBy ?? "")])
        }
        return Table(columns: [
            Column(["Date"], minWidth: 8, maxWidth: 12),
            Column(["Event"], minWidth: 20, maxWidth: 200, flexible: true),
            Column(["Recorded by", "By"], minWidth: 6, maxWidth: 20, dropOrder: 1),
        ], rows: rows, noun: Noun("event", "events"), emptyText: "No events recorded.")
    }

    func fields(_ context: ScreenContext) -> [(label: String, value: String)] {
        let landscape = context.landscape
        guard let item = landscape.dataset.intervention(id) else { return [("Intervention", "not found in this store")] }
        let type = landscape.dataset.interventionType(item.type)
        let org = landscape.organisation(item.org).map { "\($0.code.rawValue) \($0.name)" } ?? item.org.rawValue
        var fields: [(String, String)] = [
            ("Type", (type?.name ?? item.type.rawValue) + (type?.segment.map { " (\($0))" } ?? "")),
            ("Organisation", org),
            ("Applied by", item.appliedBy),
            ("Dates", item.start.display + " to " + (item.end?.display ?? "now") + " · " + item.status.label),
            ("Reason", item.reason),
            ("Exit criteria", item.exitCriteria),
        ]
        if let outcome = item.outcome { fields.append(("Outcome", outcome)) }
        if let decision = item.segmentDecision { fields.append(("Segment decision", decision.rawValue)) }
        if !item.provenance.tag.isEmpty {
            fields.append(("Source", item.provenance.tag + (item.provenance.note.map { ": " + $0 } ?? "")))
        } else if let source = item.provenance.source {
            fields.append(("Source", source))
        }
        return fields
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        let org = context.landscape.dataset.intervention(id)?.org
        return Selection(org: org, subject: org.map { .organisation($0) }, intervention: id)
    }

    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        target.key == .intervention(id) ? .panel : nil
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        let wanted = fields(context).count + 1
        return body.splitTop(min(wanted, max(0, body.height - 5))).rest
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let list = listArea(in: body, context)
        let x = body.x + TableLayout.markerWidth
        let labelWidth = 18
        for (i, field) in fields(context).enumerated() where body.y + i < list.y - 1 {
            let y = body.y + i
            grid.write(field.label + ":", x: x, y: y, maxWidth: labelWidth, role: .title)
            grid.write(field.value, x: x + labelWidth, y: y, maxWidth: body.maxX - x - labelWidth)
        }
        TableRenderer.draw(level.table, level.list, in: list, grid: &grid)
    }
}
