import OversightDomain

extension ScreenKind {
    public static let decisions = ScreenKind("decisions", title: "Segment decisions", offers: [.open, .decideSegment, .writePaper])
}

/// Every segment decision recorded for an organisation, under every framework and period, newest period
/// first: the one in force and, under it, those a later decision replaced, each with who took it, when and
/// why (the selected one's rationale in full below). Enter opens the scorecard at that framework and period.
/// Degrade order: the Basis column, then By; then the rationale below shortens.
public struct DecisionsScreen: Screen {
    public var org: OrgCode

    public init(org: OrgCode) {
        self.org = org
    }

    public var kind: ScreenKind { .decisions }
    public var pathKey: String? { org.rawValue }

    public func crumb(_ context: ScreenContext) -> String { "Decisions" }

    struct Listed {
        var id: ScorecardID
        var decision: SegmentDecision
        var inForce: Bool
        var key: String
    }

    func decisions(_ landscape: Landscape) -> [Listed] {
        let cards = landscape.dataset.scorecards.filter { $0.org == org && !$0.allDecisions.isEmpty }
            .sorted { ($0.period, $0.framework) > ($1.period, $1.framework) }
        return cards.flatMap { card in
            card.allDecisions.enumerated().map { index, decision in
                Listed(id: card.id, decision: decision, inForce: index == 0 && card.decision != nil, key: "\(card.id.rawValue)#\(index)")
            }
        }
    }

    public func table(_ context: ScreenContext) -> Table {
        let landscape = context.landscape
        let rows = decisions(landscape).map { listed -> Row in
            let framework = landscape.framework(listed.id.framework)?.shortName ?? listed.id.framework.rawValue
            return Row(key: listed.key, cells: [
                .text("\(framework) \(listed.id.period.label)"),
                .segment(listed.decision.segment, nearBoundary: false),
                listed.inForce ? .text("in force", .badge) : .text("replaced", .muted),
                .date(listed.decision.date),
                .text(listed.decision.decidedBy),
                .text(listed.decision.basis.rawValue),
                .tagged(listed.decision.rationale.split(separator: "\n").joined(separator: " / "), tag: listed.decision.provenance.tag),
            ], search: [framework, listed.id.period.label, listed.decision.decidedBy, listed.decision.rationale,
                        listed.inForce ? "in force" : "replaced"].joined(separator: " "))
        }
        return Table(columns: [
            Column(["Framework and period", "Period"], minWidth: 10, maxWidth: 24),
            Column(["Segment", "Seg"], minWidth: 4, maxWidth: 7),
            Column(["Status"], minWidth: 8, maxWidth: 8),
            Column(["Decided", "Date"], minWidth: 8, maxWidth: 11),
            Column(["By"], minWidth: 6, maxWidth: 20, dropOrder: 2),
            Column(["Basis"], minWidth: 5, maxWidth: 9, dropOrder: 3),
            Column(["Rationale"], minWidth: 16, maxWidth: 200, flexible: true),
        ], rows: rows, noun: Noun("decision", "decisions"), emptyText: "No segment decisions are recorded for \(org). d records one on the scorecard.")
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? { ScorecardScreen(org: org) }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        Selection(org: org, subject: .organisation(org))
    }

    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        guard target.org == org, let id = target.scorecard else { return nil }
        return .row("\(id.rawValue)#0")
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        let below = body.height >= 14 ? 5 : (body.height >= 10 ? 3 : 0)
        return body.splitTop(1).rest.splitBottom(below).rest
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let x = body.x + TableLayout.markerWidth
        let width = body.width - TableLayout.markerWidth
        let name = context.landscape.organisation(org)?.name ?? org.rawValue
        let all = decisions(context.landscape)
        let replaced = all.filter { !$0.inForce }.count
        // The counts first: the name is what a narrow terminal cuts.
        grid.write("\(all.count - replaced) in force, \(replaced) replaced · \(org) \(name)", x: x, y: body.y, maxWidth: width, role: .title)
        let list = listArea(in: body, context)
        TableRenderer.draw(level.table, level.list, in: list, grid: &grid)
        guard list.maxY < body.maxY, let row = level.selectedRow, let listed = all.first(where: { $0.key == row.key }) else { return }
        let decision = listed.decision
        var heading = "Segment \(decision.segment) (\(decision.basis.rawValue)" + (decision.computed.map { ", computed \($0)" } ?? "") + ")"
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
        return .decisions(refs, how: crumb(context) + " of \(org), " + level.listedHow)
    }
}
