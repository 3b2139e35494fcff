import OversightDomain

/// The quartile boundary nearest a near-boundary trust's raw score, and which way the trust could
/// move across it: the `≈ ▲ 0.02` marks of lists. Above the boundary (on its worse side) a fall of
/// the gap could lift it into the better quartile; at or below it, a small rise could drop it.
public struct NearBoundary: Hashable, Sendable {
    /// 1 for Q1, 2 for the median, 3 for Q3.
    public let boundary: Int
    /// The boundary as a score.
    public let value: Double
    /// The raw score minus the boundary.
    public let gap: Double

    /// The nearest of the boundaries the engine flagged; nil when none is within the margin.
    public init?(_ computation: SegmentComputation) {
        self.init(computation.nearBoundaries)
    }

    /// The nearest of some boundaries within the margin (the engine's, or those worked out from published averages).
    public init?(_ boundaries: [BoundaryProximity]) {
        guard let nearest = boundaries.min(by: { abs($0.gap) < abs($1.gap) }) else { return nil }
        boundary = nearest.boundary
        value = nearest.value
        gap = nearest.gap
    }

    /// Above the boundary: close to the better quartile. At or below it: close to the worse one.
    public var couldImprove: Bool { gap > 0 }

    /// "▲ 0.02" (0.02 above a boundary) or "▼ 0.03" (0.03 at or below one).
    public func mark(_ glyphs: Glyphs) -> String {
        (couldImprove ? glyphs.better : glyphs.worse) + " " + formatDecimal(abs(gap), decimals: 2)
    }

    /// "0.05 above the median", "0.03 below Q1", "on Q3": where the raw score sits against the
    /// boundary (a lower score is better, so above it is the worse side).
    public var position: String {
        let distance = Figures.score(abs(gap))
        if gap > 0 { return "\(distance) above \(boundaryName)" }
        return gap < 0 ? "\(distance) below \(boundaryName)" : "on \(boundaryName)"
    }

    /// "Q1", "the median", "Q3".
    public var boundaryName: String { NearBoundary.name(of: boundary) }

    static func name(of boundary: Int) -> String {
        switch boundary {
        case 1: return "Q1"
        case 2: return "the median"
        default: return "Q3"
        }
    }

    /// The legend under a list that marks near-boundary trusts, with the framework's margin.
    public static func legend(margin: Double?, glyphs: Glyphs, directions: Bool) -> String {
        let within = margin.map { "within \(formatDecimal($0, decimals: 2)) of" } ?? "near"
        var text = "\(glyphs.near) \(within) a quartile boundary"
        if directions { text += " · \(glyphs.better) near a better quartile · \(glyphs.worse) near a worse one" }
        return text
    }
}
