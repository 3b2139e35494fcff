import OversightDomain

extension ScreenKind {
    public static let history = ScreenKind("history", title: "History", offers: [.open, .historyScope])
}

/// The journal as a list, newest first: when, who, what, and whether it stands undone or is the
/// undo or redo of an earlier entry (marked as `oversight history` marks them). `/` filters it;
/// `o` shows only the entries about one organisation (the one it was opened from, or the selected
/// entry's), and again shows them all. Enter goes to the record the entry changed.
/// Degrade order: the Who column, then #; the What column keeps the width, and the mark comes
/// before it so that a long label never hides it.
public struct HistoryScreen: Screen {
    /// Only entries about this organisation, when set.
    public var org: OrgCode?

    public init(org: OrgCode? = nil) {
        self.org = org
    }

    public var kind: ScreenKind { .history }

    /// The journal, which only the store holds.
    public func needs(_ context: ScreenContext) -> Set<Need> { [.history] }

    public func crumb(_ context: ScreenContext) -> String { org.map { "History of \($0)" } ?? "History" }

    public func table(_ context: ScreenContext) -> Table {
        let entries = context.history.entries.reversed().filter { entry in org.map { entry.organisations.contains($0) } ?? true }
        let rows = entries.map { entry -> Row in
            Row(key: String(entry.seq), cells: [
                .integer(entry.seq),
                .text(context.time.display(entry.time)),
                .text(entry.user),
                .text(entry.mark, entry.isAction ? (entry.mark.isEmpty ? .plain : .badge) : .muted),
                .text(entry.label),
            ], search: [entry.label, entry.user, entry.mark, entry.name, entry.organisations.map(\.rawValue).sorted().joined(separator: " ")]
                .joined(separator: " "))
        }
        let empty = org.map { "No recorded edits about \($0) in the journal." } ?? "The journal is empty: nothing has been recorded in this store yet."
        return Table(columns: [
            Column(["#"], alignment: .right, minWidth: 1, maxWidth: 6, dropOrder: 2),
            Column([context.history.entries.last.map { "When (\(context.time.heading(at: $0.time)))" } ?? "When", "When"], minWidth: 17, maxWidth: 17),
            Column(["Who"], minWidth: 4, maxWidth: 16, dropOrder: 3),
            Column(["Undone/redone", "Mark"], minWidth: 6, maxWidth: 10),
            Column(["What"], minWidth: 20, maxWidth: 200, flexible: true),
        ], rows: rows, noun: Noun("entry", "entries"), emptyText: empty)
    }

    /// The entry a row shows.
    func entry(_ row: Row?, _ context: ScreenContext) -> HistoryPage.Entry? {
        guard let row, let seq = Int(row.key) else { return nil }
        return context.history.entry(seq)
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        Selection(org: org ?? entry(row, context)?.organisations.sorted().first)
    }

    /// The list, with the selected entry in full on the line below it.
    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        body.splitTop(1).rest.splitBottom(body.height >= 12 ? 2 : 0).rest
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let x = body.x + TableLayout.markerWidth
        let width = body.width - TableLayout.markerWidth
        let text = org.map { "Entries about \($0), newest first · o: every entry · Enter: go to what changed" }
            ?? "Newest first · o: only the selected entry's organisation · Enter: go to what changed"
        grid.write(text, x: x, y: body.y, maxWidth: width, role: .muted)
        let list = listArea(in: body, context)
        TableRenderer.draw(level.table, level.list, in: list, grid: &grid)
        guard list.maxY < body.maxY, let entry = entry(level.selectedRow, context) else { return }
        let line = "#\(entry.seq) · \(context.time.named(entry.time)) · \(entry.user): \(entry.description)"
        // What the entry recorded (the note's text, the rationale) goes on the last line, the entry above it.
        guard !entry.recorded.isEmpty else { grid.write(line, x: x, y: list.maxY + 1, maxWidth: width); return }
        grid.write(line, x: x, y: list.maxY, maxWidth: width, role: .muted)
        grid.write(entry.recorded.joined(separator: " · "), x: x, y: list.maxY + 1, maxWidth: width)
    }

    // MARK: its keys

    /// Enter goes to what the selected entry changed; `o` narrows to one organisation or widens
    /// again; `H` here is already here.
    public func update(_ intent: Intent, _ state: inout AppState) -> [Effect] {
        switch intent {
        case .open: jump(&state)
        case .history: break
        case .historyScope: toggleScope(&state)
        default: return Browse.update(intent, &state)
        }
        return []
    }

    /// Enter on an entry: to the record it changed, on top of the history (Esc comes back).
    func jump(_ s: inout AppState) {
        guard let entry = entry(s.top.selectedRow, s.context), let key = entry.keys.first else { return }
        let data = s.landscape.dataset
        var target = FocusTarget(key, in: data)
        if target.org == nil && target.footprint == nil { target.org = entry.organisations.sorted().first }
        guard s.destination(for: target) != nil else {
            s.message = .init("The record this entry changed is no longer in the store: \(entry.label).", isError: true)
            return
        }
        s.focus(on: target, jumping: true)
        s.message = .init(data.record(key) == nil ? "\(entry.label): that record is no longer in the store; this is where it was."
                                                   : "Went to: \(entry.label).")
    }

    /// `o`: only the entries about the selected entry's organisation, or every entry again.
    func toggleScope(_ s: inout AppState) {
        let narrowed: OrgCode?
        if org != nil {
            narrowed = nil
            s.message = .init("Showing every entry.")
        } else if let chosen = selection(s.top.selectedRow, s.context).org {
            narrowed = chosen
            s.message = .init("Showing only entries about \(chosen); o again shows every entry.")
        } else {
            s.message = .init("The selected entry is not about an organisation.", isError: true)
            return
        }
        let selected = s.top.list.selectedKey(in: s.top.table)
        s.stack[s.stack.count - 1] = Level(HistoryScreen(org: narrowed), context: s.context)
        if let selected { s.updateTop { $0.list.select(key: selected, table: $0.table) } }
    }
}
