extension CutPointCheck {
    /// Our cut-points from the published averages, and the range each must lie in for every published unadjusted
    /// segment to follow from it.
    static func from(_ context: Context) -> CutPointCheck {
        var averages: [(average: Double, segment: Int)] = []
        for card in context.cards {
            guard let published = card.published, let average = published.averageScore, let segment = published.unadjustedSegment else { continue }
            averages.append((average, segment))
        }
        let sorted = averages.map { Score(rounding: $0.average).hundredths }.sorted()
        let pooled = QuartileBoundaries(sorted: sorted)?.values ?? []
        var implied: [ClosedOpenRange?] = []
        var consistent = true
        for k in 1...3 {
            let below = averages.filter { $0.segment <= k }.map(\.average).max()
            let above = averages.filter { $0.segment > k }.map(\.average).min()
            guard let below, let above else {
                implied.append(nil)
                continue
            }
            if below >= above { consistent = false }
            implied.append(ClosedOpenRange(low: below, high: above))
        }
        return CutPointCheck(pooled: pooled, implied: implied, consistent: consistent)
    }
}
