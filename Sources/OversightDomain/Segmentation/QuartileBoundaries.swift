/// The three boundaries that quartile a peer group's scores. Quantile method: linear interpolation between
/// order statistics at position (n − 1) × k ÷ 4 (a spreadsheet's QUARTILE.INC, R's type 7). Boundary rule:
/// a score at or below a boundary takes the better segment.
public struct QuartileBoundaries: Hashable, Sendable {
    /// Q1, the median and Q3 in hundredths of a score. Each is a whole number of hundredths plus 0, ¼, ½ or
    /// ¾ of one, so it is exact and every comparison with a score is exact too.
    let hundredths: [Double]
    /// How many scores were quartiled.
    public let count: Int

    /// Quartiles a list of scores in hundredths, sorted ascending; nil when there are none.
    init?(sorted scores: [Int]) {
        guard !scores.isEmpty else { return nil }
        count = scores.count
        hundredths = (1...3).map { k in QuartileBoundaries.quantile(k, count: scores.count) { scores[$0] } }
    }

    /// Q1, the median and Q3 as scores: [1.875, 2.25, 2.775].
    public var values: [Double] { hundredths.map { $0 / 100 } }
    public var lowerQuartile: Double { hundredths[0] / 100 }
    public var median: Double { hundredths[1] / 100 }
    public var upperQuartile: Double { hundredths[2] / 100 }

    /// The boundary a score must be at or below to be in `quartile` (1…3), as a score.
    public func boundary(of quartile: Int) -> Double { hundredths[quartile - 1] / 100 }

    /// At or below Q1 → 1; at or below the median → 2; at or below Q3 → 3; above Q3 → 4.
    public func quartile(of score: Score) -> Int {
        QuartileBoundaries.quartile(of: Double(score.hundredths), boundaries: hundredths)
    }

    static func quartile(of hundredths: Double, boundaries: [Double]) -> Int {
        for (index, boundary) in boundaries.enumerated() where hundredths <= boundary { return index + 1 }
        return 4
    }

    /// The k-th quartile (1…3) of `count` sorted values read through `at`: position (count − 1) × k ÷ 4,
    /// interpolating linearly between the two order statistics either side, in exact quarters.
    static func quantile(_ k: Int, count: Int, at: (Int) -> Int) -> Double {
        let quarters = (count - 1) * k
        let lower = quarters / 4
        let fraction = quarters % 4
        let below = at(lower)
        guard fraction > 0 else { return Double(below) }
        return Double(below) + Double(fraction) / 4 * Double(at(lower + 1) - below)
    }

    /// The highest score (hundredths) an organisation now scoring `own` could have and be in `quartile` (1…3)
    /// once its own score is replaced, every other score held still: moving its own score moves the boundary too.
    /// `sorted` holds every score of the peer group, its own included. Nil if even 1.00 would not do.
    static func highestScore(in quartile: Int, replacing own: Int, among sorted: [Int], lowest: Int = 100) -> Int? {
        guard own > lowest else { return nil }
        let ownIndex = lowerBound(sorted, own)
        let qualifies = { (candidate: Int) -> Bool in
            let boundary = quantile(quartile, count: sorted.count) { index in
                replacedOrderStatistic(index, sorted: sorted, removing: ownIndex, inserting: candidate)
            }
            return Double(candidate) <= boundary
        }
        // candidate − boundary never falls as candidate rises (the boundary moves at most as far), so the
        // qualifying candidates are a run from `lowest` up: find its top by bisection.
        guard qualifies(lowest) else { return nil }
        var low = lowest
        var high = own - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if qualifies(mid) { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The index-th smallest of `sorted` with the element at `removing` taken out and `inserting` put in.
    static func replacedOrderStatistic(_ index: Int, sorted: [Int], removing: Int, inserting value: Int) -> Int {
        // Without the removed element: rest[i] = sorted[i < removing ? i : i + 1].
        let rest = { (i: Int) -> Int in sorted[i < removing ? i : i + 1] }
        var smaller = lowerBound(sorted, value)
        if removing < smaller { smaller -= 1 }
        if index < smaller { return rest(index) }
        if index == smaller { return value }
        return rest(index - 1)
    }

    /// The first position in ascending `sorted` whose element is not below `value`.
    static func lowerBound(_ sorted: [Int], _ value: Int) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let mid = (low + high) / 2
            if sorted[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
