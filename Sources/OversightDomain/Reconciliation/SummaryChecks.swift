/// Steps 2 to 4, the league rank and the domains, each recomputed from the published figures of the step before.
enum SummaryChecks {
    static func steps(_ context: Context) -> [StepAgreement] {
        var steps = [averageScore(context)]
        let framework = unadjustedSegment(context, pooled: context.pooledCutPoints)
        steps.append(framework)
        // The other reading only means something where there are several peer groups to pool or keep apart.
        if context.publishedTrusts.count > 1 {
            steps.append(unadjustedSegment(context, pooled: !context.pooledCutPoints, against: framework))
        }
        steps.append(financialOverride(context))
        steps.append(leagueRank(context))
        if let league = leagueTable(context) { steps.append(league) }
        steps.append(domainScores(context))
        steps.append(domainSegments(context))
        return steps
    }

    /// The average metric score from the published metric scores: zeros out, weight-0 parts out, infections a third.
    static func averageScore(_ context: Context) -> StepAgreement {
        var compared = 0, agreed = 0, exact = 0
        var differences: [Difference] = []
        for card in context.cards {
            guard let published = card.published?.averageScore else { continue }
            compared += 1
            let ours = context.average(card, over: context.framework.metrics)?.value
            if Context.same(ours, published) { exact += 1 }
            if Context.close(ours, published) {
                agreed += 1
            } else {
                differences.append(Difference(org: card.org, row: PublishedRowID.averageScore, published: Context.text(published),
                                              recomputed: Context.text(ours), cause: .unexplained))
            }
        }
        return StepAgreement(step: .averageScore, title: "Average metric score",
                             rule: "weighted mean of the published metric scores: scores of 0 (missing) left out, metrics counted only through another left out, infection metrics weighted one third; within 0.01",
                             compared: compared, agreed: agreed, exact: exact, differences: differences)
    }

    /// Quartiles of the published averages, pooled across peer groups or within each, against the published
    /// unadjusted segment.
    static func unadjustedSegment(_ context: Context, pooled: Bool, against frameworkReading: StepAgreement? = nil) -> StepAgreement {
        let disagreeing = Set((frameworkReading?.differences ?? []).map(\.org))
        let entries = context.cards.indices.compactMap { i -> (Int, Score, Int)? in
            guard let published = context.cards[i].published, let average = published.averageScore,
                  let segment = published.unadjustedSegment else { return nil }
            return (i, Score(rounding: average), segment)
        }
        let boundaries = quartiles(entries.map { ($0.0, $0.1) }, context, pooled: pooled)
        var agreed = 0
        var differences: [Difference] = []
        for (i, score, segment) in entries {
            guard let cuts = boundaries[i] else { continue }
            let ours = cuts.quartile(of: score)
            if ours == segment {
                agreed += 1
                continue
            }
            let onCut = cuts.values.first { abs($0 - score.value) < 0.0001 }
            let org = context.cards[i].org
            let cause: Difference.Cause
            if frameworkReading != nil && !disagreeing.contains(org) {
                cause = .otherReadingGivesIt
            } else {
                cause = onCut.map { .onCutPoint($0, missing: context.missing) }
                    ?? (context.missing.isEmpty || !pooled ? .unexplained : .incompletePool(context.missing))
            }
            differences.append(Difference(org: org, row: PublishedRowID.unadjustedSegment,
                                          published: String(segment), recomputed: String(ours), cause: cause))
        }
        let how = pooled ? "pooled across the peer groups published" : "within each peer group"
        return StepAgreement(step: pooled == context.pooledCutPoints ? .unadjustedSegment : .unadjustedSegmentPerGroup,
                             title: "Unadjusted segment, cut-points \(how)",
                             rule: "quartiles (QUARTILE.INC) of the published averages \(how); at or below a cut-point takes the better segment",
                             compared: entries.count, agreed: agreed, differences: differences)
    }

    /// Each entry's quartile boundaries: one pooled set, or its own peer group's.
    static func quartiles(_ entries: [(Int, Score)], _ context: Context, pooled: Bool) -> [Int: QuartileBoundaries] {
        var byGroup: [PeerGroup?: [(Int, Score)]] = [:]
        for entry in entries { byGroup[pooled ? nil : context.groups[entry.0], default: []].append(entry) }
        var result: [Int: QuartileBoundaries] = [:]
        for (_, members) in byGroup {
            guard let cuts = QuartileBoundaries(sorted: members.map(\.1.hundredths).sorted()) else { continue }
            for (i, _) in members { result[i] = cuts }
        }
        return result
    }

    /// The published unadjusted segment, moved by the published deficit flag, against the published adjusted one.
    static func financialOverride(_ context: Context) -> StepAgreement {
        var compared = 0, agreed = 0
        var differences: [Difference] = []
        let rule = context.framework.segmentation.deficitOverride
        for card in context.cards {
            guard let published = card.published, let unadjusted = published.unadjustedSegment, let flag = published.financialOverrideFlag,
                  let adjusted = published.segment else { continue }
            compared += 1
            let ours = rule.map { flag && $0.fromSegments.contains(unadjusted) ? $0.to : unadjusted } ?? unadjusted
            if ours == adjusted { agreed += 1 } else {
                differences.append(Difference(org: card.org, row: PublishedRowID.adjustedSegment, published: String(adjusted),
                                              recomputed: String(ours), cause: .unexplained))
            }
        }
        let from = rule.map { $0.fromSegments.map(String.init).joined(separator: " or ") } ?? "none"
        return StepAgreement(step: .financialOverride, title: "Financial override",
                             rule: "a trust flagged as in deficit or on deficit support in segment \(from) moves to \(rule.map { String($0.to) } ?? "—")",
                             compared: compared, agreed: agreed, differences: differences)
    }

