import OversightDomain

extension ScreenKind {
    public static let notes = ScreenKind("notes", title: "Notes", offers: [.open, .addNote, .editItem, .deleteNote])
}

/// The notes on an organisation or a footprint, newest first; the selected note in full below.
/// `n` adds one, `E` changes the selected one, Delete (or `D`) deletes it after asking.
/// Degrade order: the Changed column, then Author; then the full text below shortens.
public struct NotesScreen: Screen {
    public var subject: Subject

    public init(subject: Subject) {
        self.subject = subject
    }

    public var kind: ScreenKind { .notes }

    public func crumb(_ context: ScreenContext) -> String { "Notes" }

    func notes(_ landscape: Landscape) -> [Note] {
        if case .organisation(let code) = subject { return landscape.notes(of: code) }
        return landscape.dataset.notes.filter { $0.subject == subject }.sorted { ($0.created, $0.id) > ($1.created, $1.id) }
    }

    public func table(_ context: ScreenContext) -> Table {
        let rows = notes(context.landscape).map { note in
            Row(key: note.id.rawValue, cells: [
                .date(note.created.date),
                .text(note.author),
                .tagged(note.text.split(separator: "\n").joined(separator: " / "), tag: note.provenance.tag),
                .text(note.edited.map { $0.date.display } ?? "", .muted),
            ], search: [note.author, note.text].joined(separator: " "))
        }
        return Table(columns: [
            Column(["Written", "Date"], minWidth: 8, maxWidth: 11),
            Column(["Author", "By"], minWidth: 6, maxWidth: 20, dropOrder: 2),
            Column(["Note"], minWidth: 20, maxWidth: 200, flexible: true),
            Column(["Changed"], minWidth: 8, maxWidth: 11, dropOrder: 3),
        ], rows: rows, noun: Noun("note", "notes"), emptyText: "No notes yet. Press n to add one.")
    }

    public func selection(_ row: Row?, _ context: ScreenContext) -> Selection {
        var selection = Selection(subject: subject, note: row.map { NoteID($0.key) })
        if case .organisation(let code) = subject { selection.org = code }
        return selection
    }

    public func place(of target: FocusTarget, _ context: ScreenContext) -> FocusPlace? {
        guard case .note(let id) = target.key else { return nil }
        let about = FocusTarget.about(subject)
        guard target.org == about.0 && target.footprint == about.1 else { return nil }
        return context.landscape.dataset.note(id) == nil ? .panel : .row(id.rawValue)
    }

    /// The list, and four lines under it for the selected note in full.
    public func listArea(in body: Rect, _ context: ScreenContext) -> Rect {
        let below = body.height >= 14 ? 5 : (body.height >= 10 ? 3 : 0)
        return body.splitTop(1).rest.splitBottom(below).rest
    }

    public func draw(_ context: ScreenContext, _ level: Level, into grid: inout Grid, body: Rect) {
        let x = body.x + TableLayout.markerWidth
        let width = body.width - TableLayout.markerWidth
        grid.write("Notes on " + Labels.subject(subject, context.landscape), x: x, y: body.y, maxWidth: width, role: .title)
        let list = listArea(in: body, context)
        TableRenderer.draw(level.table, level.list, in: list, grid: &grid)
        guard list.maxY < body.maxY, let row = level.selectedRow, let note = context.landscape.dataset.note(NoteID(row.key)) else { return }
        var heading = "\(note.created.display), \(note.author)"
        if let edited = note.edited { heading += " · changed \(edited.display)" }
        grid.write(heading, x: x, y: list.maxY, maxWidth: width, role: .muted)
        let lines = note.text.split(separator: "\n", omittingEmptySubsequences: false).flatMap { TextWrap.lines(String($0), width: width) }
        for (i, line) in lines.prefix(body.maxY - list.maxY - 1).enumerated() {
            grid.write(line, x: x, y: list.maxY + 1 + i, maxWidth: width)
        }
    }
}
