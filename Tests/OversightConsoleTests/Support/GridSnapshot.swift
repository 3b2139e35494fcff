import OversightConsole

/// A grid as plain text for snapshot files and `--dump-screen`: the screen, and optionally a
/// style layer of the same shape that shows where bold, reverse and underline fall, so that a
/// monochrome snapshot proves the meaning survives without colour.
enum GridSnapshot {
    static func text(_ grid: Grid) -> String { grid.text }

    /// One letter per cell: ` ` none, `b` bold, `r` reverse, `u` underline, `R` bold+reverse,
    /// `U` bold+underline, `x` reverse+underline, `X` all three.
    static func styleLayer(_ grid: Grid, theme: Theme) -> String {
        var lines: [String] = []
        for y in 0..<grid.height {
            var line = ""
            for x in 0..<grid.width {
                let cell = grid[x, y]
                line.append(letter(theme.style(cell.role, selected: cell.selected)))
            }
            lines.append(String(line.droppingTrailingSpacesForTest))
        }
        return lines.joined(separator: "\n")
    }

    static func letter(_ style: Style) -> Character {
        switch (style.bold, style.reverse, style.underline) {
        case (false, false, false): return " "
        case (true, false, false): return "b"
        case (false, true, false): return "r"
        case (false, false, true): return "u"
        case (true, true, false): return "R"
        case (true, false, true): return "U"
        case (false, true, true): return "x"
        case (true, true, true): return "X"
        }
    }

    /// The snapshot file body: the screen, and for monochrome the style layer after a rule.
    static func file(_ grid: Grid, theme: Theme, withStyles: Bool) -> String {
        var body = "\(grid.width)x\(grid.height)\n" + text(grid) + "\n"
        if withStyles { body += "--- styles (\(theme.name)) ---\n" + styleLayer(grid, theme: theme) + "\n" }
        if let cursor = grid.cursor { body += "--- cursor \(cursor.x),\(cursor.y) ---\n" }
        return body
    }
}
