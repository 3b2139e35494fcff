import OversightDomain

/// A trust's hidden performance over time, from which every illustrative value is drawn: a level
/// (standard units, 0 = the national middle, higher is better) in the anchor quarter, a trend per
/// quarter, and shared quarter-to-quarter swings. Time `t` counts quarters from the anchor quarter.
///
/// Levels are plain draws. The generator used to deal them so that trusts whose league place the press
/// had reported landed near it; now that NHS England's real figures can be imported, a demonstration
/// that imitates particular trusts would only invite confusion with them.
struct LatentPerformance: Sendable {
    enum Trend: Sendable { case improving, steady, deteriorating }

    let code: OrgCode
    let level: Double
    let trendPerQuarter: Double
    let trend: Trend
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

    /// One trust's latent performance over `quarters` (offsets from the anchor quarter).
    static func draw(for code: OrgCode, parameters: DemoParameters.Latent, quarters: ClosedRange<Int>, draws: Draws) -> LatentPerformance {
        let key = code.rawValue
        let u = draws.uniform("trend", key)
        let trend: Trend = u < parameters.improvingShare ? .improving : (u > 1 - parameters.deterioratingShare ? .deteriorating : .steady)
        let slope: Double = trend == .improving ? parameters.trendPerQuarter : (trend == .deteriorating ? -parameters.trendPerQuarter : 0)
        var swings: [Double] = []
        var previous = 0.0
        var stream = draws.stream(["swing", key])
        for _ in quarters {
            previous = parameters.commonShockPersistence * previous + parameters.commonShock * stream.normal()
            swings.append(previous)
        }
        return LatentPerformance(code: code, level: draws.normal("level", key), trendPerQuarter: slope, trend: trend,
                                 swings: swings, firstQuarter: quarters.lowerBound, financeOwn: draws.normal("finance", key))
    }
}

/// Counting quarters.
enum Quarters {
    /// How many quarters `period` is after `anchor` (negative before).
    static func offset(of period: Period, from anchor: Period) -> Int {
        (period.financialYear - anchor.financialYear) * 4 + ((period.quarter ?? 1) - (anchor.quarter ?? 1))
    }
}
