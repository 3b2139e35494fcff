/// A muted sentence, word-wrapped, in place of a list that has nothing to show and a reason that
/// needs more than one line ("SOF 2021/22 decides segments by judgement, so it has no league
/// table; f switches to …"): a table's one-line empty text would cut the way out off.
enum Notice {
    static func draw(_ text: String, in rect: Rect, grid: inout Grid) {
        let x = rect.x + TableLayout.markerWidth
        let width = rect.width - TableLayout.markerWidth
        for (i, line) in TextWrap.lines(text, width: width).prefix(rect.height).enumerated() {
            grid.write(line, x: x, y: rect.y + i, maxWidth: width, role: .muted)
        }
    }
}
