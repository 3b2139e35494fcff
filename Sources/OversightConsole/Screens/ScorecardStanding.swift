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
        if let standing = landscape.segment(org, framework, period).published {
            let league = landscape.publishedLeague(framework, period)
            let incomplete = PeerGroup.allCases.contains { league?.tables[$0] == nil }
            return publishedParts(standing, landscape.segmentation(framework, period)?.organisation(org), poolsIncomplete: incomplete, glyphs: glyphs)
        }
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

    /// For NHS England's figures: how near a cut-point the published average is and how far it must fall (both
    /// from cut-points worked out from the published averages, which NHS England does not publish), and the
    /// recomputation beside the published segment, as the check on it.
    static func publishedParts(_ standing: PublishedStanding, _ recomputed: SegmentComputation?, poolsIncomplete: Bool,
                               glyphs: Glyphs) -> [Part] {
        var parts: [Part] = []
        let near = NearBoundary(standing.nearBoundaries)
        if let near { parts.append(Part(texts: ["\(glyphs.near) " + near.position], keep: 0)) }
        if let fall = standing.fallToNext, near?.couldImprove != true {
            parts.append(Part(texts: ["to next: fall \(formatDecimal(fall, decimals: 2))"], keep: 2))
        } else if standing.unadjustedSegment == 1 {
            parts.append(Part(texts: ["the best quartile"], keep: 2))
        }
        if let recomputed, let segment = recomputed.adjustedSegment {
            let agrees = segment == standing.segment
                && recomputed.rawScore.map { abs($0.value - (standing.averageScore ?? .nan)) < 0.0105 } == true
            let score = recomputed.rawScore.map { " at " + $0.description } ?? ""
            // Where peer groups NHS England pools with are not published here, the recomputation cannot agree everywhere.
            let why = poolsIncomplete ? "differs: its pools take in trusts not published here" : "differs, c shows why"
            parts.append(Part(texts: ["recomputed \(segment)\(score): " + (agrees ? "agrees" : why),
                                     "recomputed \(segment): " + (agrees ? "agrees" : "differs")], role: agrees ? .muted : .plain, keep: 1))
        }
        parts.append(Part(texts: ["c how it was computed · m what would move it", "c how · m to next", "c · m"], role: .muted, keep: 3))
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
