/// Draws one typed value into its field: numbers right-aligned, segments and RAG as labelled
/// chips (the number or letter is always there, colour only adds), bars made of segment digits.
enum CellRenderer {
    static func draw(_ value: CellValue, in rect: Rect, alignment: Column.Alignment, grid: inout Grid) {
        guard rect.width > 0, rect.height > 0 else { return }
        let g = grid.glyphs
        switch value {
        case .text(let text, let role):
            place(text, rect, alignment, role, &grid)
        case .tagged(let text, let tag):
            let tagWidth = DisplayWidth.of(tag)
            if tag.isEmpty || rect.width < tagWidth + 3 {
                place(text, rect, alignment, .plain, &grid)
            } else {
                let used = grid.write(text, x: rect.x, y: rect.y, maxWidth: rect.width - tagWidth - 1)
                grid.write(tag, x: rect.x + used + 1, y: rect.y, maxWidth: tagWidth, role: .muted)
            }
        case .unverified(let text):
            let used = grid.write(text, x: rect.x, y: rect.y, maxWidth: rect.width - 1)
            grid.write(g.unverified, x: rect.x + used, y: rect.y, maxWidth: 1, role: .muted)
        case .integer(let n):
            place(String(n), rect, .right, .plain, &grid)
        case .decimal(let number, let text):
            place(text, rect, .right, number == nil ? .muted : .plain, &grid)
        case .segment(let number, let near):
            drawSegment(number, near: near, rect, &grid)
        case .mix(let mix):
            drawMix(mix, rect, &grid)
        case .rag(let rag):
            if let rag {
                let text = rect.width >= 7 ? " \(rag.word) " : " \(rag.rawValue) "
                grid.write(text, x: rect.x, y: rect.y, maxWidth: rect.width, role: rag.role)
            } else {
                grid.write(g.dash, x: rect.x + min(1, rect.width - 1), y: rect.y, role: .muted)
            }
        case .sparkline(let values):
            grid.write(sparkline(values, glyphs: g), x: rect.x, y: rect.y, maxWidth: rect.width, role: .chart, ellipsis: false)
        case .trend(let segments):
            drawTrend(segments, rect, &grid)
        case .date(let date):
            place(date?.display ?? g.dash, rect, alignment, date == nil ? .muted : .plain, &grid)
        case .span(let from, let to, let axis, let open):
            let length = max(1, axis.upperBound - axis.lowerBound)
            func column(_ day: Int) -> Int { min(rect.width - 1, max(0, (day - axis.lowerBound) * (rect.width - 1) / length)) }
            let start = column(from)
            let end = column(to ?? axis.upperBound)
            grid.write(String(repeating: g.spanFill, count: end - start + 1), x: rect.x + start, y: rect.y,
                       maxWidth: end - start + 1, role: open ? .chart : .muted, ellipsis: false)
        case .empty:
            break
        }
    }

    static func place(_ text: String, _ rect: Rect, _ alignment: Column.Alignment, _ role: StyleRole, _ grid: inout Grid) {
        switch alignment {
        case .left: grid.write(text, in: rect, role: role)
        case .right: grid.write(text, in: rect, role: role, alignRight: true)
        case .centre:
            let w = min(DisplayWidth.of(text), rect.width)
            grid.write(text, x: rect.x + (rect.width - w) / 2, y: rect.y, maxWidth: rect.width, role: role)
        }
    }

    /// ` 3 ` on the segment's colour, `≈` after it when near a boundary; `–` when there is none.
    static func drawSegment(_ number: Int?, near: Bool, _ rect: Rect, _ grid: inout Grid) {
        guard let number else {
            grid.write(grid.glyphs.dash, x: rect.x + min(1, rect.width - 1), y: rect.y, role: .muted)
            return
        }
        let chip = rect.width >= 3 ? " \(number) " : "\(number)"
        let used = grid.write(chip, x: rect.x, y: rect.y, maxWidth: rect.width, role: .segment(number))
        if near { grid.write(grid.glyphs.near, x: rect.x + used, y: rect.y, maxWidth: rect.width - used, role: .plain) }
    }

    /// A bar as wide as the field, each part filled with its segment's digit.
    /// The bar is drawn to the scale of the members counted: the segmented share of the width in the
    /// segments' colours, the rest dotted for members with no segment, then "9/37", how many of them
    /// are segmented, where there is room (so 3 segmented trusts never look like 30).
    static func drawMix(_ mix: SegmentMix, _ rect: Rect, _ grid: inout Grid, count: Bool = true) {
        guard mix.segmented > 0 else {
            grid.write("no segments", in: rect, role: .muted)
            return
        }
        let tally = "\(mix.segmented)/\(mix.total)"
        let withTally = count && rect.width >= DisplayWidth.of(tally) + 6
        let barWidth = withTally ? rect.width - DisplayWidth.of(tally) - 1 : rect.width
        let filled = mix.unsegmented == 0 ? barWidth
            : max(1, min(barWidth - 1, Int((Double(mix.segmented) * Double(barWidth) / Double(mix.total)).rounded())))
        var x = rect.x
        for (index, columns) in mix.columns(filled).enumerated() where columns > 0 {
            grid.write(String(repeating: String(index + 1), count: columns), x: x, y: rect.y, maxWidth: columns,
                       role: .segment(index + 1), ellipsis: false)
            x += columns
        }
        if filled < barWidth {
            grid.write(String(repeating: grid.glyphs.stripDot, count: barWidth - filled), x: x, y: rect.y, maxWidth: barWidth - filled,
                       role: .muted, ellipsis: false)
        }
        if withTally { grid.write(tally, x: rect.x + barWidth + 1, y: rect.y, maxWidth: rect.maxX - rect.x - barWidth - 1, role: .muted) }
    }

    /// `4 3 3 2 ▲`: the last quarters' segments, then whether the latest is better or worse.
    static func drawTrend(_ segments: [Int?], _ rect: Rect, _ grid: inout Grid) {
        let g = grid.glyphs
        var x = rect.x
        let arrowRoom = 2
        let fit = max(0, min(segments.count, (rect.width - arrowRoom + 1) / 2))
        for segment in segments.suffix(fit) {
            if let segment {
                grid.write(String(segment), x: x, y: rect.y, maxWidth: 1, role: .segment(segment))
            } else {
                grid.write(g.dash, x: x, y: rect.y, maxWidth: 1, role: .muted)
            }
            x += 2
        }
        let known = segments.compactMap { $0 }
        if known.count >= 2, x < rect.maxX {
            let (before, now) = (known[known.count - 2], known[known.count - 1])
            let glyph = now < before ? g.better : (now > before ? g.worse : g.same)
            grid.write(glyph, x: x, y: rect.y, maxWidth: rect.maxX - x)
        }
    }

    /// Eight steps between the smallest and largest value; gaps for missing values.
    static func sparkline(_ values: [Double?], glyphs: Glyphs) -> String {
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return String(repeating: " ", count: values.count) }
        let steps = glyphs.sparks.count
        return values.map { value -> String in
            guard let value else { return " " }
            if high == low { return glyphs.sparks[steps / 2] }
            let level = Int(((value - low) / (high - low) * Double(steps - 1)).rounded())
            return glyphs.sparks[min(steps - 1, max(0, level))]
        }.joined()
    }
}
