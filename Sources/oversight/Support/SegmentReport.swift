import Foundation
import OversightDomain

/// A segmentation result laid out for the command line: a table for people, CSV and JSON for scripts.
struct SegmentReport {
    let title: String
    let result: SegmentationResult
    let metrics: [MetricDefinition]
    let names: [OrgCode: String]
    /// What NHS England published for the quarter, on a store; nil for CSV files, where nothing is published.
    var published: PublishedColumns? = nil

    static let columns = ["org_code", "peer_group", "metrics_scored", "raw_score", "delivery_score",
                          "financial_override", "segment", "rank", "distance_to_next"]
    static let detailColumns = ["org_code", "metric_id", "value", "score"]

    /// League order: peer group, then rank (the published one where there is one), then code;
    /// organisations with no segment last.
    func rows(peerGroup: PeerGroup?) -> [SegmentComputation] {
        let order = Dictionary(uniqueKeysWithValues: PeerGroup.allCases.enumerated().map { ($1, $0) })
        let rank = { (row: SegmentComputation) in self.published?.league.standings[row.org]?.rank ?? row.rank ?? Int.max }
        return result.organisations
            .filter { peerGroup == nil || $0.peerGroup == peerGroup }
            .sorted { a, b in
                let ka = (a.peerGroup.flatMap { order[$0] } ?? 9, rank(a), a.org)
                let kb = (b.peerGroup.flatMap { order[$0] } ?? 9, rank(b), b.org)
                return ka < kb
            }
    }

    func fields(_ row: SegmentComputation) -> [String] {
        [row.org.rawValue, row.peerGroup?.rawValue ?? "", String(row.metricsScored), row.rawScore?.description ?? "",
         row.quartile.map(String.init) ?? "", row.financialOverride?.applied == true ? "yes" : "no",
         row.segment.map(String.init) ?? "", row.rank.map(String.init) ?? "",
         row.distance.map { formatDecimal($0.fall, decimals: 2) } ?? ""]
    }

    /// `--detail` as CSV is one long table, which a spreadsheet opens as it is: a row per organisation
    /// and metric that applies to it, with how the score was reached, then the organisation's own
    /// columns repeated on each of its rows, so that the sheet filters and pivots by any of them.
    static let detailCSVColumns = detailColumns + ["how"] + columns.dropFirst()

    /// The metrics that apply to the organisation's peer group (an acute-only metric has no row for
    /// an ambulance trust), in the framework's order.
    func detailScores(_ row: SegmentComputation) -> [MetricScore] {
        row.metrics.filter(\.appliesToPeerGroup)
    }

    func detailFields(_ row: SegmentComputation) -> [[String]] {
        detailScores(row).map { [row.org.rawValue, $0.metric.rawValue, valueText($0.value), $0.score?.description ?? ""] }
    }

