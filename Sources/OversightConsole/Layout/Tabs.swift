/// A row of tabs with the current one in brackets as well as highlighted (`[Acute 134]  Non-acute 98`),
/// so that which one is shown never rests on colour or reverse video alone.
enum Tabs {
    /// Draws the tabs from `rect.x`; returns the columns used.
    @discardableResult
    static func draw(_ labels: [String], current: Int, in rect: Rect, grid: inout Grid) -> Int {
        var x = rect.x
        for (i, label) in labels.enumerated() {
            guard x < rect.maxX else { break }
            let text = i == current ? "[\(label)]" : " \(label) "
            x += grid.write(text, x: x, y: rect.y, maxWidth: rect.maxX - x, role: i == current ? .currentColumn : .plain) + 1
        }
        return min(rect.width, x - rect.x)
    }
}
