/// A metric or delivery score, 1.00 (best) to 4.00, held in hundredths: "rounded to 2 decimals" then means
/// one thing, and a comparison with a quartile boundary is exact rather than at the mercy of binary fractions.
public struct Score: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let hundredths: Int

    public init(hundredths: Int) {
        self.hundredths = hundredths
    }

    /// The nearest hundredth to `value`, halves away from zero, as a spreadsheet's ROUND(value, 2) gives.
    public init(rounding value: Double) {
        hundredths = roundHalfAwayFromZero(value * 100)
    }

    public static let best = Score(hundredths: 100)
    public static let worst = Score(hundredths: 400)

    /// 2.35.
    public var value: Double { Double(hundredths) / 100 }

    /// "2.35".
    public var description: String { formatDecimal(value, decimals: 2) }

    public static func < (lhs: Score, rhs: Score) -> Bool { lhs.hundredths < rhs.hundredths }
}

/// `x` to the nearest whole number, halves away from zero. The tolerance absorbs representation error:
/// 1.075 × 100 computes as 107.49999999999999 but is meant as 107.5.
func roundHalfAwayFromZero(_ x: Double) -> Int {
    let tolerance = 1e-9 * max(1, abs(x))
    let nudged = x < 0 ? x - tolerance : x + tolerance
    return Int(nudged.rounded(.toNearestOrAwayFromZero))
}

/// How many hundredths one step of a score rounded to `decimals` places is (2 → 1, 1 → 10, 0 → 100).
func hundredthsStep(decimals: Int) -> Int {
    decimals >= 2 ? 1 : (decimals == 1 ? 10 : 100)
}

/// A value in hundredths rounded to `decimals` places (0…2), halves away from zero.
func roundHundredths(_ hundredths: Double, decimals: Int) -> Int {
    let step = hundredthsStep(decimals: decimals)
    return roundHalfAwayFromZero(hundredths / Double(step)) * step
}

/// `numerator ÷ denominator` to the nearest whole number, halves up, in integers (both non-negative,
/// denominator positive), so that a percentile-rank score never depends on floating point.
func roundedQuotient(_ numerator: Int, _ denominator: Int) -> Int {
    (2 * numerator + denominator) / (2 * denominator)
}
