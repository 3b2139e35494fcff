/// One metric of one organisation: its value, the score it earned (or why none), and how.
public struct MetricScore: Hashable, Sendable {
    public let metric: MetricID
    public let theme: ThemeID
    public let value: MetricValue
    /// Nil when the metric was left out.
    public let score: Score?
    /// The metric's weight in the average (the three infection metrics weigh one third each).
    public let weight: Double
    public let basis: ScoreBasis

    public init(metric: MetricID, theme: ThemeID, value: MetricValue, score: Score?, weight: Double, basis: ScoreBasis) {
        self.metric = metric
        self.theme = theme
        self.value = value
        self.score = score
        self.weight = weight
        self.basis = basis
    }

    public var counts: Bool { score != nil }
}

/// How a value became a score.
public enum ScoreBasis: Hashable, Sendable {
    /// Met the standard: 1.00.
    case metStandard(Double)
    /// Failed the floor: 4.00.
    case failedFloor(Double)
    /// Spread by percentile rank among the peer group's other ranked values.
    case ranked(Ranking)
    /// A bespoke metric's bracket gave the score.
    case bracket(Bracket)
    /// A count, given where the metric is a rate, scored by the metric's count brackets.
    case countBracket(Bracket)
    /// Read from the metric's table by its two components' scores.
    case matrix(row: Score, column: Score)
    /// The value already was a 1–4 score.
    case given
    /// Not scored, and not counted in the average.
    case leftOut(LeftOutReason)

    /// "met the standard 92.0", "ranked 3rd of 12 (percentile 81.8) between 1.00 and 4.00".
    public func explanation(_ format: (Double) -> String = { formatDecimal($0, decimals: 2) }) -> String {
        switch self {
        case .metStandard(let standard): return "met the standard \(format(standard))"
        case .failedFloor(let floor): return "failed the floor \(format(floor))"
        case .ranked(let ranking): return ranking.explanation
        case .bracket(let bracket): return "bracket " + bracket.explanation(format)
        case .countBracket(let bracket): return "a count, not a rate: bracket " + bracket.explanation(format)
        case .matrix(let row, let column): return "from the table for component scores \(row) and \(column)"
        case .given: return "given as a score"
        case .leftOut(let reason): return "left out: " + reason.explanation
        }
    }
}

/// Where a value sat among its peer group's ranked values: those neither meeting the standard nor failing
/// the floor, spread evenly between the bookends.
public struct Ranking: Hashable, Sendable {
    /// Ranked peers with a strictly better value; ties share the best position of their cluster.
    public let strictlyBetter: Int
    /// How many were ranked, this organisation included.
    public let poolSize: Int
    /// The score of the best ranked value (1.00, or 2.00 under a standard).
    public let best: Score
    /// The score of the worst ranked value (4.00, or 3.00 above a floor).
    public let worst: Score

    public init(strictlyBetter: Int, poolSize: Int, best: Score, worst: Score) {
        self.strictlyBetter = strictlyBetter
        self.poolSize = poolSize
        self.best = best
        self.worst = worst
    }

    /// 1 for the best.
    public var position: Int { strictlyBetter + 1 }

    /// 100 for the best ranked value, 0 for the worst: 100 × (1 − strictlyBetter ÷ (poolSize − 1)).
    public var percentile: Double {
        poolSize <= 1 ? 100 : 100 * (1 - Double(strictlyBetter) / Double(poolSize - 1))
    }

    public var explanation: String {
        "ranked \(position) of \(poolSize) (percentile \(formatDecimal(percentile, decimals: 1))) between \(best) and \(worst)"
    }
}

/// Why a metric does not count towards an organisation's score.
public enum LeftOutReason: String, Hashable, Sendable, CaseIterable {
    case missing
    case suppressed
    /// The organisation does not perform the function the metric measures.
    case functionNotPerformed = "function-not-performed"
    /// The metric is not scored for the organisation's peer group.
    case notForPeerGroup = "not-for-peer-group"
    /// The framework shows it for context, never scores it.
    case contextOnly = "context-only"
    /// A bespoke metric's value fell in none of its brackets.
    case outsideBrackets = "outside-brackets"
    /// A value given as a score was not between 1 and 4.
    case scoreOutOfRange = "score-out-of-range"
    /// The organisation has no peer group, so nothing is scored.
    case noPeerGroup = "no-peer-group"
    /// A count was given where the metric scores a rate, and the metric has no count brackets.
    case countNotScored = "count-not-scored"
    /// A metric read from a table of two others' scores, one of which is missing.
    case componentsMissing = "components-missing"

    public var explanation: String {
        switch self {
        case .missing: return "no value reported"
        case .suppressed: return "value suppressed (small numbers)"
        case .functionNotPerformed: return "the organisation does not perform this function"
        case .notForPeerGroup: return "not scored for this peer group"
        case .contextOnly: return "shown for context, never scored"
        case .outsideBrackets: return "the value is in none of the metric's brackets"
        case .scoreOutOfRange: return "a given score must be between 1 and 4"
        case .noPeerGroup: return "the organisation has no peer group"
        case .countNotScored: return "a count was given where a rate is scored"
        case .componentsMissing: return "a score it is read from is missing"
        }
    }
}

extension Bracket {
    /// "≥ 1.25 and < 1.75 → 2.00 (label)".
    public func explanation(_ format: (Double) -> String) -> String {
        var parts: [String] = []
        if let atLeast { parts.append("≥ \(format(atLeast))") }
        if let above { parts.append("> \(format(above))") }
        if let below { parts.append("< \(format(below))") }
        if let atMost { parts.append("≤ \(format(atMost))") }
        let range = parts.isEmpty ? "any value" : parts.joined(separator: " and ")
        return range + " → " + formatDecimal(score, decimals: 2) + (label.map { " (\($0))" } ?? "")
    }
}
