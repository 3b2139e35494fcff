/// How far an organisation's raw score must fall to cross into the better quartile, and the fewest metric
/// improvements that would take it there. Every other organisation's values and scores are held as they are:
/// in truth overtaking a peer worsens that peer's score, which only helps, but meeting a standard or clearing
/// a floor changes the ranked pool and can improve peers ranked below (see docs/segmentation.md).
public struct DistanceToNextSegment: Hashable, Sendable {
    /// The quartile it is in.
    public let fromQuartile: Int
    /// The better quartile it is aiming for.
    public let toQuartile: Int
    /// The boundary of that quartile today, as a score.
    public let boundary: Double
    /// The highest raw score that would be in the better quartile once its own score moves (its own score is
    /// one of those the boundary is computed from, so the boundary moves with it).
    public let targetScore: Score
    /// The raw score minus the target: how much it must fall.
    public let fall: Double
    /// The fewest metric improvements that would reach the target; all possible ones when it cannot be reached.
    public let improvements: [SuggestedImprovement]
    /// Whether improving scored metrics alone can reach the target.
    public let reachable: Bool
    /// The raw score after the improvements.
    public let scoreAfter: Score?
    /// The segment it would then hold, its finances and decision unchanged.
    public let segmentAfter: Int
    /// Why reaching the better quartile would not change its segment (the financial override), if so.
    public let heldBy: String?
    /// Whether the improvements were applied and the whole peer group recomputed to confirm them.
    public let confirmedByRecomputing: Bool

    func confirmed() -> DistanceToNextSegment {
        DistanceToNextSegment(fromQuartile: fromQuartile, toQuartile: toQuartile, boundary: boundary, targetScore: targetScore,
                              fall: fall, improvements: improvements, reachable: reachable, scoreAfter: scoreAfter,
                              segmentAfter: segmentAfter, heldBy: heldBy, confirmedByRecomputing: true)
    }
}

/// Move one metric from one value to another.
public struct SuggestedImprovement: Hashable, Sendable {
    public let metric: MetricID
    public let from: Double
    public let to: Double
    public let fromScore: Score
    public let toScore: Score
    public let target: ImprovementTarget
    /// How much the raw score falls because of this improvement alone (weight × score gain ÷ total weight).
    public let contribution: Double

    /// The metric score gained: 0.75 means 3.00 → 2.25.
    public var scoreGain: Double { Double(fromScore.hundredths - toScore.hundredths) / 100 }
}

/// What a suggested value achieves.
public enum ImprovementTarget: Hashable, Sendable {
    /// Meets the standard: scores 1.00.
    case meetStandard
    /// Clears the floor and joins the ranked values.
    case clearFloor
    /// As good as the peer ranked at `position` today; ties take the best score of their cluster.
    case matchPeer(position: Int)
    /// Falls in a better bracket.
    case bracket(Bracket)
    /// A given score.
    case score

    public var explanation: String {
        switch self {
        case .meetStandard: return "meet the standard"
        case .clearFloor: return "clear the floor"
        case .matchPeer(let position): return "match the peer ranked \(position)"
        case .bracket(let bracket): return "reach the bracket " + bracket.explanation { formatDecimal($0, decimals: 2) }
        case .score: return "reach the score"
        }
    }
}
