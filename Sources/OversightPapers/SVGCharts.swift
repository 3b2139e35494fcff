import OversightDomain

/// The charts of a paper as inline SVG: black lines and text, grey bands, dashes for standards, every point
/// labelled with its figure, so a chart reads in black and white and without colour vision. Each has a
/// `title` and `desc` for screen readers, and the figure beside it in the Markdown form.
enum SVGCharts {
    static func figure(_ chart: Chart) -> Markup {
        let (caption, svg) = draw(chart)
        return .el("figure", [], [.el("figcaption", text: caption), svg])
    }

    static func draw(_ chart: Chart) -> (String, Markup) {
        switch chart {
        case .segmentTimeline(let title, let points, let segments): return (title, timeline(title, points, segments))
        case .metricTrend(let trend): return (trend.title, metricTrend(trend))
        case .leaguePosition(let title, let rank, let of, let segment): return (title, league(title, rank: rank, of: of, segment: segment))
        }
    }

    static func n(_ value: Double) -> String { formatDecimal(value, decimals: 1) }

    static func svg(_ width: Int, _ height: Int, title: String, desc: String, _ children: [Markup]) -> Markup {
        .el("svg", [("xmlns", "http://www.w3.org/2000/svg"), ("viewBox", "0 0 \(width) \(height)"), ("width", "\(width)"), ("height", "\(height)"),
                    ("role", "img"), ("font-family", "Arial, Helvetica, sans-serif"), ("font-size", "12")],
            [.el("title", text: title), .el("desc", text: desc)] + children)
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, dash: String? = nil, width: Double = 1, grey: Bool = false) -> Markup {
        var attributes = [("x1", n(x1)), ("y1", n(y1)), ("x2", n(x2)), ("y2", n(y2)), ("stroke", grey ? "#999999" : "#000000"), ("stroke-width", n(width))]
        if let dash { attributes.append(("stroke-dasharray", dash)) }
        return .el("line", attributes)
    }

    static func text(_ x: Double, _ y: Double, _ value: String, anchor: String = "middle", bold: Bool = false) -> Markup {
        var attributes = [("x", n(x)), ("y", n(y)), ("text-anchor", anchor), ("fill", "#000000")]
        if bold { attributes.append(("font-weight", "bold")) }
        return .el("text", attributes, text: value)
    }

    static func xs(_ count: Int, left: Double, right: Double) -> [Double] {
        guard count > 1 else { return [(left + right) / 2] }
        return (0..<count).map { left + (right - left) * Double($0) / Double(count - 1) }
    }

