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
    static let comfortableNameWidth = 30

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

        /// The name column is worth more than any droppable column: it keeps a comfortable width
        /// (its content up to 30 columns) before they are kept.
        func comfortable(_ set: [Int]) -> Int {
            let widths = set.map { i -> Int in
                guard columns[i].flexible else { return want(i) }
                return max(columns[i].minWidth, min(want(i), TableLayout.comfortableNameWidth))
            }
            return widths.reduce(0, +) + max(0, set.count - 1)
        }

        while comfortable(visible) > available,
              let victim = visible.filter({ columns[$0].dropOrder > 0 }).max(by: { columns[$0].dropOrder < columns[$1].dropOrder }) {
            visible.removeAll { $0 == victim }
            dropped.append(victim)
        }

        // Spare room goes, in turn: to the name up to a comfortable width; to fixed columns so their
        // full titles show (most important first, only when the whole title fits); to the name.
        var widths = Dictionary(uniqueKeysWithValues: visible.map { ($0, columns[$0].flexible ? columns[$0].minWidth : want($0)) })
        var spare = available - total(visible, flexAtMinimum: true)
        let flex = visible.first { columns[$0].flexible }
        func growFlex(to target: Int) {
            guard let flex, spare > 0 else { return }
            let grow = min(spare, max(0, target - widths[flex]!))
            widths[flex]! += grow
            spare -= grow
        }
        if let flex { growFlex(to: min(want(flex), TableLayout.comfortableNameWidth)) }
        for i in visible.filter({ !columns[$0].flexible }).sorted(by: { columns[$0].dropOrder < columns[$1].dropOrder }) {
            let preferred = min(columns[i].maxWidth, DisplayWidth.of(columns[i].title))
            let grow = preferred - widths[i]!
            if grow > 0, grow <= spare { widths[i]! += grow; spare -= grow }
        }
        if let flex { growFlex(to: want(flex)); growFlex(to: Int.max) }

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
