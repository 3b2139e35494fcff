/// Writes one line of a panel left to right: an optional label in a fixed column (so that the
/// steps of a computation line up under each other), text in any role, and segment chips, each
/// cut at the line's end with an ellipsis.
struct LineWriter {
    private(set) var x: Int
    let y: Int
    let maxX: Int

    init(_ rect: Rect) {
        x = rect.x
        y = rect.y
        maxX = rect.maxX
    }

    var room: Int { max(0, maxX - x) }

    /// "Mean      ": the label in the title role, padded to `width` columns.
    mutating func label(_ text: String, width: Int, grid: inout Grid) {
        let start = x
        x += grid.write(text, x: x, y: y, maxWidth: min(room, width), role: .title)
        x = min(maxX, max(x + 1, start + width))
    }

    mutating func text(_ text: String, role: StyleRole = .plain, grid: inout Grid) {
        guard room > 0, !text.isEmpty else { return }
        x += grid.write(text, x: x, y: y, maxWidth: room, role: role)
    }

    /// ` 3 ` on the segment's colour (the number is always there; colour only adds), or a dash.
    mutating func chip(_ segment: Int?, grid: inout Grid) {
        guard room >= 3 else { return }
        if let segment {
            x += grid.write(" \(segment) ", x: x, y: y, maxWidth: room, role: .segment(segment))
        } else {
            x += grid.write(grid.glyphs.dash, x: x, y: y, maxWidth: room, role: .muted)
        }
    }
}
