import OversightDomain

/// The line above the hint bar: where you are in the list, filter and sort state, the store's
/// state; or the message of the moment; or the filter being typed; or the quit question.
enum StatusLine {
    static func draw(_ state: AppState, in rect: Rect, grid: inout Grid) {
        grid.fill(rect, role: .status)
        let level = state.top
        switch state.mode {
        case .filtering:
            let prompt = "Filter: "
            var x = rect.x + grid.write(prompt, x: rect.x, y: rect.y, role: .status)
            let room = rect.width - DisplayWidth.of(prompt) - 22
            let shown = tail(state.input, width: max(1, room))
            x += grid.write(shown, x: x, y: rect.y, maxWidth: max(1, room), role: .status)
            grid.cursor = Position(x: min(x, rect.maxX - 1), y: rect.y)
            drawRight(filterBadge(level), rect, role: .badge, &grid)
            return
        case .goTo:
            let prompt = "Go to: "
            var x = rect.x + grid.write(prompt, x: rect.x, y: rect.y, role: .status)
            let room = rect.width - DisplayWidth.of(prompt) - 1
            x += grid.write(tail(state.input, width: max(1, room)), x: x, y: rect.y, maxWidth: max(1, room), role: .status)
            grid.cursor = Position(x: min(x, rect.maxX - 1), y: rect.y)
            return
        case .confirmingQuit:
            grid.fill(rect, role: .badge)
            grid.write("Quit oversight? Press y to quit, n to stay.", x: rect.x, y: rect.y, maxWidth: rect.width, role: .badge)
            grid.cursor = Position(x: rect.x, y: rect.y)
            return
        case .browsing:
            break
        }

        let right = storeText(state)
        let rightWidth = right.isEmpty ? 0 : DisplayWidth.of(right) + 1
        let leftRoom = rect.width - rightWidth
        if let message = state.message {
            let field = Rect(x: rect.x, y: rect.y, width: leftRoom, height: 1)
            if message.isError { grid.fill(field, role: .error) }
            grid.write(message.text, in: field, role: message.isError ? .error : .status)
        } else {
            var x = rect.x
            let count = level.list.order.count
            let position = count == 0 ? "" : "\(level.list.cursor + 1) of "
            x += grid.write(position + level.table.noun.count(count), x: x, y: rect.y, maxWidth: leftRoom, role: .status)
            if level.list.isFiltered, x + 2 < rect.x + leftRoom {
                x += 2
                x += grid.write(filterBadge(level), x: x, y: rect.y, maxWidth: rect.x + leftRoom - x, role: .badge)
            }
            if let sort = level.list.sort, x + 2 < rect.x + leftRoom {
                let column = level.table.columns[sort.column].titles.last ?? ""
                let arrow = sort.descending ? grid.glyphs.sortDescending : grid.glyphs.sortAscending
                x += 2
                x += grid.write("sorted by \(column) \(arrow)", x: x, y: rect.y, maxWidth: rect.x + leftRoom - x, role: .status)
            }
        }
        if !right.isEmpty { drawRight(right, rect, role: state.store.readOnly != nil ? .badge : .status, &grid) }
    }

    static func filterBadge(_ level: Level) -> String {
        "filtered \(level.list.order.count)/\(level.table.rows.count)"
    }

    static func storeText(_ state: AppState) -> String {
        if let reason = state.store.readOnly { return reason }
        if let saved = state.store.lastSaved { return "saved " + saved.display }
        return ""
    }

    static func drawRight(_ text: String, _ rect: Rect, role: StyleRole, _ grid: inout Grid) {
        let w = min(DisplayWidth.of(text), rect.width)
        grid.write(text, x: rect.maxX - w, y: rect.y, maxWidth: w, role: role)
    }

    /// The end of what is being typed, so the cursor stays in view.
    static func tail(_ text: String, width: Int) -> String {
        var result = ""
        var used = 0
        for character in text.reversed() {
            let w = DisplayWidth.of(character)
            if used + w > width { break }
            used += w
            result.insert(character, at: result.startIndex)
        }
        return result
    }
}
