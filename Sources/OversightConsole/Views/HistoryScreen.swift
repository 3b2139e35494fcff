import OversightDomain
import OversightStore

extension ScreenKind {
    public static let history = ScreenKind("history", title: "History")
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

    public func crumb(_ context: ScreenContext) -> String { org.map { "History of \($0)" } ?? "History" }

    public func table(_ context: ScreenContext) -> Table {
        let status = HistoryStatus(context.history)
        let data = context.landscape.dataset
        let items = context.history.reversed().filter { item in org.map { item.organisations(in: data).contains($0) } ?? true }
        let rows = items.map { item -> Row in
            let mark = status.mark(item)
            return Row(key: String(item.seq), cells: [
                .integer(item.seq),
                .text(context.time.display(item.ts)),
                .text(item.user),
                .text(mark, item.kind == .do ? (mark.isEmpty ? .plain : .badge) : .muted),
                .text(item.label),
            ], search: [item.label, item.user, mark, item.cmd, item.organisations(in: data).map(\.rawValue).sorted().joined(separator: " ")]
                .joined(separator: " "))
        }
        let empty = org.map { "No recorded edits about \($0) in the journal." } ?? "The journal is empty: nothing has been recorded in this store yet."
        return Table(columns: [
            Column(["#"], alignment: .right, minWidth: 1, maxWidth: 6, dropOrder: 2),
            Column([context.history.last.map { "When (\(context.time.heading(at: $0.ts)))" } ?? "When", "When"], minWidth: 17, maxWidth: 17),
            Column(["Who"], minWidth: 4, maxWidth: 16, dropOrder: 3),
            Column(["Undone/redone", "Mark"], minWidth: 6, maxWidth: 10),
            Column(["What"], minWidth: 20, maxWidth: 200, flexible: true),
        ], rows: rows, noun: Noun("entry", "entries"), emptyText: empty)
    }

    /// The item a row shows.
    func item(_ row: Row?, _ context: ScreenContext) -> HistoryItem? {
        guard let row, let seq = Int(row.key) else { return nil }
        return context.history.last { $0.seq == seq }
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        Selection(org: org ?? item(row, context)?.organisations(in: context.landscape.dataset).sorted().first)
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
        guard list.maxY < body.maxY, let item = item(level.selectedRow, context) else { return }
        let status = HistoryStatus(context.history)
        grid.write("#\(item.seq) · \(context.time.named(item.ts)) · \(item.user): \(status.describe(item))", x: x, y: list.maxY + 1, maxWidth: width)
    }
}
