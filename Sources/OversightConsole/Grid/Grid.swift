/// The screen as values: what every view draws into and every backend paints. Writing text is
/// the only way in, and it cleans the text, measures it by display width and never splits a
/// wide character, so no view can put a control character or a half character on the terminal.
public struct Grid: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]
    /// Where the hardware cursor goes after painting: the selected row (screen readers follow it).
    public var cursor: Position?
    public let glyphs: Glyphs
    public let ascii: Bool

    public init(width: Int, height: Int, glyphs: Glyphs = .unicode) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.glyphs = glyphs
        self.ascii = glyphs == .ascii
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Fills a rectangle with blanks of a role (a bar's background, a selected row).
    public mutating func fill(_ rect: Rect, role: StyleRole) {
        let clipped = clip(rect)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { set(x, y, Cell(" ", role: role)) }
        }
    }

    /// Marks cells as the selected row, keeping what each means (a segment chip stays a chip).
    public mutating func select(_ rect: Rect) {
        let clipped = clip(rect)
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { cells[y * width + x].selected = true }
        }
    }

    /// Writes text at (x, y), cut to `maxWidth` columns (and to the grid) with an ellipsis.
    /// Returns the number of columns written.
    @discardableResult
    public mutating func write(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, role: StyleRole = .plain,
                               ellipsis: Bool = true) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(maxWidth ?? (width - x), width - x)
        guard limit > 0 else { return 0 }
        let clean = CellText.clean(text, ascii: ascii)
        let shown = ellipsis ? DisplayWidth.truncate(clean, to: limit, ellipsis: glyphs.ellipsis)
                             : DisplayWidth.fit(clean, to: limit)
        var column = x
        for character in shown {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A lone combining mark (after a cut, or leading): attach to nothing; show nothing.
                continue
            }
            if column < 0 { column += w; continue }
            set(column, y, Cell(String(character), width: UInt8(w), role: role))
            if w == 2 { set(column + 1, y, .continuation(role)) }
            column += w
        }
        return column - x
    }

    /// Writes text in a field of exactly `width` columns, left or right aligned.
    public mutating func write(_ text: String, in rect: Rect, role: StyleRole = .plain, alignRight: Bool = false) {
        guard rect.height > 0, rect.width > 0 else { return }
        let clean = CellText.clean(text, ascii: ascii)
        let cut = DisplayWidth.truncate(clean, to: rect.width, ellipsis: glyphs.ellipsis)
        let used = DisplayWidth.of(cut)
        let x = alignRight ? rect.maxX - used : rect.x
        write(cut, x: x, y: rect.y, maxWidth: used, role: role)
    }

    /// Sets one cell, repairing any wide character it cuts in half.
    mutating func set(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width, y >= 0, y < height else { return }
        let index = y * width + x
        if cells[index].isContinuation, x > 0 {
            cells[index - 1] = Cell(" ", role: cells[index - 1].role)
        }
        if cells[index].width == 2, x + 1 < width, cell.width != 2 {
            cells[index + 1] = Cell(" ", role: cells[index + 1].role)
        }
        if cell.width == 2 && x + 1 >= width {
            cells[index] = Cell(" ", role: cell.role) // a wide character never straddles the right edge
            return
        }
        cells[index] = cell
    }

    func clip(_ rect: Rect) -> Rect {
        let x0 = max(0, rect.x)
        let y0 = max(0, rect.y)
        let x1 = min(width, rect.maxX)
        let y1 = min(height, rect.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// One row as text (continuation cells skipped), trailing blanks kept.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<width {
            let cell = self[x, y]
            if !cell.isContinuation { text += cell.text }
        }
        return text
    }

    /// The whole screen as text, one line per row, trailing blanks removed.
    public var text: String {
        (0..<height).map { String(line($0).droppingTrailingSpaces) }.joined(separator: "\n")
    }
}

extension String {
    var droppingTrailingSpaces: Substring {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return self[startIndex..<end]
    }
}