    /// Segments down the side (1 at the top: best), quarters along the bottom, the published segment as a labelled point.
    static func timeline(_ title: String, _ points: [SegmentPoint], _ segments: ClosedRange<Int>) -> Markup {
        let (width, height) = (max(320, 110 * points.count + 120), 60 + 34 * segments.count)
        let (left, right, top) = (100.0, Double(width) - 40, 20.0)
        func y(_ s: Int) -> Double { top + Double(s - segments.lowerBound) * 34 }
        var children: [Markup] = []
        for s in segments {
            children.append(line(left - 10, y(s), right + 20, y(s), dash: "2 4", grey: true))
            children.append(text(left - 16, y(s) + 4, "Segment \(s)", anchor: "end"))
        }
        let x = xs(points.count, left: left + 20, right: right)
        let bottom = y(segments.upperBound) + 30
        var path: [(Double, Double)] = []
        for (i, point) in points.enumerated() {
            children.append(text(x[i], bottom, point.label))
            if let s = point.segment {
                path.append((x[i], y(s)))
            } else {
                children.append(text(x[i], bottom - 14, "not published"))
            }
        }
        if path.count > 1 {
            children.append(.el("polyline", [("points", path.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")), ("fill", "none"),
                                             ("stroke", "#000000"), ("stroke-width", "2")]))
        }
        for (i, point) in points.enumerated() {
            guard let s = point.segment else { continue }
            children.append(.el("circle", [("cx", n(x[i])), ("cy", n(y(s))), ("r", "9"), ("fill", "#ffffff"), ("stroke", "#000000"), ("stroke-width", "2")]))
            children.append(text(x[i], y(s) + 4, "\(s)", bold: true))
        }
        let desc = points.map { "\($0.label): " + ($0.segment.map { "segment \($0)" } ?? "not published") }.joined(separator: "; ")
        return svg(width, height, title: title, desc: desc, children)
    }

    /// The value by quarter (black points, labelled), the peer group's interquartile range (grey band) and
    /// median (short black bar), and the standard (dashed line, labelled).
    static func metricTrend(_ trend: MetricTrend) -> Markup {
        let width = max(360, 120 * trend.points.count + 160)
        let height = 240
        let (left, right, top, bottom) = (70.0, Double(width) - 110, 20.0, 190.0)
        let all = trend.points.flatMap { [$0.value, $0.lowerQuartile, $0.upperQuartile, $0.median].compactMap { $0 } } + [trend.standard].compactMap { $0 }
        let low = all.min() ?? 0
        let high = all.max() ?? 1
        let span = high - low == 0 ? max(abs(high), 1) : high - low
        let (lo, hi) = (low - span * 0.1, high + span * 0.1)
        func y(_ v: Double) -> Double { bottom - (v - lo) / (hi - lo) * (bottom - top) }
        func fmt(_ v: Double) -> String { formatDecimal(v, decimals: trend.decimals) + trend.suffix }
        var children: [Markup] = [line(left, top, left, bottom), line(left, bottom, right + 20, bottom)]
        for tick in [lo + (hi - lo) * 0.1, (lo + hi) / 2, hi - (hi - lo) * 0.1] {
            children.append(text(left - 6, y(tick) + 4, fmt(tick), anchor: "end"))
            children.append(line(left - 3, y(tick), left, y(tick)))
        }
        let x = xs(trend.points.count, left: left + 40, right: right)
        for (i, p) in trend.points.enumerated() {
            children.append(text(x[i], bottom + 18, p.label))
            if let lq = p.lowerQuartile, let uq = p.upperQuartile {
                let (a, b) = (y(max(lq, uq)), y(min(lq, uq)))
                children.append(.el("rect", [("x", n(x[i] - 16)), ("y", n(a)), ("width", "32"), ("height", n(max(1, b - a))), ("fill", "#d9d9d9"), ("stroke", "#666666")]))
            }
            if let median = p.median { children.append(line(x[i] - 16, y(median), x[i] + 16, y(median), width: 2)) }
        }
        if let standard = trend.standard {
            children.append(line(left, y(standard), right + 20, y(standard), dash: "8 4", width: 1.5))
            children.append(text(right + 24, y(standard) + 4, "standard \(trend.higherIsBetter ? "≥" : "≤")\(fmt(standard))", anchor: "start"))
        }
        let valued = trend.points.enumerated().compactMap { i, p in p.value.map { (x[i], y($0), $0) } }
        if valued.count > 1 {
            children.append(.el("polyline", [("points", valued.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ")), ("fill", "none"), ("stroke", "#000000"), ("stroke-width", "2")]))
        }
        for (px, py, v) in valued {
            children.append(.el("circle", [("cx", n(px)), ("cy", n(py)), ("r", "5"), ("fill", "#000000")]))
            children.append(text(px + 8, py - 8, fmt(v), anchor: "start", bold: true))
        }
        for (i, p) in trend.points.enumerated() where p.value == nil { children.append(text(x[i], bottom - 6, "no value")) }
        children.append(text(left, Double(height) - 8, "● value   ▭ peer interquartile range, bar: median" + (trend.standard == nil ? "" : "   - - standard"), anchor: "start"))
        let desc = trend.points.map { p in
            "\(p.label): " + (p.value.map(fmt) ?? "no value") + (p.median.map { ", median \(fmt($0))" } ?? "")
                + ((p.lowerQuartile != nil && p.upperQuartile != nil) ? ", quartiles \(fmt(p.lowerQuartile!))–\(fmt(p.upperQuartile!))" : "")
        }.joined(separator: "; ") + (trend.standard.map { "; standard \(fmt($0))" } ?? "")
        return svg(width, height, title: trend.title, desc: desc, children)
    }

    /// Rank 1 (best) at the left to N at the right, the trust's place marked and labelled.
    static func league(_ title: String, rank: Int, of: Int, segment: Int) -> Markup {
        let (width, height) = (560, 80)
        let (left, right) = (30.0, 530.0)
        let x = of > 1 ? left + (right - left) * Double(rank - 1) / Double(of - 1) : (left + right) / 2
        let children: [Markup] = [
            .el("rect", [("x", n(left)), ("y", "30"), ("width", n(right - left)), ("height", "12"), ("fill", "#d9d9d9"), ("stroke", "#000000")]),
            text(left, 62, "1 (best)", anchor: "start"),
            text(right, 62, "\(of)", anchor: "end"),
            .el("polygon", [("points", "\(n(x)),44 \(n(x - 7)),24 \(n(x + 7)),24"), ("fill", "#000000")]),
            text(x, 18, "rank \(rank) of \(of), segment \(segment)", bold: true),
        ]
        return svg(width, height, title: title, desc: "Rank \(rank) of \(of), segment \(segment)", children)
    }
}
