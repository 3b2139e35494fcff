/// A peer group's league table: by adjusted segment (the segment after the financial override), then by raw
/// score, lower first. Equal segment and score share a rank, and the next rank skips ("1, 2, 2, 4"); within
/// a shared rank, organisations are listed by code so that the order never depends on the input's.
enum LeagueTable {
    /// The entries in league order with their ranks; `entries[i].rank` is ignored.
    static func rank(_ entries: [LeagueEntry]) -> [LeagueEntry] {
        let ordered = entries.sorted {
            if $0.adjustedSegment != $1.adjustedSegment { return $0.adjustedSegment < $1.adjustedSegment }
            if $0.rawScore != $1.rawScore { return $0.rawScore < $1.rawScore }
            return $0.org < $1.org
        }
        var ranked: [LeagueEntry] = []
        ranked.reserveCapacity(ordered.count)
        for (index, entry) in ordered.enumerated() {
            let tied = index > 0 && ordered[index - 1].adjustedSegment == entry.adjustedSegment
                && ordered[index - 1].rawScore == entry.rawScore
            let rank = tied ? ranked[index - 1].rank : index + 1
            ranked.append(LeagueEntry(rank: rank, org: entry.org, adjustedSegment: entry.adjustedSegment,
                                      segment: entry.segment, rawScore: entry.rawScore))
        }
        return ranked
    }
}
