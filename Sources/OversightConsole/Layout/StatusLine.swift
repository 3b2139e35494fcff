import OversightDomain

/// The line above the hint bar: where you are in the list, filter and sort state; or the message
/// of the moment; or the filter being typed; or the question being asked. On the right, always,
/// the store's state: `editable`, `saved 14:02`, or why it is read-only. A message or question too
/// long for the line continues on the lines above it, so nothing is cut off.
enum StatusLine {
    static func draw(_ state: AppState, in rect: Rect, grid: inout Grid) {
        grid.fill(rect, role: .status)
        let level = state.top
        switch state.mode {
        case .filtering(let text):
            let prompt = "Filter: "
            var x = rect.x + grid.write(prompt, x: rect.x, y: rect.y, role: .status)
            let room = rect.width - DisplayWidth.of(prompt) - 22
            let shown = tail(text, width: max(1, room))
            x += grid.write(shown, x: x, y: rect.y, maxWidth: max(1, room), role: .status)
            grid.cursor = Position(x: min(x, rect.maxX - 1), y: rect.y)
            drawRight(filterBadge(level), rect, role: .badge, &grid)
            return
        case .goTo(let goTo):
            let prompt = "Go to: "
            var x = rect.x + grid.write(prompt, x: rect.x, y: rect.y, role: .status)
            let room = max(1, rect.width - DisplayWidth.of(prompt) - 1)
            // The text up to the cursor decides what part shows (its tail when it is long); the cursor sits in it.
            let before = String(goTo.buffer.characters.prefix(goTo.buffer.cursor))
            let shownBefore = tail(before, width: room)
            let after = String(goTo.buffer.characters.dropFirst(goTo.buffer.cursor))
            let start = x
            x += grid.write(shownBefore, x: x, y: rect.y, maxWidth: room, role: .status)
            grid.write(after, x: x, y: rect.y, maxWidth: max(0, room - (x - start)), role: .status)
            grid.cursor = Position(x: min(x, rect.maxX - 1), y: rect.y)
            return
        case .confirmingQuit:
            grid.fill(rect, role: .badge)
            grid.write("Quit oversight? Press y to quit, n to stay.", x: rect.x, y: rect.y, maxWidth: rect.width, role: .badge)
            grid.cursor = Position(x: rect.x, y: rect.y)
            return
        case .confirming(let question):
            let first = drawWrapped(question.text, in: rect, role: .badge, &grid)
            grid.cursor = Position(x: rect.x, y: first)
            return
        case .browsing, .form:
            break
        }

        let right = storeText(state)
        let rightWidth = DisplayWidth.of(right) + 1
        let field = Rect(x: rect.x, y: rect.y, width: rect.width - rightWidth, height: 1)
        if let message = formMessage(state) ?? state.message {
            let role: StyleRole = message.isError ? .error : .status
            if TextWrap.lines(message.text, width: max(1, field.width)).count > 2 {
                // A long message takes the whole width, on up to three lines. The store's state waits, except
                // "read-only", which a second console must say from its first frame (else edits look possible):
                // the message then sits one line higher and the state keeps this line.
                if state.store.readOnly != nil {
                    drawWrapped(message.text, in: Rect(x: rect.x, y: rect.y - 1, width: rect.width, height: 1), role: role, &grid)
                    drawRight(right, rect, role: .badge, &grid)
                    return
                }
                drawWrapped(message.text, in: rect, role: role, &grid)
                return
            }
            drawWrapped(message.text, in: field, role: role, &grid)
        } else {
            var x = rect.x
            let count = level.list.order.count
            let position = count == 0 ? "" : "\(level.list.cursor + 1) of "
            x += grid.write(position + level.table.noun.count(count), x: x, y: rect.y, maxWidth: field.width, role: .status)
            if level.list.isFiltered, x + 2 < field.maxX {
                x += 2
                x += grid.write(filterBadge(level), x: x, y: rect.y, maxWidth: field.maxX - x, role: .badge)
            }
            if let sort = level.list.sort, x + 2 < field.maxX {
                let column = level.table.columns[sort.column].titles.last ?? ""
                let arrow = sort.descending ? grid.glyphs.sortDescending : grid.glyphs.sortAscending
                x += 2
                x += grid.write("sorted by \(column) \(arrow)", x: x, y: rect.y, maxWidth: field.maxX - x, role: .status)
            }
        }
        drawRight(right, rect, role: state.store.readOnly != nil ? .badge : .status, &grid)
    }

    /// In a form: its message, else which field has the cursor (a screen reader hears where it is).
    static func formMessage(_ state: AppState) -> AppState.Message? {
        guard case .form(let form) = state.mode else { return nil }
        if let notice = form.notice { return notice }
        let field = form.focused
        if let error = field.error { return .init("\(field.label): \(error)", isError: true) }
        let editable = form.fields.filter(\.isEditable)
        let position = (editable.firstIndex { $0.id == field.id } ?? 0) + 1
        var text = "\(form.title): \(field.label), field \(position) of \(editable.count)"
        if case .date = field.kind {} else if let limit = field.limit, field.buffer.count > limit / 2 { text += " · \(Form.count(field.buffer.count)) of \(Form.count(limit)) characters" }
        return .init(text)
    }

    static func filterBadge(_ level: Level) -> String {
        "filtered \(level.list.order.count)/\(level.table.rows.count)"
    }

    /// `editable`, `saved 14:02` (on the session's clock, like every time the console shows), or the
    /// read-only reason.
    static func storeText(_ state: AppState) -> String {
        // Following another console: that it is read-only and how fresh it is (the full reason is said on an edit key).
        if state.store.readOnly != nil, let refreshed = state.store.refreshed {
            return "read-only · refreshed " + refreshed.shifted(by: state.time.offset(refreshed)).iso.dropFirst(11).prefix(8)
        }
        if let reason = state.store.readOnly { return reason }
        if let saved = state.store.lastSaved { return "saved " + state.time.display(saved).suffix(5) }
        return "editable"
    }

    static func drawRight(_ text: String, _ rect: Rect, role: StyleRole, _ grid: inout Grid) {
        let w = min(DisplayWidth.of(text), rect.width)
        grid.write(text, x: rect.maxX - w, y: rect.y, maxWidth: w, role: role)
    }

    /// Text on the status line, continued on up to two lines above it when it is longer; returns
    /// the row it starts on.
    @discardableResult
    static func drawWrapped(_ text: String, in rect: Rect, role: StyleRole, _ grid: inout Grid) -> Int {
        var lines = TextWrap.lines(text, width: max(1, rect.width))
        if lines.count > 3 {
            lines = Array(lines.prefix(3))
            lines[2] = DisplayWidth.truncate(lines[2] + " " + grid.glyphs.ellipsis, to: rect.width, ellipsis: grid.glyphs.ellipsis)
        }
        let first = rect.y - (lines.count - 1)
        for (i, line) in lines.enumerated() {
            let row = Rect(x: rect.x, y: first + i, width: i == lines.count - 1 ? rect.width : grid.width - rect.x, height: 1)
            grid.fill(row, role: role)
            grid.write(line, in: row, role: role)
        }
        return first
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
