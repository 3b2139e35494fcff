import OversightDomain

/// Draws a form over the body: its title and what it records, then each field as a label and
/// its value (long text on several lines, a choice list opened under the field that has the
/// cursor, a date with the day it reads as), the message of a field that cannot be saved right
/// under it, and with F1 the form's keys. When the form is taller than the body, long fields and
/// lists shrink first, then it scrolls to keep the field with the cursor in view. The hardware
/// cursor is put where typing goes.
enum FormView {
    enum Line {
        case title
        case context(String)
        case blank
        case label(field: Int, row: Int)
        /// An entry of an open list; index -1 and -2 stand for "more above" and "more below".
        case choice(field: Int, index: Int)
        /// The chosen entry's meaning under an open list; `first` starts it with a dash.
        case detail(field: Int, text: String, first: Bool)
        /// What saving the chosen entry will do.
        case consequence(field: Int, text: String, first: Bool)
        case problem(field: Int, text: String, first: Bool)
        case key(String)
    }

    struct Sizes {
        var longRows: Int
        var listRows: Int
        /// Context lines wrap onto a second line rather than being cut.
        var wrapsContext: Bool
    }

    static func draw(_ form: Form, in body: Rect, grid: inout Grid) {
        grid.fill(body, role: .plain)
        let x = body.x + TableLayout.markerWidth
        let labelWidth = min(16, (form.fields.map { DisplayWidth.of($0.label) }.max() ?? 8) + 2)
        let valueX = x + labelWidth
        let valueWidth = max(8, body.maxX - valueX - 1)
        var lines: [Line] = []
        let sizes = [Sizes(longRows: 3, listRows: 7, wrapsContext: true), Sizes(longRows: 2, listRows: 5, wrapsContext: true),
                     Sizes(longRows: 1, listRows: 3, wrapsContext: true), Sizes(longRows: 1, listRows: 3, wrapsContext: false)]
        for sizes in sizes {
            lines = layout(form, sizes, width: body.width - TableLayout.markerWidth, valueWidth: valueWidth, glyphs: grid.glyphs)
            if lines.count <= body.height { break }
        }
        // Scroll so the field with the cursor (and its message) is in view.
        let focusLines = lines.indices.filter { index in
            switch lines[index] {
            case .label(let f, _), .choice(let f, _), .detail(let f, _, _), .consequence(let f, _, _), .problem(let f, _, _): return f == form.focus
            default: return false
            }
        }
        var first = 0
        if lines.count > body.height, let last = focusLines.last, let top = focusLines.first {
            first = min(max(0, last - body.height + 1), top)
        }
        var cursor: Position?
        for (row, line) in lines.dropFirst(first).prefix(body.height).enumerated() {
            let y = body.y + row
            switch line {
            case .title:
                let used = grid.write(form.title, x: x, y: y, maxWidth: body.width - TableLayout.markerWidth, role: .title)
                // How to save, on the form itself, and what Enter does in the field with the cursor.
                let keys = "   " + saveKeys(form)
                if used + DisplayWidth.of(keys) <= body.width - TableLayout.markerWidth {
                    grid.write(keys, x: x + used, y: y, role: .muted)
                }
            case .context(let text):
                grid.write(text, x: x, y: y, maxWidth: body.width - TableLayout.markerWidth)
            case .blank:
                break
            case .label(let f, let r):
                let field = form.fields[f]
                let focused = f == form.focus
                if r == 0 {
                    if focused { grid.write(grid.glyphs.marker, x: body.x, y: y, maxWidth: 1, role: .title) }
                    grid.write(field.label, x: x, y: y, maxWidth: labelWidth - 1, role: focused ? .title : .plain)
                }
                if let at = drawValue(field, row: r, focused: focused, x: valueX, y: y, width: valueWidth, sizes: rows(lines, f), &grid) {
                    cursor = at
                }
            case .choice(let f, let index):
                let field = form.fields[f]
                if index < 0 {
                    // Says where the rest are ("..." in ASCII, never the marker of the chosen entry).
                    grid.write(grid.glyphs.ellipsis + (index == -1 ? " more above" : " more below"), x: valueX + 2, y: y, role: .muted)
                    continue
                }
                if index == field.chosen {
                    grid.write(grid.glyphs.marker, x: valueX, y: y, maxWidth: 1)
                    cursor = Position(x: valueX, y: y)
                }
                let used = grid.write(field.choices[index].label, x: valueX + 2, y: y, maxWidth: valueWidth - 2)
                if index == field.chosen, fitsBeside(field, valueWidth: valueWidth) {
                    grid.write(" " + grid.glyphs.dash + " " + field.choices[index].detail, x: valueX + 2 + used, y: y,
                               maxWidth: valueWidth - 2 - used, role: .muted)
                }
                if index == field.chosen { grid.select(Rect(x: valueX, y: y, width: valueWidth, height: 1)) }
            case .detail(_, let text, let firstLine):
                // Indented past the entries and led by a dash, so the meaning cannot be read as one more entry
                // (in monochrome, where muted is not dimmer, too).
                let mark = firstLine ? grid.glyphs.dash + " " : "  "
                let used = grid.write(mark, x: valueX + 4, y: y, role: .muted)
                grid.write(text, x: valueX + 4 + used, y: y, maxWidth: valueWidth - 4 - used, role: .muted)
            case .consequence(_, let text, let firstLine):
                let mark = firstLine ? grid.glyphs.arrow + " " : String(repeating: " ", count: DisplayWidth.of(grid.glyphs.arrow) + 1)
                let used = grid.write(mark, x: valueX, y: y, role: .title)
                grid.write(text, x: valueX + used, y: y, maxWidth: valueWidth - used, role: .title)
            case .problem(_, let text, let firstLine):
                let mark = firstLine ? grid.glyphs.cross + " " : "  "
                let used = grid.write(mark, x: valueX, y: y, role: .error)
                grid.write(text, x: valueX + used, y: y, maxWidth: valueWidth - used, role: .error)
            case .key(let text):
                grid.write(text, x: x, y: y, maxWidth: body.width - TableLayout.markerWidth, role: .muted)
            }
        }
        grid.cursor = cursor ?? Position(x: x, y: body.y)
    }

