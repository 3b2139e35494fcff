import OversightDomain

/// A trust's hidden performance over time, from which every illustrative value is drawn: a level
/// (standard units, 0 = the national middle, higher is better) in the anchor quarter, a trend per
/// quarter, and shared quarter-to-quarter swings. Time `t` counts quarters from the anchor quarter.
struct LatentPerformance {
    let code: OrgCode
    let level: Double
    let trendPerQuarter: Double
    let trend: KnownPosition.Trend
    let known: KnownPosition?
    /// Swings by quarter, indexed from `firstQuarter`.
    let swings: [Double]
    let firstQuarter: Int
    /// The trust's own financial health, apart from its performance.
    let financeOwn: Double

    func performance(at t: Int) -> Double {
        level + trendPerQuarter * Double(t) + swing(t) - swing(0)
    }

    func swing(_ t: Int) -> Double {
        let i = t - firstQuarter
        return swings.indices.contains(i) ? swings[i] : 0
    }

    /// Levels for every trust: within each peer group, a sorted set of normal draws is dealt out so
    /// that trusts with a known position get the draw at their percentile and the rest get the others at random.
    static func assign(trusts: [TrustRow], known: [OrgCode: KnownPosition], parameters: IllustrationParameters,
                       quarters: ClosedRange<Int>, draws: Draws) -> [OrgCode: LatentPerformance] {
        let anchor = parameters.anchorQuarter
        var levels: [OrgCode: Double] = [:]
        for group in PeerGroup.allCases {
            let members = trusts.filter { $0.type.peerGroup == group && exists($0, at: anchor) }.sorted { $0.code < $1.code }
            var pool = members.indices.map { draws.normal("level", group.rawValue, String($0)) }.sorted(by: >)
            var taken = Array(repeating: false, count: pool.count)
            let placed = members.filter { known[$0.code] != nil }
                .sorted { (known[$0.code]!.percentile, $0.code) < (known[$1.code]!.percentile, $1.code) }
            for trust in placed {
                let wanted = min(pool.count - 1, max(0, Int(known[trust.code]!.percentile * Double(pool.count))))
                let slot = nearestFree(wanted, taken)
                taken[slot] = true
                levels[trust.code] = pool[slot]
            }
            pool = pool.indices.filter { !taken[$0] }.map { pool[$0] }
            var dealer = draws.stream(["deal", group.rawValue])
            dealer.shuffle(&pool)
            for (trust, level) in zip(members.filter { known[$0.code] == nil }, pool) { levels[trust.code] = level }
        }

        let l = parameters.latent
        var result: [OrgCode: LatentPerformance] = [:]
        for trust in trusts {
            let code = trust.code.rawValue
            let level = levels[trust.code] ?? draws.normal("level", code)
            let position = known[trust.code]
            var trend = position?.trend
            if trend == nil {
                let u = draws.uniform("trend", code)
                trend = u < l.improvingShare ? .improving : (u > 1 - l.deterioratingShare ? .deteriorating : .steady)
            }
            let slope: Double = trend == .improving ? l.trendPerQuarter : (trend == .deteriorating ? -l.trendPerQuarter : 0)
            var swings: [Double] = []
            var previous = 0.0
            var stream = draws.stream(["swing", code])
            for _ in quarters {
                previous = l.commonShockPersistence * previous + l.commonShock * stream.normal()
                swings.append(previous)
            }
            result[trust.code] = LatentPerformance(
                code: trust.code, level: level, trendPerQuarter: slope, trend: trend!, known: position,
                swings: swings, firstQuarter: quarters.lowerBound, financeOwn: draws.normal("finance", code))
        }
        return result
    }

    /// The free slot nearest to `wanted`, looking just worse first, then just better.
    static func nearestFree(_ wanted: Int, _ taken: [Bool]) -> Int {
        for distance in 0..<taken.count {
            for slot in [wanted + distance, wanted - distance] where taken.indices.contains(slot) && !taken[slot] {
                return slot
            }
        }
        return wanted
    }

    /// Whether a trust existed on the last day of a quarter.
    static func exists(_ trust: TrustRow, at period: Period) -> Bool {
        let end = period.end.dayNumber
        return (trust.opened.map { $0.dayNumber <= end } ?? true) && (trust.closed.map { $0.dayNumber >= end } ?? true)
    }
}
