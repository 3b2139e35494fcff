import OversightDomain

extension ScreenKind {
    public static let actions = ScreenKind("actions", title: "Actions", offers: [.open, .addAction, .editItem, .logEvent, .closeItem, .deleteNote, .writePaper],
                                           foremost: [.closeItem])
}

/// Actions agreed in meetings, for an organisation, a footprint (its own and its members') or the
/// nation: open ones first, overdue ones at the top and flagged OVERDUE in words, then done ones.
/// `a` adds one, `E` changes the selected one (text, owner, due date), `v` records progress on it, `x` marks
/// it done, Delete (or `D`) deletes it after asking; Enter opens what it is about.
/// Degrade order: the Done column, About, Owner; then the full text below goes.
public struct ActionsScreen: Screen {
    public var scope: InterventionsScope

    public init(scope: InterventionsScope) {
        self.scope = scope
    }

    public var kind: ScreenKind { .actions }

    public func crumb(_ context: ScreenContext) -> String {
        switch scope {
        case .nation: return "Actions in England"
        case .region(let code): return "Actions in " + (context.landscape.region(code)?.name ?? code.rawValue)
        case .footprint: return "Actions of the footprint"
        case .organisation: return "Actions"
        }
    }

    func includes(_ subject: Subject, _ landscape: Landscape) -> Bool {
        switch (scope, subject) {
        case (.nation, _): return true
        case (.organisation(let code), .organisation(let other)): return code == other
        case (.footprint(let id), .footprint(let other)): return id == other
        case (.footprint(let id), .organisation(let code)): return landscape.membersByFootprint[id]?.contains(code) == true
        case (.region(let code), .organisation(let org)): return landscape.organisation(org)?.region == code
        case (.region(let code), .footprint(let id)): return landscape.footprint(id)?.region == code
        default: return false
        }
    }

    /// Overdue first (oldest due first), then open by due date (none last), then done, latest first.
    static func ordered(_ actions: [Action], today: CalendarDate) -> [Action] {
        func rank(_ a: Action) -> (Int, Int, String) {
            if a.isOverdue(on: today) { return (0, a.due?.dayNumber ?? 0, a.id.rawValue) }
            if a.status == .open { return (1, a.due?.dayNumber ?? Int.max, a.id.rawValue) }
            return (2, -(a.completed?.dayNumber ?? 0), a.id.rawValue)
        }
        return actions.sorted { rank($0) < rank($1) }
    }

    func actions(_ landscape: Landscape) -> [Action] {
        ActionsScreen.ordered(landscape.dataset.actions.filter { includes($0.subject, landscape) }, today: landscape.today)
    }

    public func table(_ context: ScreenContext) -> Table {
        let today = context.landscape.today
        var perOrganisation = false
        if case .organisation = scope { perOrganisation = true } // the crumb names it: its code in every row says nothing
        let rows = actions(context.landscape).map { action -> Row in
            let status: CellValue = action.isOverdue(on: today) ? .text("OVERDUE", .error)
                : (action.status == .open ? .text("open", .badge) : .text("done", .muted))
            var cells: [CellValue] = [
                status,
                .date(action.due),
                .text(action.owner),
                .text(Labels.subjectCode(action.subject)),
                .text(action.text.split(separator: "\n").joined(separator: " / ")),
                .date(action.completed),
            ]
            if perOrganisation { cells.remove(at: 3) }
            return Row(key: action.id.rawValue, cells: cells,
                       search: ([action.isOverdue(on: today) ? "overdue" : action.status.rawValue, action.owner,
                                 Labels.subject(action.subject, context.landscape), action.text] + icsWords(action.subject, context.landscape))
                                .joined(separator: " "))
        }
        var columns = [
            Column(["Status"], minWidth: 7, maxWidth: 8),
            Column(["Due"], minWidth: 8, maxWidth: 11),
            Column(["Owner"], minWidth: 6, maxWidth: 22, dropOrder: 2),
            Column(["About"], minWidth: 4, maxWidth: 12, dropOrder: 3),
            Column(["Action"], minWidth: 16, maxWidth: 200, flexible: true),
            Column(["Done"], minWidth: 8, maxWidth: 11, dropOrder: 4),
        ]
        if perOrganisation { columns.remove(at: 3) }
        return Table(columns: columns, rows: rows, noun: Noun("action", "actions"), emptyText: "No actions yet. Press a to add one.")
    }

