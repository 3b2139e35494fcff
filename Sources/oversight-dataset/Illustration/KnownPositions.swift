import OversightDomain

/// What the public record says about where a trust stood, turned into targets for its
/// illustrative performance: a percentile in its peer group in the anchor quarter (0 best, 1 worst),
/// a direction of travel, and what its finances must show.
struct KnownPosition {
    enum FinanceFact { case surplus, deficit, deficitSupport }
    enum Trend { case improving, steady, deteriorating }

    var percentile: Double
    var trend: Trend?
    var finance: FinanceFact?
    /// Where the target came from, for the check's report.
    var basis: String

    /// Targets from league positions, then published NOF segments, then published SOF segments.
    static func derive(_ reference: ReferenceTables, parameters: IllustrationParameters,
                       openCounts: [PeerGroup: Int], trusts: [OrgCode: TrustRow]) throws -> [OrgCode: KnownPosition] {
        let p = parameters.positions
        var known: [OrgCode: KnownPosition] = [:]
        var knownSizes: [PeerGroup: Int] = [:]
        for row in reference.leaguePositions { if let size = row.tableSize { knownSizes[row.table] = max(knownSizes[row.table] ?? 0, size) } }

        func percentile(_ row: LeaguePositionRow) throws -> Double {
            let size = Double(row.tableSize ?? knownSizes[row.table] ?? openCounts[row.table] ?? 1)
            if let rank = row.rank { return min(1, max(0, (Double(rank) - 0.5) / size)) }
            switch row.qualifier {
            case "bottom": return (size - 0.5) / size
            case "near bottom": return p.nearBottomPercentile
            case "among worst": return p.amongWorstPercentile
            default:
                if let place = row.listPosition { return (Double(p.listRankOffset + place) - 0.5) / size }
                throw GeneratorError("nof_2025_26_positions.csv: \(row.code) has no rank, no known qualifier (bottom, near bottom, among worst) and no list position")
            }
        }

        for row in reference.leaguePositions {
            guard let trust = trusts[row.code] else {
                throw GeneratorError("nof_2025_26_positions.csv names \(row.code), which is not in trusts.csv")
            }
            guard trust.type.peerGroup == row.table else {
                throw GeneratorError("nof_2025_26_positions.csv puts \(row.code) in the \(row.table.rawValue) table, but trusts.csv classes it \(trust.type.rawValue)")
            }
            let value = try percentile(row)
            if row.period == parameters.anchorQuarter {
                var position = known[row.code] ?? KnownPosition(percentile: value, basis: "")
                position.percentile = value
                position.basis = row.rank.map { "rank \($0)" } ?? row.qualifier ?? "list place \(row.listPosition ?? 0)"
                if row.receivesDeficitSupport { position.finance = .deficitSupport } else if row.reportsDeficit { position.finance = .deficit }
                known[row.code] = position
            }
        }
        // A later published place sets the direction of travel.
        for row in reference.leaguePositions where row.period > parameters.anchorQuarter {
            guard var position = known[row.code] else { continue }
            let later = try percentile(row)
            position.trend = later < position.percentile ? .improving : (later > position.percentile ? .deteriorating : .steady)
            known[row.code] = position
        }

        func segmentPercentile(_ segment: Int, _ row: PublishedDecisionRow) throws -> Double {
            guard let value = p.segmentPercentiles[String(segment)] else {
                throw GeneratorError("illustration.json positions.segmentPercentiles has nothing for segment \(segment) (needed by \(row.org) \(row.period))")
            }
            return value
        }
        for row in reference.publishedDecisions where row.framework == parameters.nofFramework && row.period == parameters.anchorQuarter {
            guard trusts[row.org] != nil, known[row.org] == nil else { continue }
            known[row.org] = KnownPosition(percentile: try segmentPercentile(row.segment, row), trend: nil,
                                           finance: row.segment <= 2 ? .surplus : nil, basis: "NOF segment \(row.segment)")
        }
        // SOF segments speak of earlier years: the trust is held steady so that the earlier years agree.
        let sofRows = reference.publishedDecisions.filter { $0.framework == parameters.sofFramework }.sorted { $0.period < $1.period }
        for row in sofRows.reversed() where trusts[row.org] != nil && known[row.org] == nil {
            known[row.org] = KnownPosition(percentile: try segmentPercentile(row.segment, row), trend: .steady, finance: nil,
                                           basis: "SOF segment \(row.segment) in \(row.period.label)")
        }
        for (code, position) in known where position.finance == nil && position.percentile < p.surplusIfPercentileBelow {
            known[code]?.finance = .surplus
        }
        return known
    }
}
