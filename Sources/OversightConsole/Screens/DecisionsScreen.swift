import OversightDomain

extension ScreenKind {
    public static let decisions = ScreenKind("decisions", title: "Segment decisions", offers: [.open, .decideSegment, .writePaper])
}

/// The decision log: every segment decision recorded for an organisation, or across a footprint, a region or
/// England, under every framework and period, newest period first: the one in force and, under it, those a
/// later decision replaced, each with who took it, when, at which meeting and why (the selected one's
/// rationale in full below). The filter (`/`) matches trusts, their ICS, who decided, the meeting and
/// "in force" or "replaced". Enter opens the trust's scorecard.
/// Degrade order: the Basis column, Meeting, then By; then the rationale below shortens.
public struct DecisionsScreen: Screen {
    public var scope: InterventionsScope

    public init(org: OrgCode) {
        scope = .organisation(org)
    }

    public init(scope: InterventionsScope) {
        self.scope = scope
    }

    public var kind: ScreenKind { .decisions }
    public var pathKey: String? {
        if case .organisation(let org) = scope { return org.rawValue }
        return nil
    }

    var org: OrgCode? {
        if case .organisation(let org) = scope { return org }
        return nil
    }

    public func crumb(_ context: ScreenContext) -> String {
        switch scope {
        case .organisation: return "Decisions"
        case .nation: return "Decisions in England"
        case .region(let code): return "Decisions in " + (context.landscape.region(code)?.name ?? code.rawValue)
        case .footprint(let id): return "Decisions in " + (context.landscape.footprint(id)?.name ?? id.rawValue)
        }
    }

    struct Listed {
        var id: ScorecardID
        var decision: SegmentDecision
        var inForce: Bool
        var key: String
    }

    func includes(_ code: OrgCode, _ landscape: Landscape) -> Bool {
        switch scope {
        case .nation: return true
        case .organisation(let org): return code == org
        case .region(let region): return landscape.organisation(code)?.region == region
        case .footprint(let id): return landscape.footprintsByOrganisation[code]?.contains(id) == true
        }
    }

    func decisions(_ landscape: Landscape) -> [Listed] {
        let cards = landscape.dataset.scorecards.filter { !$0.allDecisions.isEmpty && includes($0.org, landscape) }
            .sorted { ($0.period, $0.framework, $1.org) > ($1.period, $1.framework, $0.org) }
        return cards.flatMap { card in
            card.allDecisions.enumerated().map { index, decision in
                Listed(id: card.id, decision: decision, inForce: index == 0 && card.decision != nil, key: "\(card.id.rawValue)#\(index)")
            }
        }
    }

