/// The values one organisation could move one metric to, the least demanding first, each with the score it
/// would then earn while every other organisation's value stays as it is. Scores never worsen up the ladder,
/// so the least demanding step that suffices can be found by bisection.
struct ImprovementLadder {
    let count: Int
    let step: (Int) -> ImprovementStep

    /// The most demanding step: the best score the metric can give.
    var top: ImprovementStep? { count > 0 ? step(count - 1) : nil }

    /// The ladder for a metric scored today as `current` (hundredths) from `value`; nil when there is no better score.
    static func make(metric: MetricDefinition, value: Double, current: Int, ranking: MetricRanking?, decimals: Int) -> ImprovementLadder? {
        let ladder: ImprovementLadder?
        switch metric.scoring {
        case .ranked:
            guard let ranking else { return nil }
            ladder = ranked(ranking, value: value)
        case .bespoke(let brackets):
            ladder = bespoke(brackets, metric: metric, value: value, current: current, decimals: decimals)
        case .score:
            ladder = given(current: current)
        case .context:
            return nil
        }
        guard let ladder, ladder.count > 0 else { return nil }
        return ladder
    }

    /// Clear the floor (if failing it), then match each better ranked peer from the nearest to the best, then
    /// meet the standard (if there is one).
    static func ranked(_ ranking: MetricRanking, value: Double) -> ImprovementLadder? {
        let metric = ranking.metric
        if metric.meetsStandard(value) == true { return nil }
        let failing = metric.failsFloor(value) == true
        let better = ranking.strictlyBetter(thanKey: ranking.key(value))
        let hasStandard = metric.standard != nil
        let count = (failing ? 1 : 0) + better + (hasStandard ? 1 : 0)
        return ImprovementLadder(count: count) { index in
            var index = index
            if failing {
                if index == 0 {
                    let floor = metric.floor!
                    return ImprovementStep(value: floor, hundredths: ranking.score(of: floor, current: value).hundredths, target: .clearFloor)
                }
                index -= 1
            }
            if index < better {
                let peer = ranking.value(ofKey: ranking.keys[better - 1 - index])
                let scored = ranking.score(of: peer, current: value)
                var position = 1
                if case .ranked(let rank) = scored.basis { position = rank.position }
                return ImprovementStep(value: peer, hundredths: scored.hundredths, target: .matchPeer(position: position))
            }
            return ImprovementStep(value: metric.standard!, hundredths: 100, target: .meetStandard)
        }
    }

    /// Each bracket with a better score, reached at its nearest edge; worse scores first.
    static func bespoke(_ brackets: [Bracket], metric: MetricDefinition, value: Double, current: Int, decimals: Int) -> ImprovementLadder {
        var resolution = 1.0
        for _ in 0..<max(0, metric.decimals) { resolution /= 10 }
        var steps: [(step: ImprovementStep, distance: Double)] = []
        for bracket in brackets {
            let hundredths = roundHundredths(bracket.score * 100, decimals: decimals)
            guard hundredths < current else { continue }
            var edge: Double
            if let low = bracket.atLeast, value < low {
                edge = low
            } else if let high = bracket.below, value >= high {
                edge = high - resolution
                if let low = bracket.atLeast, edge < low { edge = low }
            } else {
                continue
            }
            // Only an edge that this bracket is the first to claim really earns its score.
            guard bracket.contains(edge), brackets.first(where: { $0.contains(edge) }) == bracket else { continue }
            steps.append((ImprovementStep(value: edge, hundredths: hundredths, target: .bracket(bracket)), abs(edge - value)))
        }
        steps.sort { $0.step.hundredths != $1.step.hundredths ? $0.step.hundredths > $1.step.hundredths : $0.distance < $1.distance }
        return ImprovementLadder(count: steps.count) { steps[$0].step }
    }

    /// Whole scores better than today's: 3.40 → 3.00, 2.00, 1.00.
    static func given(current: Int) -> ImprovementLadder {
        let top = (current - 1) / 100
        return ImprovementLadder(count: max(0, top)) { index in
            let whole = Double(top - index)
            return ImprovementStep(value: whole, hundredths: (top - index) * 100, target: .score)
        }
    }
}

/// One rung of a ladder: a value, the score it earns, and what it achieves.
struct ImprovementStep {
    let value: Double
    let hundredths: Int
    let target: ImprovementTarget
}
