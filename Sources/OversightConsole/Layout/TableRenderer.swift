/// Draws a table into a rectangle: a heading row (the current column marked, the sort shown by
/// an arrow), then the rows in view, the selected one marked with `▶` and reverse video, and the
/// hardware cursor parked on it.
enum TableRenderer {
    /// Rows of data that fit under the heading.
    static func visibleRows(_ rect: Rect) -> Int { max(0, rect.height - 1) }

    static func draw(_ table: Table, _ list: ListState, in rect: Rect, grid: inout Grid, focused: Bool = true) {
        guard rect.height > 0, rect.width > 0 else { return }
        let layout = TableLayout(table, width: rect.width)
        drawHeading(table, list, layout, rect.row(0), &grid)
        let body = rect.splitTop(1).rest
        guard !table.rows.isEmpty, !list.order.isEmpty else {
            let text = table.rows.isEmpty ? table.emptyText : "No \(table.noun.plural) match the filter “\(list.filter)”."
            grid.write(text, x: rect.x + TableLayout.markerWidth, y: body.y, maxWidth: rect.width - TableLayout.markerWidth, role: .muted)
            if focused { grid.cursor = Position(x: rect.x, y: body.y) }
            return
        }
        var list = list
        list.scrollIntoView(rows: body.height)
        for line in 0..<body.height {
            let position = list.top + line
            guard position < list.order.count else { break }
            let row = table.rows[list.order[position]]
            let y = body.y + line
            for placed in layout.placed where placed.column < row.cells.count {
                let field = Rect(x: rect.x + placed.x, y: y, width: placed.width, height: 1)
                CellRenderer.draw(row.cells[placed.column], in: field, alignment: table.columns[placed.column].alignment, grid: &grid)
            }
            if position == list.cursor {
                grid.write(grid.glyphs.marker, x: rect.x, y: y, maxWidth: 1)
                grid.select(Rect(x: rect.x, y: y, width: rect.width, height: 1))
                if focused { grid.cursor = Position(x: rect.x, y: y) }
            }
        }
    }

    static func drawHeading(_ table: Table, _ list: ListState, _ layout: TableLayout, _ rect: Rect, _ grid: inout Grid) {
        grid.fill(rect, role: .columnHeader)
        for placed in layout.placed {
            let column = table.columns[placed.column]
            var arrow = ""
            if let sort = list.sort, sort.column == placed.column {
                arrow = sort.descending ? grid.glyphs.sortDescending : grid.glyphs.sortAscending
            }
            let room = placed.width - (arrow.isEmpty ? 0 : DisplayWidth.of(arrow) + 1)
            let title = column.titles.first { DisplayWidth.of($0) <= room } ?? column.titles.last ?? ""
            let text = arrow.isEmpty ? title : DisplayWidth.truncate(title, to: max(0, room), ellipsis: grid.glyphs.ellipsis) + " " + arrow
            let role: StyleRole = placed.column == list.column ? .currentColumn : .columnHeader
            let field = Rect(x: rect.x + placed.x, y: rect.y, width: placed.width, height: 1)
            grid.fill(field, role: role)
            grid.write(text, in: field, role: role, alignRight: column.alignment == .right)
        }
    }
}
