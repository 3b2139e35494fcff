import OversightDomain

/// Scores the illustrative NOF cards the way NOF 2025/26 does (metric scores, average, quartiles
/// within the peer group, the deficit override) to see whether trusts with a known place land near
/// it and whether the published segments agree with the illustrative values. A report, not a rule:
/// the console's own segmentation engine is the authority.
struct LeagueCheck {
    struct Standing {
        let code: OrgCode
        let average: Double
        let computed: Int
        let adjusted: Int
        var rank = 0
    }

    let framework: Framework

    /// Standings per peer group for one quarter, ranked as the league tables rank them.
    func standings(_ cards: [Scorecard], organisations: [OrgCode: Organisation]) -> [PeerGroup: [Standing]] {
        var result: [PeerGroup: [Standing]] = [:]
        for group in PeerGroup.allCases {
            let members = cards.filter { organisations[$0.org]?.peerGroup == group }
            guard !members.isEmpty else { continue }
            var scores: [OrgCode: [(Double, Double)]] = [:]
            for metric in framework.metrics(for: group) {
                for (code, score) in metricScores(metric, members) { scores[code, default: []].append((score, metric.weight)) }
            }
            var averages: [(OrgCode, Double)] = members.compactMap { card in
                guard let list = scores[card.org], !list.isEmpty else { return nil }
                let total = list.reduce(0) { $0 + $1.0 * $1.1 } / list.reduce(0) { $0 + $1.1 }
                return (card.org, IllustrativeScorecards.round(total, decimals: framework.segmentation.scoreDecimals))
            }
            averages.sort { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
            var standings: [Standing] = []
            for (code, average) in averages {
                let first = averages.firstIndex { $0.1 == average }!
                let segment = 1 + min(3, 4 * first / averages.count)
                let finance = members.first { $0.org == code }?.finance
                let inDeficit = finance.map { $0.reportsDeficit || $0.receivesDeficitSupport } ?? false
                let override = framework.segmentation.deficitOverride
                let adjusted = inDeficit && override?.fromSegments.contains(segment) == true ? override!.to : segment
                standings.append(Standing(code: code, average: average, computed: segment, adjusted: adjusted))
            }
            standings.sort { ($0.adjusted, $0.average, $0.code) < ($1.adjusted, $1.average, $1.code) }
            for i in standings.indices { standings[i].rank = i + 1 }
            result[group] = standings
        }
        return result
    }

    /// Scores 1.00 (best) to 4.00 for one metric across a peer group.
    func metricScores(_ metric: MetricDefinition, _ cards: [Scorecard]) -> [(OrgCode, Double)] {
        let values = cards.compactMap { card in card.number(metric.id).map { (card.org, $0) } }
        switch metric.scoring {
        case .context, .matrix: return []
        case .score: return values
        case .bespoke(let brackets):
            return values.compactMap { code, value in brackets.first { $0.contains(value) }.map { (code, $0.score) } }
        case .ranked:
            var result: [(OrgCode, Double)] = []
            var rest: [(OrgCode, Double)] = []
            for (code, value) in values {
                if metric.meetsStandard(value) == true { result.append((code, 1)) }
                else if metric.failsFloor(value) == true { result.append((code, 4)) }
                else { rest.append((code, value)) }
            }
            let low: Double = metric.standard == nil ? 1 : 2
            let high: Double = metric.floor == nil ? 4 : 3
            rest.sort { metric.isBetter($0.1, than: $1.1) || ($0.1 == $1.1 && $0.0 < $1.0) }
            for (code, value) in rest {
                let first = rest.firstIndex { $0.1 == value }!
                let score = rest.count == 1 ? low : low + (high - low) * Double(first) / Double(rest.count - 1)
                result.append((code, IllustrativeScorecards.round(score, decimals: framework.segmentation.scoreDecimals)))
            }
            return result
        }
    }
}