    /// "F2 or Ctrl-O saves · Enter: new line": the save key, and what Enter does where the cursor is.
    static func saveKeys(_ form: Form) -> String {
        // A form that records nothing says what F2 does instead.
        let verb = switch form.purpose {
        case .writePaper: "writes"
        case .suggestAgenda: "suggests"
        default: "saves"
        }
        if form.focused.isMultiline { return "F2 or Ctrl-O \(verb) · Enter: new line" }
        if form.focus == form.fields.lastIndex(where: \.isEditable) { return "F2 or Enter \(verb)" }
        return "F2 or Ctrl-O \(verb) · Enter: next field"
    }

    /// The chosen entry's meaning fits on its line, after a dash ("▶ active – in force now"): there
    /// it cannot be taken for another entry, nor for the meaning of the entry above it.
    static func fitsBeside(_ field: FormField, valueWidth: Int) -> Bool {
        guard let choice = field.choice, !choice.detail.isEmpty else { return false }
        return 2 + DisplayWidth.of(choice.label) + 3 + DisplayWidth.of(choice.detail) <= valueWidth
    }

    /// How many rows a long field was given (its `.label` lines).
    static func rows(_ lines: [Line], _ field: Int) -> Int {
        lines.filter { if case .label(let f, _) = $0 { return f == field } else { return false } }.count
    }

    static func layout(_ form: Form, _ sizes: Sizes, width: Int, valueWidth: Int, glyphs: Glyphs) -> [Line] {
        var lines: [Line] = [.title]
        for text in form.context {
            let parts = sizes.wrapsContext ? TextWrap.lines(text, width: max(1, width)) : [text]
            if parts.count > 2 { lines += [.context(parts[0]), .context(parts.dropFirst().joined(separator: " "))] } else { lines += parts.map { Line.context($0) } }
        }
        lines.append(.blank)
        for (f, field) in form.fields.enumerated() {
            let focused = f == form.focus
            switch field.kind {
            case .choice(let choices) where focused && !choices.isEmpty:
                let count = min(choices.count, sizes.listRows)
                let start = min(max(0, field.chosen - count / 2), choices.count - count)
                lines.append(.label(field: f, row: 0))
                if start > 0 { lines.append(.choice(field: f, index: -1)) }
                for index in start..<(start + count) { lines.append(.choice(field: f, index: index)) }
                if start + count < choices.count { lines.append(.choice(field: f, index: -2)) }
                if let detail = field.choice?.detail, !detail.isEmpty, !fitsBeside(field, valueWidth: valueWidth) {
                    var parts = TextWrap.lines(detail, width: max(1, valueWidth - 6))
                    if parts.count > 2 { parts = [parts[0], parts[1] + " " + glyphs.ellipsis] }
                    for (i, part) in parts.enumerated() { lines.append(.detail(field: f, text: part, first: i == 0)) }
                }
            case .longText:
                for row in 0..<sizes.longRows { lines.append(.label(field: f, row: row)) }
            default:
                lines.append(.label(field: f, row: 0))
            }
            if let consequence = field.choice?.consequence, !consequence.isEmpty {
                // Shown open or closed, so it is still in view while the rationale is typed.
                var parts = TextWrap.lines(consequence, width: max(1, valueWidth - 1 - DisplayWidth.of(glyphs.arrow)))
                let most = sizes.wrapsContext ? 2 : 1
                if parts.count > most { parts = Array(parts.prefix(most)); parts[most - 1] += " " + glyphs.ellipsis }
                for (i, part) in parts.enumerated() { lines.append(.consequence(field: f, text: part, first: i == 0)) }
            }
            if let error = field.error {
                for (i, part) in TextWrap.lines(error, width: max(1, valueWidth - 2)).prefix(3).enumerated() {
                    lines.append(.problem(field: f, text: part, first: i == 0))
                }
            }
        }
        if form.showsKeys {
            lines.append(.blank)
            for binding in CommandTable.bindings(on: .overview, mode: .form, readOnly: false) {
                let keys = binding.keys.map(\.label).joined(separator: " ")
                lines.append(.key(DisplayWidth.pad(keys, to: 18, ellipsis: glyphs.ellipsis) + binding.help))
            }
        }
        return lines
    }

