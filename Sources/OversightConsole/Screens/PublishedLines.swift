import OversightDomain

/// The lines a scorecard leads with when NHS England has published the trust's figures, in the order
/// board papers report a NOF position: the headline (segment, rank of N, average score, deficit), why it is
/// where it is (the override, the move since last quarter), and the five domains with their segments.
/// Each says where its figures come from; none cuts a number in half (the longest wording that fits).
enum PublishedLines {
    /// "4 Serious concerns · rank 116 of 134 acute trusts · average 2.81 · in deficit": the headline's facts
    /// after the segment chip, longest wording first.
    static func headline(_ standing: PublishedStanding, _ reading: SegmentReading, _ framework: Framework) -> [String] {
        let segment = reading.final ?? standing.shownSegment
        let label = framework.segment(segment)?.label
        let group = standing.peerGroup.label
        let rank = standing.rank.map { "rank \(standing.joint ? "\($0)=" : "\($0)") of \(standing.rankedInGroup)" }
        let average = standing.averageScore.map { "average " + formatDecimal($0, decimals: 2) }
        let deficit = standing.inDeficit.map { $0 ? "in deficit" : "not in deficit" }
        var rsp: String?
        if standing.finalSegment != nil { rsp = "Recovery Support Programme (adjusted \(standing.segment))" }
        else if segment != standing.segment { rsp = "entered by decision (published \(standing.segment))" }
        // The rank of N, the average and the deficit are what boards report; the segment's label goes first when short of room.
        let long = [rsp ?? label, rank.map { $0 + " \(group) trusts" }, average, deficit].compactMap { $0 }
        let medium = [rsp, rank.map { $0 + " \(group) trusts" }, average, deficit].compactMap { $0 }
        let short = [rsp != nil ? "RSP" : nil, rank.map { $0 + " \(group)" }, average, standing.inDeficit == true ? "deficit" : nil].compactMap { $0 }
        let shortest = [rank, average].compactMap { $0 }
        return [long, medium, short, shortest].map { $0.joined(separator: " · ") }
    }

    /// Why it is where it is, longest wording first: "Unadjusted 2, moved to 3 by the deficit override · since
    /// Q1: 3 → 3 unchanged".
    static func why(_ standing: PublishedStanding, period: Period) -> [String] {
        var override: [String]
        switch (standing.unadjustedSegment, standing.inDeficit) {
        case (let unadjusted?, true?) where standing.overrideApplied:
            override = ["Unadjusted \(unadjusted), moved to \(standing.segment) by the deficit override", "Unadjusted \(unadjusted) → \(standing.segment): deficit"]
        case (let unadjusted?, true?):
            override = ["Unadjusted \(unadjusted); in deficit, but the override moves only 1 and 2", "Unadjusted \(unadjusted); deficit, no override"]
        case (let unadjusted?, _):
            override = ["Unadjusted \(unadjusted), no financial override", "Unadjusted \(unadjusted)"]
        default:
            override = [""]
        }
        let previous = period.previous.quarter.map { "Q\($0)" } ?? period.previous.label
        var since: [String]
        if let movement = standing.movement {
            let ranks = (movement.rankFrom.map { r in standing.rank.map { " (rank \(r) → \($0))" } ?? "" } ?? "")
            since = ["since \(previous): \(movement.segments)\(ranks), \(movement.explanation)",
                     "since \(previous): \(movement.segments)\(ranks)", "since \(previous): \(movement.segments)"]
        } else {
            since = ["\(period.previous.label) not published here", ""]
        }
        var lines: [String] = []
        for o in override { for s in since { lines.append([o, s].filter { !$0.isEmpty }.joined(separator: " · ")) } }
        return lines.sorted { DisplayWidth.of($0) > DisplayWidth.of($1) }
    }

    /// The domains with their published scores and segments: "Access 2.94 (4)". One part per domain, so that
    /// a line can wrap between them rather than cut one.
    static func domains(_ published: PublishedAssessment, _ framework: Framework) -> [String] {
        framework.themes.compactMap { theme in
            guard let row = theme.scoreRow, let score = published.rows[row]?.value else { return nil }
            let segment = theme.segmentRow.flatMap { published.rows[$0]?.value }.map { " (\(Int($0)))" } ?? ""
            return "\(theme.label) \(formatDecimal(score, decimals: 2))\(segment)"
        }
    }

    /// What a trust with no published figures for the quarter shows, and where the latest are.
    static func noData(_ org: Organisation, _ framework: Framework, _ context: ScreenContext) -> String {
        let period = context.viewpoint.period?.label ?? "this period"
        let group = org.peerGroup
        guard let group else { return "\(framework.shortName) does not segment \(Labels.capitalised(org.kind.label).lowercased())s." }
        if let latest = context.landscape.latestPublished(framework.id, for: group) {
            let which = latest < (context.viewpoint.period ?? latest) ? "the latest here is \(latest.label); p goes back"
                                                                        : "the first here is \(latest.label); P goes forward"
            return "No published data for \(period): NHS England's \(group.label) figures for it are not in this store (\(which))."
        }
        return "No published data: NHS England's \(framework.shortName) figures for \(group.label) trusts are not published here."
    }
}
