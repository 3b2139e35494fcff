/// NHS Oversight Framework 2025/26 segmentation as pure functions (docs/segmentation.md gives the method):
/// 1. score each metric 1.00–4.00 within the peer group; 2. average the scores (weighted) into a raw
/// delivery score and quartile it within the peer group; 3. move a provider in 1 or 2 with a deficit or
/// deficit support to 3; 4. segment 5 only by a recorded decision on a segment-4 provider.
public enum Segmentation {
    /// Segments every organisation of `input`, showing the computation behind each segment.
    public static func compute(_ input: SegmentationInput) throws(SegmentationError) -> SegmentationResult {
        SegmentationRun(try PreparedInput(input)).result()
    }

    /// Segments one framework's scorecards for one period of a dataset.
    public static func compute(_ dataset: Dataset, framework: FrameworkID, period: Period) throws(SegmentationError) -> SegmentationResult {
        try compute(SegmentationInput(dataset: dataset, framework: framework, period: period))
    }

    /// The distance to the next segment for one organisation, confirmed: the suggested improvements are applied,
    /// the whole peer group is scored again (peers re-ranked, boundaries moved), and if the organisation has not
    /// crossed, the plan is made again aiming lower by the shortfall, until it crosses or nothing more can be improved.
    /// Nil when the organisation is not segmented or already in the best quartile.
    public static func confirmedDistance(for code: OrgCode, in input: SegmentationInput) throws(SegmentationError) -> DistanceToNextSegment? {
        guard let group = input.organisations.first(where: { $0.code == code })?.peerGroup else { return nil }
        var peers = input
        // Pooled cut-points or a pooled ranking make every segmented provider a peer; otherwise the group alone.
        let pooled = input.rules.quartilePool == .allProviders || input.metrics.contains { $0.pool == .allProviders }
        peers.organisations = input.organisations.filter { pooled ? $0.peerGroup != nil : $0.peerGroup == group }
        peers.problems = []
        let run = SegmentationRun(try PreparedInput(peers))
        guard let o = run.position(of: code), var distance = run.distance(o) else { return nil }
        while distance.reachable {
            var trial = peers
            for improvement in distance.improvements {
                trial.organisations[o].values[improvement.metric] = .number(improvement.to)
            }
            let after = SegmentationRun(try PreparedInput(trial))
            guard let quartile = after.quartiles[o], let score = after.raw[o], let moved = after.boundaries[group] else { return nil }
            if quartile <= distance.toQuartile { return distance.confirmed() }
            // Peers re-ranked and the boundary moved below the plan: aim lower by the shortfall (ends by 1.00).
            let shortfall = Double(score) - moved.hundredths[distance.toQuartile - 1]
            let lower = distance.targetScore.hundredths - max(1, Int(shortfall.rounded(.up)))
            guard let next = run.distance(o, target: lower) else { return nil }
            distance = next
        }
        return distance
    }
}
