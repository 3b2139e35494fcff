import OversightDomain

/// Where one value sits among its peers on one line: a histogram of the peer values in eighth
/// blocks, and under it this organisation (`◆`) and the standard (`|`) with the better end named.
struct DistributionStrip {
    var values: [Double]
    var own: Double?
    var standard: Double?
    var direction: Direction

    func draw(in rect: Rect, grid: inout Grid) {
        guard rect.height >= 2, rect.width >= 10, !values.isEmpty else { return }
        let g = grid.glyphs
        let hint = direction == .higherIsBetter ? "better \(g.arrow)" : "\(g.backArrow) better"
        let width = rect.width - DisplayWidth.of(hint) - 1
        guard width >= 5 else { return }
        let all = values + [standard].compactMap { $0 }
        let low = all.min()!
        let high = all.max()!
        func column(_ v: Double) -> Int {
            high > low ? min(width - 1, Int((v - low) / (high - low) * Double(width - 1) + 0.5)) : width / 2
        }
        var counts = Array(repeating: 0, count: width)
        for v in values { counts[column(v)] += 1 }
        let most = counts.max() ?? 1
        let strip = counts.map { count -> String in
            guard count > 0 else { return g.stripDot }
            let level = max(1, Int((Double(count) / Double(most) * Double(g.sparks.count)).rounded(.up)))
            return g.sparks[min(g.sparks.count, level) - 1]
        }.joined()
        grid.write(strip, x: rect.x, y: rect.y, maxWidth: width, role: .chart, ellipsis: false)
        grid.write(hint, x: rect.x + width + 1, y: rect.y, role: .muted)
        if let standard { grid.write("|", x: rect.x + column(standard), y: rect.y + 1, maxWidth: 1, role: .standard) }
        if let own {
            let x = rect.x + column(own)
            grid.write(g.stripYou, x: x, y: rect.y + 1, maxWidth: 1, role: .title)
            let label = " this organisation"
            if x + 1 + DisplayWidth.of(label) <= rect.maxX {
                grid.write(label, x: x + 1, y: rect.y + 1, role: .muted)
            } else if x - DisplayWidth.of(label) >= rect.x {
                grid.write(label.dropFirst() + " ", x: x - DisplayWidth.of(label), y: rect.y + 1, role: .muted)
            }
        }
    }
}