    /// League position within the trust type: adjusted segment, then average score, ties sharing the lowest rank.
    static func leagueRank(_ context: Context) -> StepAgreement {
        var compared = 0, agreed = 0
        var differences: [Difference] = []
        var byGroup: [PeerGroup: [(org: OrgCode, segment: Int, average: Int, rank: Int)]] = [:]
        for (i, card) in context.cards.enumerated() {
            guard let group = context.groups[i], let published = card.published, let segment = published.segment,
                  let average = published.averageScore, let rank = published.rank else { continue }
            byGroup[group, default: []].append((card.org, segment, Score(rounding: average).hundredths, rank))
        }
        for group in PeerGroup.allCases {
            guard let table = byGroup[group] else { continue }
            for entry in table {
                compared += 1
                let ours = 1 + table.filter { ($0.segment, $0.average) < (entry.segment, entry.average) }.count
                if ours == entry.rank { agreed += 1 } else {
                    differences.append(Difference(org: entry.org, row: PublishedRowID.adjustedSegment, published: String(entry.rank),
                                                  recomputed: String(ours), cause: .unexplained))
                }
            }
        }
        return StepAgreement(step: .leagueRank, title: "League rank",
                             rule: "within the trust type by the published adjusted segment, then the published average score; equal pairs share the lowest rank",
                             compared: compared, agreed: agreed, differences: differences)
    }

    /// The league table file against the data file, where both were imported for a trust.
    static func leagueTable(_ context: Context) -> StepAgreement? {
        var compared = 0, agreed = 0
        var differences: [Difference] = []
        for card in context.cards {
            guard let published = card.published, let league = published.league else { continue }
            compared += 1
            let data = (published.rows[PublishedRowID.adjustedSegment]?.value, published.rows[PublishedRowID.adjustedSegment]?.rank,
                        published.rows[PublishedRowID.averageScore]?.value)
            if Context.same(data.0, league.segment.map(Double.init)), data.1 == league.rank, Context.same(data.2, league.averageScore) {
                agreed += 1
            } else {
                differences.append(Difference(org: card.org, published: "segment \(Context.text(league.segment.map(Double.init))), rank \(league.rank.map(String.init) ?? "none"), average \(Context.text(league.averageScore))",
                                              recomputed: "data file: segment \(Context.text(data.0)), rank \(data.1.map(String.init) ?? "none"), average \(Context.text(data.2))",
                                              cause: .unexplained))
            }
        }
        guard compared > 0 else { return nil }
        return StepAgreement(step: .leagueTable, title: "League table file against the data file",
                             rule: "the league table's segment, rank and average score equal the data file's OF5000, its rank, and OF5002",
                             compared: compared, agreed: agreed, differences: differences)
    }

    /// Each domain's score from its published metric scores, the same way as the average.
    static func domainScores(_ context: Context) -> StepAgreement {
        var compared = 0, agreed = 0, exact = 0
        var differences: [Difference] = []
        for theme in context.framework.themes {
            guard let row = theme.scoreRow else { continue }
            let metrics = context.framework.metrics.filter { $0.theme == theme.id }
            for card in context.cards {
                guard let published = context.value(card, row) else { continue }
                compared += 1
                let ours = context.average(card, over: metrics)?.value
                if Context.same(ours, published) { exact += 1 }
                if Context.close(ours, published) { agreed += 1 } else {
                    differences.append(Difference(org: card.org, row: row, published: Context.text(published),
                                                  recomputed: Context.text(ours), cause: .unexplained))
                }
            }
        }
        return StepAgreement(step: .domainScores, title: "Domain scores",
                             rule: "each domain's published metric scores averaged as the overall score is; within 0.01",
                             compared: compared, agreed: agreed, exact: exact, differences: differences)
    }

    /// Each domain's segment: quartiles of the published domain scores, pooled as the overall cut-points are.
    static func domainSegments(_ context: Context) -> StepAgreement {
        var compared = 0, agreed = 0
        var differences: [Difference] = []
        for theme in context.framework.themes {
            guard let scoreRow = theme.scoreRow, let segmentRow = theme.segmentRow else { continue }
            let entries = context.cards.indices.compactMap { i -> (Int, Score)? in
                context.value(context.cards[i], scoreRow).map { (i, Score(rounding: $0)) }
            }
            let boundaries = quartiles(entries, context, pooled: context.pooledCutPoints)
            for (i, score) in entries {
                guard let published = context.value(context.cards[i], segmentRow), let cuts = boundaries[i] else { continue }
                compared += 1
                let ours = cuts.quartile(of: score)
                if Double(ours) == published {
                    agreed += 1
                    continue
                }
                let onCut = cuts.values.first { abs($0 - score.value) < 0.0001 }
                let cause: Difference.Cause = onCut.map { .onCutPoint($0, missing: context.missing) }
                    ?? context.poolCause(PeerGroup.allCases) ?? .unexplained
                differences.append(Difference(org: context.cards[i].org, row: segmentRow, published: Context.text(published),
                                              recomputed: String(ours), cause: cause))
            }
        }
        return StepAgreement(step: .domainSegments, title: "Domain segments",
                             rule: "quartiles of the published domain scores, pooled as the overall cut-points are (context only: they never move the segment)",
                             compared: compared, agreed: agreed, differences: differences)
    }
}
