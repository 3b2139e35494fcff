extension SegmentationRun {
    /// Steps 3 and 4, domain scores, league tables, distances and near-boundary flags, gathered per organisation.
    func result() -> SegmentationResult {
        let organisations = self.organisations
        let themes = prepared.themes
        let domains = domainScores()

        var adjusted = [Int?](repeating: nil, count: organisations.count)
        var overrides = [FinancialOverride?](repeating: nil, count: organisations.count)
        var final = [Int?](repeating: nil, count: organisations.count)
        var decisions = [DecisionOutcome?](repeating: nil, count: organisations.count)
        for (o, org) in organisations.enumerated() {
            guard let quartile = quartiles[o] else { continue }
            overrides[o] = SegmentSteps.override(quartile: quartile, reportsDeficit: org.reportsDeficit,
                                                 receivesDeficitSupport: org.receivesDeficitSupport, rules: rules)
            let afterOverride = overrides[o]?.to ?? quartile
            adjusted[o] = afterOverride
            let decided = SegmentSteps.decide(adjusted: afterOverride, decision: org.decision, rules: rules)
            final[o] = decided.segment
            decisions[o] = decided.outcome
        }

        var ranks = [Int?](repeating: nil, count: organisations.count)
        var tableSizes = [Int](repeating: 0, count: organisations.count)
        var tables: [PeerGroupTable] = []
        for group in groups {
            let ranked = members[group]!.filter { final[$0] != nil }
            let league = LeagueTable.rank(ranked.map { o in
                LeagueEntry(rank: 0, org: organisations[o].code, adjustedSegment: adjusted[o]!, segment: final[o]!,
                            rawScore: Score(hundredths: raw[o]!))
            })
            // League order is by code within a tie, so match entries back to positions by code, once per group.
            let positionOf = Dictionary(uniqueKeysWithValues: ranked.map { (organisations[$0].code, $0) })
            for entry in league { ranks[positionOf[entry.org]!] = entry.rank }
            for o in members[group]! { tableSizes[o] = league.count }
            var domainBoundaries: [ThemeID: QuartileBoundaries] = [:]
            for (t, theme) in themes.enumerated() { domainBoundaries[theme] = domains.boundaries[group]?[t] }
            tables.append(PeerGroupTable(peerGroup: group, boundaries: boundaries[group], league: league, domainBoundaries: domainBoundaries))
        }

        let margin = rules.nearBoundaryMargin.map { roundHalfAwayFromZero($0 * 100) }
        let ids = metrics.map(\.id)
        let metricThemes = metrics.map(\.theme)
        var computations: [SegmentComputation] = []
        computations.reserveCapacity(organisations.count)
        for (o, org) in organisations.enumerated() {
            let base = o * metricCount
            var lines: [MetricScore] = []
            lines.reserveCapacity(metricCount)
            for m in 0..<metricCount {
                lines.append(MetricScore(metric: ids[m], theme: metricThemes[m], value: prepared.value(o, m),
                                         score: scores[base + m].map(Score.init(hundredths:)), weight: weights[m],
                                         basis: bases[base + m].basis(prepared.shapes[m])))
            }
            let groupBoundaries = org.peerGroup.flatMap { boundaries[$0] }
            var near: [BoundaryProximity] = []
            if let margin, let score = raw[o], let groupBoundaries {
                for (k, boundary) in groupBoundaries.hundredths.enumerated() where abs(Double(score) - boundary) <= Double(margin) {
                    near.append(BoundaryProximity(boundary: k + 1, value: boundary / 100, gap: (Double(score) - boundary) / 100))
                }
            }
            var notSegmented: String?
            if org.peerGroup == nil {
                notSegmented = "no peer group: only providers of a known type (acute, non-acute, ambulance) are segmented"
            } else if raw[o] == nil {
                notSegmented = "no metric could be scored, so there is no raw score"
            }
            computations.append(SegmentComputation(
                org: org.code, peerGroup: org.peerGroup, metrics: lines, metricsScored: means[o]?.count ?? 0,
                totalWeight: means[o]?.weight ?? 0, weightedMean: means[o].map { $0.mean / 100 },
                rawScore: raw[o].map(Score.init(hundredths:)), boundaries: groupBoundaries, quartile: quartiles[o],
                financialOverride: overrides[o], adjustedSegment: adjusted[o], decision: decisions[o], segment: final[o],
                rank: ranks[o], tableSize: tableSizes[o], domains: domains.scores[o], distance: distance(o),
                nearBoundaries: near, notSegmented: notSegmented))
        }
        return SegmentationResult(organisations: computations, peerGroups: tables, themes: themes, problems: problems)
    }

    /// Each domain scored the same way on its own metrics, and quartiled within the peer group: context only.
    func domainScores() -> (scores: [[DomainScore]], boundaries: [PeerGroup: [QuartileBoundaries?]]) {
        let themes = prepared.themes
        var metricsOf = [[Int]](repeating: [], count: themes.count)
        for (m, t) in prepared.themeOfMetric.enumerated() { metricsOf[t].append(m) }
        var domainRaw = [[MeanOfScores?]](repeating: [], count: organisations.count)
        for o in organisations.indices where organisations[o].peerGroup != nil {
            let base = o * metricCount
            domainRaw[o] = metricsOf.map { subset in SegmentationRun.mean(over: subset, weights: weights) { m in scores[base + m] } }
        }
        var groupBoundaries: [PeerGroup: [QuartileBoundaries?]] = [:]
        // Domain segments follow the overall cut-points' pool: each group's own, or every group's together.
        let pooled = rules.quartilePool == .allProviders
        for group in groups {
            let peers = pooled ? groups.flatMap { members[$0]! } : members[group]!
            groupBoundaries[group] = themes.indices.map { t in
                QuartileBoundaries(sorted: peers.compactMap { o in
                    domainRaw[o][t].map { roundHundredths($0.mean, decimals: decimals) }
                }.sorted())
            }
        }
        let perOrganisation = organisations.indices.map { o -> [DomainScore] in
            themes.enumerated().map { t, theme in
                let mean = domainRaw[o].isEmpty ? nil : domainRaw[o][t]
                let score = mean.map { Score(hundredths: roundHundredths($0.mean, decimals: decimals)) }
                let quartile = score.flatMap { score in
                    organisations[o].peerGroup.flatMap { groupBoundaries[$0]?[t] }?.quartile(of: score)
                }
                return DomainScore(theme: theme, metricsScored: mean?.count ?? 0, score: score, quartile: quartile)
            }
        }
        return (perOrganisation, groupBoundaries)
    }
}