    /// One row of a field's value; returns where the cursor goes when it is on this row.
    static func drawValue(_ field: FormField, row: Int, focused: Bool, x: Int, y: Int, width: Int, sizes rows: Int,
                          _ grid: inout Grid) -> Position? {
        let role: StyleRole = focused ? .fieldFocused : .field
        switch field.kind {
        case .fixed:
            grid.write(field.text, x: x, y: y, maxWidth: width)
            return nil
        case .choice:
            if focused {
                // The list opens on the lines below.
                grid.write(grid.ascii ? "Up Down to choose, or type its first letter" : "↑ ↓ to choose, or type its first letter", x: x, y: y, maxWidth: width, role: .muted)
                return nil
            }
            guard let choice = field.choice else { return nil }
            let used = grid.write(choice.label, x: x, y: y, maxWidth: width)
            if !choice.detail.isEmpty, used + 4 < width {
                grid.write(" · " + choice.detail, x: x + used, y: y, maxWidth: width - used, role: .muted)
            }
            return nil
        case .date:
            let boxWidth = min(width, 12)
            grid.fill(Rect(x: x, y: y, width: boxWidth, height: 1), role: role)
            let cursor = drawText(field, line: 0, rows: 1, x: x, y: y, width: boxWidth, role: role, focused: focused, &grid)
            let typed = field.text.trimmingWhitespace
            var note = field.hint
            if !typed.isEmpty, let reading = TypedDate.reading(typed) { note = reading }
            if !note.isEmpty, width > boxWidth + 3 {
                grid.write(note, x: x + boxWidth + 2, y: y, maxWidth: width - boxWidth - 2, role: .muted)
            }
            return cursor
        case .text, .longText:
            grid.fill(Rect(x: x, y: y, width: width, height: 1), role: role)
            let cursor = drawText(field, line: row, rows: rows, x: x, y: y, width: width, role: role, focused: focused, &grid)
            if row == 0, field.text.isEmpty, !field.hint.isEmpty {
                // A placeholder: what to type, until something is typed (the cursor sits on its first letter).
                grid.write(field.hint, x: x, y: y, maxWidth: width, role: .muted)
            }
            return cursor
        }
    }

    /// Row `line` of the rows a text field shows (scrolled to the cursor when it has it).
    static func drawText(_ field: FormField, line: Int, rows: Int, x: Int, y: Int, width: Int, role: StyleRole, focused: Bool,
                         _ grid: inout Grid) -> Position? {
        let characters = field.buffer.characters
        let ascii = grid.ascii
        func shown(_ c: Character) -> String { CellText.clean(String(c), ascii: ascii) }
        let wrapped = WrappedText(characters, width: width, multiline: field.isMultiline, widthOf: { DisplayWidth.of(shown($0)) })
        let at = wrapped.position(of: field.buffer.cursor)
        let top = focused ? max(0, at.line - rows + 1) : 0
        let index = top + line
        guard index < wrapped.lines.count else {
            return focused && index == at.line ? Position(x: x, y: y) : nil
        }
        var range = wrapped.lines[index]
        if !field.isMultiline, focused { range = wrapped.scrollStart(cursor: field.buffer.cursor, width: width)..<range.upperBound }
        var column = 0
        var cursorColumn: Int?
        for i in range {
            if i == field.buffer.cursor { cursorColumn = column }
            let text = shown(characters[i])
            let w = DisplayWidth.of(text)
            if column + w > width { break }
            grid.write(text, x: x + column, y: y, maxWidth: w, role: role, ellipsis: false)
            column += w
        }
        let more = line == rows - 1 && index < wrapped.lines.count - 1 && !focused
        if more {
            let dots = grid.glyphs.ellipsis
            let w = min(DisplayWidth.of(dots), width)
            grid.write(dots, x: x + min(column, width - w), y: y, maxWidth: w, role: role, ellipsis: false)
        }
        guard focused, at.line == index else { return nil }
        if field.isMultiline { return Position(x: x + min(at.column, width - 1), y: y) }
        return Position(x: x + min(cursorColumn ?? column, width - 1), y: y)
    }
}
