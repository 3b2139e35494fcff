import OversightDomain

extension ScreenKind {
    public static let suggestions = ScreenKind("suggestions", title: "Suggested agenda", offers: [.open, .toggleKeep, .addKept],
                                               foremost: [.toggleKeep, .addKept])
}

/// What the data proposes for a meeting's agenda: every trust in the scope with a reason (in segment 4 or 5,
/// moved since the quarter before and why, near a boundary, an open intervention with events due, overdue
/// actions, a decision pending), the weightiest first. Space keeps or drops the selected one; `a` adds the
/// kept ones to the agenda, each with its reasons as the item's "why", as one undoable entry.
public struct SuggestionsScreen: Screen {
    public var meeting: MeetingID
    public var scope: AgendaScope
    public var framework: FrameworkID
    public var period: Period
    public var minutes: Int
    public var dropped: Set<OrgCode> = []

    public init(meeting: MeetingID, scope: AgendaScope, framework: FrameworkID, period: Period, minutes: Int) {
        self.meeting = meeting
        self.scope = scope
        self.framework = framework
        self.period = period
        self.minutes = minutes
    }

    public var kind: ScreenKind { .suggestions }

    public func crumb(_ context: ScreenContext) -> String { "Suggested" }

    /// What the data proposes, less the trusts already on the agenda (suggesting twice must not list them twice).
    func suggestions(_ landscape: Landscape) -> [AgendaSuggestion] {
        AgendaSuggestion.suggest(scope, framework: framework, period: period, in: landscape.dataset, today: landscape.today)
            .filter { !onAgenda(landscape).contains($0.org) }
    }

    func onAgenda(_ landscape: Landscape) -> Set<OrgCode> {
        Set(landscape.dataset.meeting(meeting)?.items.compactMap(\.subject.organisation) ?? [])
    }

    public func table(_ context: ScreenContext) -> Table {
        let rows = suggestions(context.landscape).map { suggestion -> Row in
            let kept = !dropped.contains(suggestion.org)
            return Row(key: suggestion.org.rawValue, cells: [
                kept ? .text("keep", .badge) : .text("drop", .muted),
                .text(suggestion.org.rawValue),
                .text(suggestion.name),
                suggestion.segment.map { .segment($0, nearBoundary: false) } ?? .text("none", .muted),
                .text(suggestion.rank ?? ""),
                .text(suggestion.reasonText),
            ], search: [suggestion.org.rawValue, suggestion.name, suggestion.reasonText, kept ? "keep" : "drop"].joined(separator: " "))
        }
        return Table(columns: [
            Column(["Keep"], minWidth: 4, maxWidth: 4),
            Column(["Code"], minWidth: 3, maxWidth: 5),
            Column(["Trust"], minWidth: 12, maxWidth: 40, flexible: true),
            Column(["Segment", "Seg"], minWidth: 3, maxWidth: 7),
            Column(["Rank"], alignment: .right, minWidth: 4, maxWidth: 6, dropOrder: 2),
            Column(["Why"], minWidth: 10, maxWidth: 200, flexible: true, dropOrder: 1),
        ], rows: rows, noun: Noun("suggestion", "suggestions"),
        emptyText: "Nothing in the data calls for an item: no trust here is in segment 4 or 5, moved, near a boundary, under an open intervention, behind on actions or awaiting a decision.")
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? { ScorecardScreen(org: OrgCode(row.key)) }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        body.splitTop(1).rest.splitBottom(body.height >= 12 ? 3 : 0).rest
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let x = body.x + TableLayout.markerWidth
        let width = body.width - TableLayout.markerWidth
        let kept = level.table.rows.count - dropped.count
        let title = context.landscape.dataset.meeting(meeting)?.title ?? "the meeting"
        let already = onAgenda(context.landscape).count
        let leftOut = already == 0 ? "" : " · \(already) already on the agenda left out"
        grid.write("\(kept) of \(level.table.rows.count) kept for “\(title)” · \(scope.label(in: context.landscape.dataset)), \(period.label)\(leftOut)",
                   x: x, y: body.y, maxWidth: width, role: .title)
        let list = listArea(in: body, context)
        TableRenderer.draw(level.table, level.list, in: list, grid: &grid)
        guard list.maxY < body.maxY, let row = level.selectedRow,
              let suggestion = suggestions(context.landscape).first(where: { $0.org.rawValue == row.key }) else { return }
        let lines = suggestion.reasons.flatMap { TextWrap.lines("• " + $0.text, width: width) }
        for (i, line) in lines.prefix(body.maxY - list.maxY).enumerated() {
            grid.write(line, x: x, y: list.maxY + i, maxWidth: width)
        }
    }

    public func update(_ intent: Intent, _ state: inout AppState) -> [Effect] {
        switch intent {
        case .toggleKeep:
            guard let key = state.top.selectedRow?.key else { return [] }
            var next = self
            if next.dropped.remove(OrgCode(key)) == nil { next.dropped.insert(OrgCode(key)) }
            state.replaceTop(with: next)
            state.updateTop { $0.list.select(key: key, table: $0.table) }
            return []
        case .addKept:
            if refusedReadOnly(&state) { return [] }
            guard let target = state.landscape.dataset.meeting(meeting) else { return say(&state, "That meeting is no longer in the store.") }
            // Only what is on screen: a filter hides rows, and what is hidden is not what the secretary chose.
            let shown = Set(state.top.listedKeys)
            let kept = suggestions(state.landscape).filter { !dropped.contains($0.org) && shown.contains($0.org.rawValue) }
            guard !kept.isEmpty else { return say(&state, "No suggestion shown is kept: Space keeps one.") }
            let items = kept.enumerated().map { offset, suggestion in
                AgendaItem(id: target.nextItemID(offset: offset), subject: .organisation(suggestion.org), reason: suggestion.reasonText, minutes: minutes)
            }
            state.stack.removeLast()
            return [.commit(.addAgendaItems(meeting, items))]
        default:
            return Browse.update(intent, &state)
        }
    }
}