    private func valueText(_ value: MetricValue) -> String {
        switch value {
        case .number(let number): return formatDecimal(number, decimals: 4).replacingOccurrences(of: #"\.?0+$"#, with: "", options: .regularExpression)
        case .count(let count): return formatDecimal(count, decimals: 0) + " (count)"
        case .missing: return ""
        case .suppressed: return "suppressed"
        case .notApplicable: return "n/a"
        }
    }

    func csv(_ rows: [SegmentComputation], detail: Bool) -> String {
        if let published { return publishedCSV(rows, published, detail: detail) }
        guard detail else {
            var text = SegmentReport.columns.joined(separator: ",") + "\n"
            for row in rows { text += fields(row).map(csvField).joined(separator: ",") + "\n" }
            return text
        }
        var text = SegmentReport.detailCSVColumns.joined(separator: ",") + "\n"
        for row in rows {
            let organisation = fields(row).dropFirst()
            for (score, line) in zip(detailScores(row), detailFields(row)) {
                text += (line + [score.basis.explanation()] + organisation).map(csvField).joined(separator: ",") + "\n"
            }
        }
        return text
    }

    func table(_ rows: [SegmentComputation], detail: Bool) -> String {
        if let published { return publishedTable(rows, published, detail: detail) }
        var text = "\(title)\n"
        var group: PeerGroup??
        // "=12" for a joint rank, as the console's league table shows it.
        var sharing: [String: Int] = [:]
        for row in rows { if let rank = row.rank { sharing["\(row.peerGroup?.rawValue ?? "")/\(rank)", default: 0] += 1 } }
        for row in rows {
            if group != .some(row.peerGroup) {
                group = .some(row.peerGroup)
                let size = result.table(row.peerGroup ?? .acute)?.league.count ?? 0
                text += "\n\(row.peerGroup?.label.capitalized ?? "Not segmented") (\(size) ranked)\n"
                text += " rank  code    seg  quartile  raw   override  metrics  to next  near  name\n"
            }
            let joint = row.rank.map { sharing["\(row.peerGroup?.rawValue ?? "")/\($0)", default: 0] > 1 } ?? false
            text += tableLine(row, joint: joint) + "\n"
            if detail {
                for score in detailScores(row) {
                    let name = metrics.first { $0.id == score.metric }?.name ?? score.metric.rawValue
                    text += "        \(score.metric.rawValue.padded(16)) \(valueText(score.value).leftPadded(10))  \((score.score?.description ?? "-").leftPadded(4))  \(name): \(score.basis.explanation())\n"
                }
            }
        }
        return text
    }

    /// One league line: fixed-width columns, numbers right-aligned.
    private func tableLine(_ row: SegmentComputation, joint: Bool) -> String {
        let rank: String = row.rank.map { (joint ? "=" : "") + String($0) } ?? "-"
        let segment: String = row.segment.map(String.init) ?? "-"
        let quartile: String = row.quartile.map(String.init) ?? "-"
        let raw: String = row.rawScore?.description ?? "-"
        let override: String = row.financialOverride?.applied == true ? "deficit" : ""
        let toNext: String = row.distance.map { formatDecimal($0.fall, decimals: 2) } ?? "-"
        let near: String = row.isNearBoundary ? "near" : ""
        let name: String = names[row.org].map { $0.count > 38 ? String($0.prefix(37)) + "…" : $0 } ?? ""
        var parts: [String] = []
        parts.append(rank.leftPadded(5))
        parts.append(row.org.rawValue.padded(6))
        parts.append(segment.padded(4))
        parts.append(quartile.padded(8))
        parts.append(raw.padded(5))
        parts.append(override.padded(8))
        parts.append(String(row.metricsScored).padded(7))
        parts.append(toNext.leftPadded(7))
        parts.append(near.padded(4))
        parts.append(name)
        return parts.joined(separator: "  ")
    }

    func json(_ rows: [SegmentComputation], detail: Bool) -> String {
        let objects: [[String: Any]] = rows.map { row in
            var object: [String: Any] = [:]
            for (key, value) in zip(SegmentReport.columns, fields(row)) { object[key] = value }
            if let name = names[row.org] { object["name"] = name }
            object["near_boundary"] = row.isNearBoundary
            if let distance = row.distance {
                object["improvements"] = distance.improvements.map {
                    ["metric_id": $0.metric.rawValue, "from": $0.from, "to": $0.to,
                     "score_from": $0.fromScore.value, "score_to": $0.toScore.value] as [String: Any]
                }
            }
            if detail {
                object["metrics"] = detailFields(row).map { Dictionary(uniqueKeysWithValues: zip(SegmentReport.detailColumns, $0)) }
            }
            if let published {
                // The same keys as the CSV: NHS England's figures and ours beside them.
                for (key, value) in zip(PublishedColumns.columns, published.fields(row.org, name: names[row.org], row)) {
                    object[key] = value
                }
                object["raw_score"] = nil
                object["delivery_score"] = nil
                object["financial_override"] = nil
            }
            return object
        }
        let data = try! JSONSerialization.data(withJSONObject: ["title": title, "organisations": objects], options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    /// The table for people on a store: the published league, with "ours" beside each line as the check.
    private func publishedTable(_ rows: [SegmentComputation], _ published: PublishedColumns, detail: Bool) -> String {
        var text = "\(title): NHS England's published figures, and ours recomputed from its values beside them\n"
        if published.isEmpty { text += "NHS England has published no segments for this quarter in this store: only ours are shown.\n" }
        var group: PeerGroup??
        for row in rows {
            if group != .some(row.peerGroup) {
                group = .some(row.peerGroup)
                let count = row.peerGroup.map { published.league.count($0) } ?? 0
                text += "\n\(row.peerGroup?.label.capitalized ?? "Not segmented") (\(count) published)\n"
                text += " rank  code    seg  unadj  average  deficit  | ours: seg  average  rank  agree  name\n"
            }
            let standing = published.league.standings[row.org]
            let name = names[row.org].map { $0.count > 30 ? String($0.prefix(29)) + "…" : $0 } ?? ""
            let parts: [String] = [
                (standing?.rankText ?? "-").leftPadded(5),
                row.org.rawValue.padded(6),
                // "2→5": the adjusted segment, and the final 5 of the Recovery Support Programme.
                (standing.map { "\($0.segment)" + ($0.finalSegment.map { "→\($0)" } ?? "") } ?? "-").padded(4),
                (standing?.unadjustedSegment.map(String.init) ?? "-").padded(5),
                (standing?.averageScore.map { formatDecimal($0, decimals: 2) } ?? "-").leftPadded(7),
                (standing?.inDeficit == true ? "yes" : "").padded(7),
                "|      " + (row.adjustedSegment.map(String.init) ?? "-").padded(3),
                (row.rawScore?.description ?? "-").leftPadded(7),
                (row.rank.map(String.init) ?? "-").leftPadded(4),
                published.agrees(row.org, row).padded(5),
                name,
            ]
            text += parts.joined(separator: "  ") + "\n"
            let why = published.whyNot(row.org)
            if !why.isEmpty { text += "        differs: \(why)\n" }
            if detail {
                for score in detailScores(row) {
                    let metric = metrics.first { $0.id == score.metric }
                    let theirs = published.publishedScore(row.org, metric)
                    text += "        \(score.metric.rawValue.padded(8)) \(valueText(score.value).leftPadded(10))  published \((theirs.isEmpty ? "-" : theirs).leftPadded(4))  ours \((score.score?.description ?? "-").leftPadded(4))  \(metric?.name ?? score.metric.rawValue)\n"
                }
            }
        }
        return text
    }

    /// On a store: NHS England's figures first, the recomputation beside them.
    private func publishedCSV(_ rows: [SegmentComputation], _ published: PublishedColumns, detail: Bool) -> String {
        guard detail else {
            var text = PublishedColumns.columns.joined(separator: ",") + "\n"
            for row in rows { text += published.fields(row.org, name: names[row.org], row).map(csvField).joined(separator: ",") + "\n" }
            return text
        }
        var text = (PublishedColumns.detailColumns + PublishedColumns.columns.dropFirst()).joined(separator: ",") + "\n"
        for row in rows {
            let organisation = published.fields(row.org, name: names[row.org], row).dropFirst()
            for score in detailScores(row) {
                let metric = metrics.first { $0.id == score.metric }
                let line = [row.org.rawValue, score.metric.rawValue, valueText(score.value), published.publishedScore(row.org, metric),
                            score.score?.description ?? "", score.basis.explanation()]
                text += (line + organisation).map(csvField).joined(separator: ",") + "\n"
            }
        }
        return text
    }

    private func csvField(_ text: String) -> String { CSVOutput.field(text) }
}
