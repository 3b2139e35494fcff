/// A column chart of a value over periods with the standard drawn across it: Unicode blocks in
/// eighths, or whole `#` cells on an ASCII terminal. The scale's ends are labelled on the left.
struct BarChart {
    var values: [Double?]
    var labels: [String]
    var standard: Double?
    var highlight: Int?
    var format: (Double) -> String

    func draw(in rect: Rect, grid: inout Grid) {
        guard rect.height >= 3, rect.width >= 12, !values.isEmpty else { return }
        let known = values.compactMap { $0 }
        guard !known.isEmpty else {
            grid.write("No values to chart.", x: rect.x, y: rect.y, maxWidth: rect.width, role: .muted)
            return
        }
        var low = (known + [standard].compactMap { $0 }).min()!
        var high = (known + [standard].compactMap { $0 }).max()!
        let pad = high > low ? (high - low) * 0.15 : max(1, abs(high) * 0.1)
        high += pad
        low -= pad
        // Bars of figures that cannot be negative start at zero, so their heights compare honestly; the
        // axis is labelled at its foot either way.
        if known.allSatisfy({ $0 >= 0 }), (standard ?? 0) >= 0 { low = 0 }

        let axis = max(DisplayWidth.of(format(high)), DisplayWidth.of(format(low))) + 1
        let plotHeight = rect.height - 1
        let plot = Rect(x: rect.x + axis + 1, y: rect.y, width: rect.width - axis - 1, height: plotHeight)
        let slot = max(1, min(8, plot.width / values.count))
        let barWidth = max(1, slot - (slot > 2 ? 1 : 0))
        let g = grid.glyphs
        let unicode = !grid.ascii

        grid.write(DisplayWidth.pad(format(high), to: axis, ellipsis: g.ellipsis, alignRight: true), x: rect.x, y: plot.y, role: .muted)
        grid.write(DisplayWidth.pad(format(low), to: axis, ellipsis: g.ellipsis, alignRight: true), x: rect.x, y: plot.maxY - 1, role: .muted)
        for y in plot.y..<plot.maxY { grid.write(g.vertical, x: rect.x + axis, y: y, role: .muted) }

        func eighths(_ value: Double) -> Int {
            Int(((value - low) / (high - low) * Double(plotHeight * 8)).rounded())
        }
        for (i, value) in values.enumerated() {
            guard let value else { continue }
            let x = plot.x + i * slot
            guard x + barWidth <= plot.maxX else { break }
            var units = eighths(value)
            if !unicode { units = (units + 4) / 8 * 8 }
            for row in 0..<plotHeight {
                let fill = min(8, max(0, units - row * 8))
                guard fill > 0 else { break }
                let glyph = fill == 8 ? g.block : g.sparks[fill - 1]
                let y = plot.maxY - 1 - row
                grid.write(String(repeating: glyph, count: barWidth), x: x, y: y, maxWidth: barWidth,
                           role: i == highlight ? .currentColumn : .chart, ellipsis: false)
            }
        }
        if let standard {
            let row = min(plotHeight - 1, max(0, Int((Double(eighths(standard)) / 8).rounded(.down))))
            let y = plot.maxY - 1 - row
            for x in plot.x..<plot.maxX where grid[x, y].text == " " {
                grid.write(g.standardLine, x: x, y: y, maxWidth: 1, role: .standard)
            }
            grid.write(DisplayWidth.pad(format(standard), to: axis, ellipsis: g.ellipsis, alignRight: true), x: rect.x, y: y, role: .standard)
        }
        // Period labels under the first, the highlighted and the last bar, where they fit.
        let labelY = rect.maxY - 1
        var taken = plot.x - 1
        for i in Set([0, highlight ?? 0, values.count - 1]).sorted() where i < labels.count {
            let w = DisplayWidth.of(labels[i])
            let x = max(min(plot.x + i * slot, rect.maxX - w), taken + 1)
            guard x + w <= rect.maxX, x > taken else { continue }
            grid.write(labels[i], x: x, y: labelY, role: i == highlight ? .currentColumn : .muted)
            taken = x + w
        }
    }
}
