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
        // Each metric that can improve, with its best step and the fall in the weighted sum that step gives.
        var candidates: [(metric: Int, value: Double, top: ImprovementStep, gain: Double)] = []
        candidates.reserveCapacity(metricCount)
        for m in 0..<metricCount {
            guard let current = scores[base + m], case .number(let value) = prepared.value(o, m),
                  let top = ImprovementLadder.best(shape: prepared.shapes[m], value: value, current: current,
                                                   ranking: groupRankings[m], decimals: decimals),
                  top.hundredths < current else { continue }
            candidates.append((m, value, top, weights[m] * Double(current - top.hundredths)))
        }

        // The organisation's scores as they would be, −1 where left out; raw(row) is computed as step 2 computes it.
        var row = [Int](repeating: -1, count: metricCount)
        for m in 0..<metricCount { if let score = scores[base + m] { row[m] = score } }
        func raw(_ row: [Int]) -> Int {
            var sum = 0.0
            var weight = 0.0
            for m in 0..<row.count where row[m] >= 0 {
                sum += weights[m] * Double(row[m])
                weight += weights[m]
            }
            return roundHundredths(sum / weight, decimals: decimals)
        }

        var chosen: [(metric: Int, value: Double, step: ImprovementStep)] = []
        var reached = false
        // Largest gain first (the earlier metric on a tie); usually only one or two are needed, so pick, don't sort.
        while !candidates.isEmpty {
            var pick = 0
            for i in candidates.indices.dropFirst() where candidates[i].gain > candidates[pick].gain { pick = i }
            let candidate = candidates.remove(at: pick)
            row[candidate.metric] = candidate.top.hundredths
            chosen.append((candidate.metric, candidate.value, candidate.top))
            if raw(row) <= target {
                reached = true
                break
            }
        }
        if reached, let last = chosen.last,
           let ladder = ImprovementLadder(shape: prepared.shapes[last.metric], value: last.value, current: scores[base + last.metric]!,
                                          ranking: groupRankings[last.metric], decimals: decimals) {
            var low = 0
            var high = ladder.count - 1
            while low < high {
                let mid = (low + high) / 2
                row[last.metric] = ladder.step(mid).hundredths
                if raw(row) <= target { high = mid } else { low = mid + 1 }
            }
            let step = ladder.step(low)
            row[last.metric] = step.hundredths
            chosen[chosen.count - 1].step = step
        }
        let improvements = chosen.map { metric, value, step in
            let from = scores[base + metric]!
            return SuggestedImprovement(metric: prepared.metrics[metric].id, from: value, to: step.value,
                                        fromScore: Score(hundredths: from), toScore: Score(hundredths: step.hundredths),
                                        target: step.target.target(prepared.shapes[metric]),
                                        contribution: weights[metric] * Double(from - step.hundredths) / mean.weight / 100)
        }
        return (improvements, reached, raw(row))
    }
}