    public func table(_ context: ScreenContext) -> Table {
        let landscape = context.landscape
        let acrossTrusts = org == nil
        let rows = decisions(landscape).map { listed -> Row in
            let framework = landscape.framework(listed.id.framework)?.shortName ?? listed.id.framework.rawValue
            let meeting = listed.decision.meeting.flatMap { landscape.dataset.meeting($0.meeting) }
            var cells: [CellValue] = [
                .text("\(framework) \(listed.id.period.label)"),
                .segment(listed.decision.segment, nearBoundary: false),
                listed.inForce ? .text("in force", .badge) : .text("replaced", .muted),
                .date(listed.decision.date),
                .text(listed.decision.decidedBy),
                .text(listed.decision.basis.rawValue),
                .text(meeting.map(\.title) ?? ""),
                .tagged(listed.decision.rationale.split(separator: "\n").joined(separator: " / "), tag: listed.decision.provenance.tag),
            ]
            if acrossTrusts { cells.insert(.text(listed.id.org.rawValue), at: 0) }
            let organisation = landscape.organisation(listed.id.org)
            let footprints = (landscape.footprintsByOrganisation[listed.id.org] ?? []).compactMap { landscape.footprint($0) }
            return Row(key: listed.key, cells: cells,
                       search: ([listed.id.org.rawValue, organisation?.name ?? "", framework, listed.id.period.label, listed.decision.decidedBy,
                                 listed.decision.rationale, meeting?.title ?? "", listed.inForce ? "in force" : "replaced"]
                                + footprints.flatMap { [$0.id.rawValue, $0.name] }).joined(separator: " "))
        }
        var columns = [
            Column(["Framework and period", "Period"], minWidth: 10, maxWidth: 24),
            Column(["Segment", "Seg"], minWidth: 4, maxWidth: 7),
            Column(["Status"], minWidth: 8, maxWidth: 8),
            Column(["Decided", "Date"], minWidth: 8, maxWidth: 11),
            Column(["By"], minWidth: 6, maxWidth: 20, dropOrder: 2),
            Column(["Basis"], minWidth: 5, maxWidth: 9, dropOrder: 4),
            Column(["Meeting"], minWidth: 8, maxWidth: 24, dropOrder: 3),
            Column(["Rationale"], minWidth: 16, maxWidth: 200, flexible: true),
        ]
        if acrossTrusts { columns.insert(Column(["Trust"], minWidth: 3, maxWidth: 6), at: 0) }
        let empty = org.map { "No segment decisions are recorded for \($0). d records one on the scorecard." }
            ?? "No segment decisions are recorded here yet. d records one on a trust's scorecard."
        return Table(columns: columns, rows: rows, noun: Noun("decision", "decisions"), emptyText: empty)
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? {
        decisions(context.landscape).first { $0.key == row.key }.map { ScorecardScreen(org: $0.id.org) }
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        guard let code = org ?? row.flatMap({ row in decisions(context.landscape).first { $0.key == row.key }?.id.org }) else { return .nothing }
        return Selection(org: code, subject: .organisation(code))
    }

    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        guard let code = target.org, includes(code, context.landscape), let id = target.scorecard else { return nil }
        return .row("\(id.rawValue)#0")
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        let below = body.height >= 14 ? 5 : (body.height >= 10 ? 3 : 0)
        return body.splitTop(1).rest.splitBottom(below).rest
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let x = body.x + TableLayout.markerWidth
        let width = body.width - TableLayout.markerWidth
        let all = decisions(context.landscape)
        let replaced = all.filter { !$0.inForce }.count
        // The counts first: the name is what a narrow terminal cuts.
        let whose = org.map { "\($0) " + (context.landscape.organisation($0)?.name ?? "") } ?? crumb(context)
        grid.write("\(all.count - replaced) in force, \(replaced) replaced · \(whose)", x: x, y: body.y, maxWidth: width, role: .title)
        let list = listArea(in: body, context)
        TableRenderer.draw(level.table, level.list, in: list, grid: &grid)
        guard list.maxY < body.maxY, let row = level.selectedRow, let listed = all.first(where: { $0.key == row.key }) else { return }
        let decision = listed.decision
        var heading = org == nil ? "\(listed.id.org) " : ""
        heading += "Segment \(decision.segment) (\(decision.basis.rawValue)" + (decision.computed.map { ", computed \($0)" } ?? "") + ")"
        heading += " · \(decision.date.display) · \(decision.decidedBy)" + (listed.inForce ? " · in force" : " · replaced by a later decision")
        grid.write(heading, x: x, y: list.maxY, maxWidth: width, role: .muted)
        let lines = decision.rationale.split(separator: "\n", omittingEmptySubsequences: false).flatMap { TextWrap.lines(String($0), width: width) }
        for (i, line) in lines.prefix(body.maxY - list.maxY - 1).enumerated() {
            grid.write(line, x: x, y: list.maxY + 1 + i, maxWidth: width)
        }
    }
}

extension DecisionsScreen {
    /// The decision log as listed, replaced decisions included.
    public func paper(_ context: ScreenContext, _ level: Level) -> PaperRequest? {
        let listed = Dictionary(uniqueKeysWithValues: decisions(context.landscape).map { ($0.key, $0) })
        let refs = level.listedKeys.compactMap { key -> PaperRequest.DecisionRef? in
            guard let entry = listed[key], let index = key.split(separator: "#").last.flatMap({ Int($0) }) else { return nil }
            return PaperRequest.DecisionRef(scorecard: entry.id, index: index)
        }
        return .decisions(refs, how: crumb(context) + (org.map { " of \($0)" } ?? "") + ", " + level.listedHow)
    }
}
