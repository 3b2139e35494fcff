/// The values one organisation could move one metric to, the least demanding first, each with the score it
/// would then earn while every other organisation's value stays as it is. Scores never worsen up the ladder,
/// so the least demanding step that suffices can be found by bisection.
struct ImprovementLadder {
    enum Rungs {
        /// Clear the floor (if failing it), then match each of the `better` ranked peers from the nearest to the
        /// best, then meet the standard (if there is one).
        case ranked(MetricRanking, value: Double, failing: Bool, better: Int)
        /// Brackets with a better score, each reached at its nearest edge, worse scores first.
        case listed([ImprovementStep])
        /// Whole scores better than today's, from `top` down to 1.
        case wholeScores(top: Int)
    }

    let rungs: Rungs
    let count: Int

    /// The ladder for a metric scored today as `current` (hundredths) from `value`; nil when no score is better.
    init?(shape: MetricShape, value: Double, current: Int, ranking: MetricRanking?, decimals: Int) {
        switch shape.kind {
        case .ranked:
            guard let ranking, !ranking.meetsStandard(value) else { return nil }
            let failing = ranking.failsFloor(value)
            let better = ranking.strictlyBetter(thanKey: ranking.key(value))
            rungs = .ranked(ranking, value: value, failing: failing, better: better)
            count = (failing ? 1 : 0) + better + (ranking.standard == nil ? 0 : 1)
        case .bespoke(let brackets):
            let steps = ImprovementLadder.bracketSteps(brackets, shape: shape, value: value, current: current, decimals: decimals)
            rungs = .listed(steps)
            count = steps.count
        case .score:
            let top = (current - 1) / 100
            rungs = .wholeScores(top: top)
            count = max(0, top)
        case .context, .matrix:
            return nil
        }
        guard count > 0 else { return nil }
    }

    /// The most demanding step: the best score the metric can give.
    var top: ImprovementStep { step(count - 1) }

    /// The ladder's top step without building the ladder: every organisation's plan asks this of every metric.
    static func best(shape: MetricShape, value: Double, current: Int, ranking: MetricRanking?, decimals: Int) -> ImprovementStep? {
        switch shape.kind {
        case .ranked:
            guard let ranking, !ranking.meetsStandard(value) else { return nil }
            if let standard = ranking.standard { return ImprovementStep(value: standard, hundredths: 100, target: .meetStandard) }
            if let best = ranking.keys.first, best < ranking.key(value) {
                let peer = ranking.value(ofKey: best)
                return ImprovementStep(value: peer, hundredths: ranking.score(of: peer, current: value).hundredths, target: .matchPeer(position: 1))
            }
            guard let floor = ranking.floor, ranking.failsFloor(value) else { return nil }
            return ImprovementStep(value: floor, hundredths: ranking.score(of: floor, current: value).hundredths, target: .clearFloor)
        case .bespoke, .score:
            return ImprovementLadder(shape: shape, value: value, current: current, ranking: ranking, decimals: decimals)?.top
        case .context, .matrix:
            return nil
        }
    }

    func step(_ index: Int) -> ImprovementStep {
        switch rungs {
        case .ranked(let ranking, let value, let failing, let better):
            var index = index
            if failing {
                if index == 0 {
                    let floor = ranking.floor!
                    return ImprovementStep(value: floor, hundredths: ranking.score(of: floor, current: value).hundredths, target: .clearFloor)
                }
                index -= 1
            }
            if index < better {
                let peer = ranking.value(ofKey: ranking.keys[better - 1 - index])
                let scored = ranking.score(of: peer, current: value)
                var position = 1
                if case .ranked(let better, _) = scored.basis { position = Int(better) + 1 }
                return ImprovementStep(value: peer, hundredths: scored.hundredths, target: .matchPeer(position: position))
            }
            return ImprovementStep(value: ranking.standard!, hundredths: 100, target: .meetStandard)
        case .listed(let steps):
            return steps[index]
        case .wholeScores(let top):
            return ImprovementStep(value: Double(top - index), hundredths: (top - index) * 100, target: .score)
        }
    }

    /// Each bracket with a better score than `current`, reached at the edge nearest `value`.
    static func bracketSteps(_ brackets: [Bracket], shape: MetricShape, value: Double, current: Int, decimals: Int) -> [ImprovementStep] {
        var resolution = 1.0
        for _ in 0..<max(0, shape.valueDecimals) { resolution /= 10 }
        var steps: [(step: ImprovementStep, distance: Double)] = []
        for (index, bracket) in brackets.enumerated() {
            let hundredths = roundHundredths(bracket.score * 100, decimals: decimals)
            guard hundredths < current else { continue }
            var edge: Double
            if let low = bracket.atLeast, value < low {
                edge = low
            } else if let low = bracket.above, value <= low {
                edge = low + resolution
            } else if let high = bracket.atMost, value > high {
                edge = high
            } else if let high = bracket.below, value >= high {
                edge = high - resolution
                if let low = bracket.atLeast, edge < low { edge = low }
            } else {
                continue
            }
            // Only an edge that this bracket is the first to claim really earns its score.
            guard bracket.contains(edge), brackets.first(where: { $0.contains(edge) }) == bracket else { continue }
            steps.append((ImprovementStep(value: edge, hundredths: hundredths, target: .bracket(index)), abs(edge - value)))
        }
        steps.sort { $0.step.hundredths != $1.step.hundredths ? $0.step.hundredths > $1.step.hundredths : $0.distance < $1.distance }
        return steps.map(\.step)
    }
}

/// One rung of a ladder: a value, the score it earns, and what it achieves.
struct ImprovementStep {
    let value: Double
    let hundredths: Int
    let target: StepTarget
}

/// What a step achieves, compactly (plain numbers, cheap to copy); `ImprovementTarget` is built from it once.
enum StepTarget {
    case meetStandard
    case clearFloor
    case matchPeer(position: Int)
    /// The position of the bracket among the metric's brackets.
    case bracket(Int)
    case score

    func target(_ shape: MetricShape) -> ImprovementTarget {
        switch self {
        case .meetStandard: return .meetStandard
        case .clearFloor: return .clearFloor
        case .matchPeer(let position): return .matchPeer(position: position)
        case .bracket(let index):
            guard case .bespoke(let brackets) = shape.kind else { return .score }
            return .bracket(brackets[index])
        case .score: return .score
        }
    }
}
