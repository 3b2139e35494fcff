import OversightDomain

/// The scorecard's "Standing" line, for a framework whose method computes segments: the trust's
/// quartile in its peer group, how near a boundary it is or how far its score must fall to reach
/// the next quartile, and the keys that explain it — "quartile 3 ≈ 0.05 above the median · c how it
/// was computed · m what would move it". The fall is the league table's (the engine's estimate);
/// `m` confirms it. What does not fit whole is left out, the fall before the keys, so the line never
/// ends in half a number and the way to the full story always shows.
enum ScorecardStanding {
    struct Part {
        /// Its wordings, longest first: the longest that fits is used.
        var texts: [String]
        var role: StyleRole = .plain
        /// Lower is kept first when the line is short.
        var keep: Int
    }

    static func parts(_ org: OrgCode, _ context: ScreenContext, glyphs: Glyphs) -> [Part] {
        let landscape = context.landscape
        let (framework, period) = (context.viewpoint.framework, context.viewpoint.period)
        guard landscape.computesSegments(framework),
              let c = landscape.segmentation(framework, period)?.organisation(org), let quartile = c.quartile else { return [] }
        var parts: [Part] = []
        let near = NearBoundary(c)
        parts.append(Part(texts: ["quartile \(quartile)" + (near.map { " \(glyphs.near) " + $0.position } ?? "")], keep: 0))
        // Near a boundary on its better side, the gap already says how far the score must fall.
        if let d = c.distance, near?.couldImprove != true {
            parts.append(Part(texts: ["to next: fall \(formatDecimal(d.fall, decimals: 2)) to quartile \(d.toQuartile)",
                                 "to next: fall \(formatDecimal(d.fall, decimals: 2))"], keep: 2))
        } else if quartile == 1 {
            parts.append(Part(texts: ["the best quartile"], keep: 2))
        }
        parts.append(Part(texts: ["c how it was computed · m what would move it", "c how · m to next"], role: .muted, keep: 1))
        return parts
    }

    static func draw(_ org: OrgCode, _ context: ScreenContext, _ rect: Rect, _ grid: inout Grid) {
        let parts = parts(org, context, glyphs: grid.glyphs)
        guard !parts.isEmpty else { return }
        var x = rect.x
        x += grid.write("Standing ", x: x, y: rect.y, role: .title)
        // Choose by what to keep, then draw in reading order.
        var room = rect.maxX - x
        var chosen: [Int: String] = [:]
        for (i, part) in parts.enumerated().sorted(by: { $0.element.keep < $1.element.keep }) {
            let separator = chosen.isEmpty ? 0 : 3
            guard let text = part.texts.first(where: { DisplayWidth.of($0) + separator <= room }) else { continue }
            chosen[i] = text
            room -= DisplayWidth.of(text) + separator
        }
        for (n, i) in parts.indices.filter({ chosen[$0] != nil }).enumerated() {
            if n > 0 { x += grid.write(" · ", x: x, y: rect.y, role: .muted) }
            x += grid.write(chosen[i]!, x: x, y: rect.y, maxWidth: rect.maxX - x, role: parts[i].role)
        }
    }
}