    /// The footprints a trust's action belongs to, so the filter finds an ICS's actions by its code or name.
    func icsWords(_ subject: Subject, _ landscape: Landscape) -> [String] {
        guard case .organisation(let code) = subject else { return [] }
        return (landscape.footprintsByOrganisation[code] ?? []).compactMap { landscape.footprint($0) }.flatMap { [$0.id.rawValue, $0.name] }
    }

    public func open(_ row: Row, _ context: ScreenContext) -> (any Screen)? {
        guard let action = context.landscape.dataset.action(ActionID(row.key)) else { return nil }
        switch action.subject {
        case .organisation(let code): if case .organisation = scope { return nil } else { return ScorecardScreen(org: code) }
        case .footprint(let id): if case .footprint = scope { return nil } else { return FootprintScreen(id: id) }
        case .meeting: return nil
        }
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        var selection = Selection(action: row.map { ActionID($0.key) })
        switch scope {
        case .organisation(let code): selection.org = code; selection.subject = .organisation(code)
        case .footprint(let id): selection.subject = .footprint(id)
        case .nation, .region: break // the About field says what a new action is on
        }
        return selection
    }

    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        guard case .action(let id) = target.key else { return nil }
        if let action = context.landscape.dataset.action(id) {
            return includes(action.subject, context.landscape) ? .row(id.rawValue) : nil
        }
        let subject: Subject? = target.org.map { .organisation($0) } ?? target.footprint.map { .footprint($0) }
        return subject.map { includes($0, context.landscape) } == true ? .panel : nil
    }

    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        body.splitTop(1).rest.splitBottom(body.height >= 12 ? 2 : 0).rest
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let x = body.x + TableLayout.markerWidth
        let width = body.width - TableLayout.markerWidth
        let all = actions(context.landscape)
        let overdue = all.filter { $0.isOverdue(on: context.landscape.today) }.count
        let open = all.filter { $0.status == .open }.count
        var summary = "\(open) open"
        if overdue > 0 { summary += ", \(overdue) OVERDUE" }
        summary += ", \(all.count - open) done · as of \(context.landscape.today.display)"
        grid.write(summary, x: x, y: body.y, maxWidth: width, role: overdue > 0 ? .title : .muted)
        let list = listArea(in: body, context)
        TableRenderer.draw(level.table, level.list, in: list, grid: &grid)
        guard list.maxY < body.maxY, let row = level.selectedRow, let action = context.landscape.dataset.action(ActionID(row.key)) else { return }
        grid.write("About " + Labels.subject(action.subject, context.landscape) + " · " + action.owner + " · added " + action.created.date.display,
                   x: x, y: list.maxY, maxWidth: width, role: .muted)
        // The latest progress, when there is some, says more than the text the list already shows.
        if let last = action.updates.last {
            let more = action.updates.count > 1 ? " (\(action.updates.count) updates)" : ""
            grid.write("Progress \(last.date.display)\(more): " + last.text.split(separator: "\n").joined(separator: " / "),
                       x: x, y: list.maxY + 1, maxWidth: width)
        } else {
            grid.write(action.text.split(separator: "\n").joined(separator: " / "), x: x, y: list.maxY + 1, maxWidth: width)
        }
    }
}

extension ActionsScreen {
    /// The action log as listed: these actions, filtered and sorted as on screen.
    public func paper(_ context: ScreenContext, _ level: Level) -> PaperRequest? {
        .actions(level.listedKeys.map(ActionID.init), how: crumb(context) + ", " + level.listedHow)
    }
}
