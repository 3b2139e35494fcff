import Foundation
import OversightDomain

/// On a store, the report leads with what NHS England published (segment, average score, rank) and puts
/// this tool's recomputation beside it as the check: the published figure is the one a paper quotes.
/// Whether they agree is `oversight reconcile`'s end-to-end judgement, and so is the cause of each difference.
struct PublishedColumns {
    let league: PublishedLeague
    /// Each trust's published rows, for the metric scores of `--detail`.
    let assessments: [OrgCode: PublishedAssessment]
    /// Where the recomputed average, adjusted segment or rank differs from the published one.
    let differences: [OrgCode: [Difference]]
    /// Each trust's metric scores that differ, whose causes are why its own figures differ.
    let metricDifferences: [OrgCode: [Difference]]
    /// Metric scores that differ across the quarter, which move every rank.
    let allMetricDifferences: Int

    static let columns = ["org_code", "org_name", "peer_group", "segment", "unadjusted_segment", "average_score", "rank",
                          "rank_shared", "ranked_in_group", "in_deficit", "final_segment", "release",
                          "computed_segment", "computed_unadjusted_segment", "computed_average_score", "computed_rank",
                          "agrees", "why_not", "metrics_scored", "distance_to_next"]
    static let detailColumns = ["org_code", "metric_id", "value", "published_score", "computed_score", "how"]

    init(_ dataset: Dataset, framework: FrameworkID, period: Period) {
        league = PublishedLeague(dataset, framework: framework, period: period)
        assessments = Dictionary(dataset.scorecards.filter { $0.framework == framework && $0.period == period }
            .compactMap { card in card.published.map { (card.org, $0) } }, uniquingKeysWith: { first, _ in first })
        let endToEnd: Set<StepAgreement.Step> = [.endToEndAverage, .endToEndSegment, .endToEndRank]
        let report = try? Reconciliation.run(dataset, framework: framework, period: period)
        differences = Dictionary(grouping: (report?.steps ?? []).filter { endToEnd.contains($0.step) }.flatMap(\.differences), by: \.org)
        let metricScores = report?.metrics.flatMap(\.differences) ?? []
        metricDifferences = Dictionary(grouping: metricScores, by: \.org)
        allMetricDifferences = metricScores.count
    }

    var isEmpty: Bool { league.standings.isEmpty }

    /// Whether the recomputation gives the published adjusted segment, rank and average (within 0.01);
    /// empty where nothing was published or nothing computed.
    func agrees(_ org: OrgCode, _ row: SegmentComputation?) -> String {
        guard league.standings[org] != nil, row?.adjustedSegment != nil else { return "" }
        return differences[org, default: []].isEmpty ? "yes" : "no"
    }

    /// Why they differ, in the terms of the root cause: the trust's own metric scores that differ and why they
    /// do ("ranked with ambulance trusts, whose figures … are not published here"), else the cause of the
    /// average or segment itself (a cut-point, a last decimal), else that the rank moves with other trusts'.
    func whyNot(_ org: OrgCode) -> String {
        let found = differences[org, default: []]
        guard !found.isEmpty else { return "" }
        var reasons: [String] = []
        let own = metricDifferences[org, default: []]
        if !own.isEmpty {
            reasons.append("\(own.count) of its metric scores differ (\(PublishedColumns.causes(own).joined(separator: "; ")))")
        } else {
            let ownFigures = found.filter { if case .followsMetricScores = $0.cause { false } else { true } }
            reasons += PublishedColumns.unique(ownFigures.map(\.cause.explanation))
        }
        if own.isEmpty, found.contains(where: { if case .followsMetricScores = $0.cause { true } else { false } }) {
            reasons.append("its rank moves with other trusts' averages (\(allMetricDifferences) metric scores differ this quarter)")
        }
        return reasons.joined(separator: "; ")
    }

    /// The causes in words, each once, with the missing peer groups of every pooled ranking named together.
    private static func causes(_ differences: [Difference]) -> [String] {
        var missing: Set<PeerGroup> = []
        var others: [String] = []
        for difference in differences {
            if case .incompletePool(let groups) = difference.cause { missing.formUnion(groups) } else { others.append(difference.cause.explanation) }
        }
        let pooled = PeerGroup.allCases.filter(missing.contains)
        return (pooled.isEmpty ? [] : [Difference.Cause.incompletePool(pooled).explanation]) + unique(others)
    }

    private static func unique(_ texts: [String]) -> [String] {
        texts.reduce(into: []) { seen, text in if !seen.contains(text) { seen.append(text) } }
    }

    func fields(_ org: OrgCode, name: String?, _ row: SegmentComputation?) -> [String] {
        let standing = league.standings[org]
        let published: [String] = [
            standing.map { String($0.segment) } ?? "",
            standing?.unadjustedSegment.map(String.init) ?? "",
            standing?.averageScore.map { formatDecimal($0, decimals: 2) } ?? "",
            standing?.rank.map(String.init) ?? "",
            standing.map { $0.joint ? "yes" : "no" } ?? "",
            standing.map { String($0.rankedInGroup) } ?? "",
            standing?.inDeficit.map { $0 ? "yes" : "no" } ?? "",
            standing?.finalSegment.map(String.init) ?? "",
            standing?.release.rawValue ?? "",
        ]
        let computed: [String] = [
            row?.adjustedSegment.map(String.init) ?? "",
            row?.quartile.map(String.init) ?? "",
            row?.rawScore?.description ?? "",
            row?.rank.map(String.init) ?? "",
            agrees(org, row),
            whyNot(org),
            row.map { String($0.metricsScored) } ?? "",
            row?.distance.map { formatDecimal($0.fall, decimals: 2) } ?? "",
        ]
        let group = standing?.peerGroup.rawValue ?? row?.peerGroup?.rawValue ?? ""
        return [org.rawValue, name ?? "", group] + published + computed
    }

    /// The score NHS England published for a metric, as published (0 where it scored nothing).
    func publishedScore(_ org: OrgCode, _ metric: MetricDefinition?) -> String {
        guard let metric, let value = assessments[org]?.rows[metric.scoreRow ?? metric.id]?.value else { return "" }
        return formatDecimal(value, decimals: 2)
    }
}
