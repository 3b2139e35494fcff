extension SegmentationRun {
    /// How far organisation `o` must fall to reach the better quartile, and the fewest improvements that would
    /// get it there. `target` (hundredths) replaces the computed target when a plan is made again, aiming lower.
    func distance(_ o: Int, target chosen: Int? = nil) -> DistanceToNextSegment? {
        let org = organisations[o]
        guard let group = org.peerGroup, let own = raw[o], let quartile = quartiles[o], quartile > 1,
              let groupBoundaries = boundaries[group], let sorted = sortedRaw[group] else { return nil }
        let toQuartile = quartile - 1
        // Below 1.00 nothing is reachable; a missing target can only mean that.
        let target = chosen ?? QuartileBoundaries.highestScore(in: toQuartile, replacing: own, among: sorted) ?? 99
        let plan = plan(o, target: target)
        let now = SegmentSteps.segment(quartile: quartile, of: org, rules: rules)
        let after = SegmentSteps.segment(quartile: toQuartile, of: org, rules: rules)
        var heldBy: String?
        if after.segment >= now.segment {
            heldBy = after.adjusted != toQuartile
                ? "the financial override holds it at segment \(after.adjusted) while it reports a deficit or receives deficit support"
                : "its recorded decision holds it at segment \(after.segment)"
        }
        return DistanceToNextSegment(
            fromQuartile: quartile, toQuartile: toQuartile, boundary: groupBoundaries.boundary(of: toQuartile),
            targetScore: Score(hundredths: max(target, 0)), fall: Double(own - target) / 100,
            improvements: plan.improvements, reachable: plan.reachable, scoreAfter: plan.after.map(Score.init(hundredths:)),
            segmentAfter: after.segment, heldBy: heldBy, confirmedByRecomputing: false)
    }

    /// The fewest metric improvements that bring organisation `o`'s raw score to `target` or below, every other
    /// organisation held still. Greedy by the largest fall in the weighted sum, each metric taken to its best
    /// score: the k largest falls are the most any k metrics can give, so no smaller set would do. The last
    /// metric is then taken only as far as it must go.
    func plan(_ o: Int, target: Int) -> (improvements: [SuggestedImprovement], reachable: Bool, after: Int?) {
        guard let group = organisations[o].peerGroup, let mean = means[o], let groupRankings = rankings[group] else {
            return ([], false, nil)
        }
        let base = o * metricCount
        var row = Array(scores[base..<(base + metricCount)])
        var ladders = [ImprovementLadder?](repeating: nil, count: metricCount)
        var values = [Double](repeating: 0, count: metricCount)
        var candidates: [(metric: Int, gain: Double)] = []
        for m in 0..<metricCount {
            guard let current = row[m], case .number(let value) = prepared.value(o, m),
                  let ladder = ImprovementLadder.make(metric: metrics[m], value: value, current: current,
                                                      ranking: groupRankings[m], decimals: decimals),
                  let top = ladder.top, top.hundredths < current else { continue }
            ladders[m] = ladder
            values[m] = value
            candidates.append((m, weights[m] * Double(current - top.hundredths)))
        }
        candidates.sort { $0.gain != $1.gain ? $0.gain > $1.gain : $0.metric < $1.metric }

        let rawOf = { (row: [Int?]) -> Int in
            let mean = SegmentationRun.mean(over: 0..<row.count, weights: weights) { row[$0] }!
            return roundHundredths(mean.mean, decimals: decimals)
        }
        var chosen: [(metric: Int, step: ImprovementStep)] = []
        var reached = false
        for candidate in candidates {
            let top = ladders[candidate.metric]!.top!
            row[candidate.metric] = top.hundredths
            chosen.append((candidate.metric, top))
            if rawOf(row) <= target {
                reached = true
                break
            }
        }
        if reached, let last = chosen.last {
            let ladder = ladders[last.metric]!
            var low = 0
            var high = ladder.count - 1
            while low < high {
                let mid = (low + high) / 2
                row[last.metric] = ladder.step(mid).hundredths
                if rawOf(row) <= target { high = mid } else { low = mid + 1 }
            }
            let step = ladder.step(low)
            row[last.metric] = step.hundredths
            chosen[chosen.count - 1].step = step
        }
        let improvements = chosen.map { metric, step in
            let from = scores[base + metric]!
            return SuggestedImprovement(metric: metrics[metric].id, from: values[metric], to: step.value,
                                        fromScore: Score(hundredths: from), toScore: Score(hundredths: step.hundredths),
                                        target: step.target,
                                        contribution: weights[metric] * Double(from - step.hundredths) / mean.weight / 100)
        }
        return (improvements, reached, rawOf(row))
    }
}
