/// Fits a table's columns to a width: wanted widths from the content, the flexible column takes
/// what is left, and when even minimum widths do not fit, columns are dropped in their
/// `dropOrder` (highest first) — the documented degrade order of each screen.
public struct TableLayout: Equatable, Sendable {
    public struct Placed: Equatable, Sendable {
        public var column: Int
        public var x: Int
        public var width: Int
    }

    /// Columns reserved on the left for the selection marker.
    public static let markerWidth = 2

    public var placed: [Placed]
    public var dropped: [Int]

    public init(_ table: Table, width: Int) {
        let columns = table.columns
        var visible = Array(columns.indices)
        var dropped: [Int] = []
        let available = width - TableLayout.markerWidth

        func want(_ i: Int) -> Int {
            let c = columns[i]
            let header = DisplayWidth.of(c.titles.last ?? "")
            return min(max(max(table.contentWidths[i], header), c.minWidth), c.maxWidth)
        }

        func total(_ set: [Int], flexAtMinimum: Bool) -> Int {
            let widths = set.map { columns[$0].flexible && flexAtMinimum ? columns[$0].minWidth : want($0) }
            return widths.reduce(0, +) + max(0, set.count - 1)
        }

        while total(visible, flexAtMinimum: true) > available,
              let victim = visible.filter({ columns[$0].dropOrder > 0 }).max(by: { columns[$0].dropOrder < columns[$1].dropOrder }) {
            visible.removeAll { $0 == victim }
            dropped.append(victim)
        }

        // Spare room first widens fixed columns to their longest title, then goes to the flexible one.
        var widths = Dictionary(uniqueKeysWithValues: visible.map { ($0, columns[$0].flexible ? columns[$0].minWidth : want($0)) })
        var spare = available - total(visible, flexAtMinimum: true)
        if spare > 0, let flex = visible.first(where: { columns[$0].flexible }) {
            let grow = min(spare, max(0, want(flex) - widths[flex]!))
            widths[flex]! += grow
            spare -= grow
        }
        for i in visible where !columns[i].flexible && spare > 0 {
            let preferred = min(columns[i].maxWidth, max(widths[i]!, DisplayWidth.of(columns[i].title)))
            let grow = min(spare, preferred - widths[i]!)
            if grow > 0 { widths[i]! += grow; spare -= grow }
        }
        if spare > 0, let flex = visible.first(where: { columns[$0].flexible }) {
            widths[flex]! += spare
        }

        var x = TableLayout.markerWidth
        var placed: [Placed] = []
        for i in visible {
            let w = max(0, min(widths[i]!, width - x))
            if w == 0 { dropped.append(i); continue }
            placed.append(Placed(column: i, x: x, width: w))
            x += w + 1
        }
        self.placed = placed
        self.dropped = dropped
    }
}
