/// What moved a trust's published segment from one quarter to the next, as boards report it: the financial
/// override applied or removed, or a change in the average score (and with it the unadjusted segment).
public struct SegmentMovement: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// Flagged for a deficit this quarter and moved from 1 or 2 to 3 by the override.
        case overrideApplied
        /// No longer held at 3 by the override.
        case overrideRemoved
        /// The unadjusted segment changed with the average score (and the cut-points).
        case averageScore(from: Double, to: Double)
        /// The segment is the same.
        case unchanged
    }

    public let from: Int
    public let to: Int
    public let reason: Reason
    /// The league position then and now, where both were published.
    public let rankFrom: Int?
    public let rankTo: Int?

    /// Nil unless both quarters have a published segment.
    public init?(previous: PublishedAssessment?, current: PublishedAssessment?) {
        guard let previous, let current, let from = previous.segment, let to = current.segment else { return nil }
        self.from = from
        self.to = to
        rankFrom = previous.rank
        rankTo = current.rank
        if from == to {
            reason = .unchanged
        } else if previous.unadjustedSegment != nil, previous.unadjustedSegment == current.unadjustedSegment {
            // The quartile is the same, so only the override can have moved it.
            reason = current.segment != current.unadjustedSegment ? .overrideApplied : .overrideRemoved
        } else {
            reason = .averageScore(from: previous.averageScore ?? .nan, to: current.averageScore ?? .nan)
        }
    }

    /// "3 → 2", "unchanged at 2".
    public var segments: String { from == to ? "unchanged at \(to)" : "\(from) → \(to)" }

    /// "the average score fell from 2.31 to 2.12", "the deficit override now holds it at 3".
    public var explanation: String {
        switch reason {
        case .unchanged: return "segment unchanged"
        case .overrideApplied: return "the financial override now applies (in deficit or on deficit support)"
        case .overrideRemoved: return "the financial override no longer applies"
        case .averageScore(let a, let b):
            guard a.isFinite, b.isFinite else { return "the average score changed" }
            let verb = b < a ? "improved" : (b > a ? "worsened" : "was unchanged")
            let text = "the average score \(verb), \(formatDecimal(a, decimals: 2)) to \(formatDecimal(b, decimals: 2))"
            // Segments are quartiles of the peer group: a score can improve while the segment worsens. Said, so the
            // board does not take the figures for a mistake.
            let against = (to > from && b <= a) || (to < from && b >= a)
            return against ? text + ", but the peer group's cut-points moved further" : text
        }
    }
}
