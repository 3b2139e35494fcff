import OversightPapers

/// A board paper read on screen: one selectable row per line of it (a heading, a paragraph, a fact, a bullet,
/// a table's row), each wrapped to the width when drawn. The console shows the same paper the export writes,
/// so what the secretary reads before approving is what the board pack will hold.
enum PaperLines {
    static func rows(_ paper: Paper) -> [Row] {
        var rows: [Row] = []
        func add(_ text: String, _ role: StyleRole = .plain) {
            rows.append(Row(key: String(rows.count), cells: [.text(text, role)], search: text))
        }
        add(paper.title.uppercased(), .title)
        for block in paper.blocks {
            switch block {
            case .heading(let text, _):
                add("")
                add(text, .title)
            case .paragraph(let text):
                add(text)
            case .facts(let facts):
                for fact in facts { add("\(fact.label): \(fact.value)") }
            case .bullets(let items):
                for item in items { add("• " + item) }
            case .table(let table):
                add(table.caption, .muted)
                if table.rows.isEmpty { add(table.emptyText, .muted) }
                for row in table.rows {
                    // Each row as "Column value · …", leaving out empty cells: a paper's tables are wider than a terminal.
                    add("• " + zip(table.columns, row).filter { !$0.1.shown.isEmpty }.map { "\($0.0) \($0.1.shown)" }.joined(separator: " · "))
                }
            case .chart:
                add("(A chart here in the HTML paper: w writes it.)", .muted)
            case .pageBreak:
                break
            }
        }
        return rows
    }

    static func table(_ paper: Paper) -> Table {
        Table(columns: [Column([paper.title], minWidth: 10, maxWidth: 10_000, flexible: true)], rows: rows(paper), noun: Noun("line", "lines"),
              emptyText: "")
    }

    /// Draws from the list's top line down, each row wrapped; the selected row is marked and always on screen.
    static func draw(_ table: Table, _ list: ListState, in rect: Rect, grid: inout Grid) {
        guard rect.height > 0, rect.width > TableLayout.markerWidth else { return }
        let x = rect.x + TableLayout.markerWidth
        let width = rect.width - TableLayout.markerWidth
        func wrapped(_ position: Int) -> [String] {
            guard case .text(let text, _) = table.rows[list.order[position]].cells.first else { return [""] }
            return TextWrap.lines(text, width: width)
        }
        var list = list
        list.scrollIntoView(rows: rect.height)
        // A wrapped row takes several lines: start further down until the selected row fits.
        var top = list.top
        while top < list.cursor, (top...list.cursor).reduce(0, { $0 + wrapped($1).count }) > rect.height { top += 1 }
        var y = rect.y
        var position = top
        while y < rect.maxY, position < list.order.count {
            let row = table.rows[list.order[position]]
            var role = StyleRole.plain
            if case .text(_, let given) = row.cells.first { role = given }
            let lines = wrapped(position)
            if position == list.cursor {
                grid.write(grid.glyphs.marker, x: rect.x, y: y, maxWidth: 1)
                grid.select(Rect(x: rect.x, y: y, width: rect.width, height: min(lines.count, rect.maxY - y)))
                grid.cursor = Position(x: rect.x, y: y)
            }
            for line in lines where y < rect.maxY {
                grid.write(line, x: x, y: y, maxWidth: width, role: role)
                y += 1
            }
            position += 1
        }
    }
}
