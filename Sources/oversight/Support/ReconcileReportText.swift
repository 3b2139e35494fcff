import OversightDomain

/// A reconciliation laid out for people (a report) and for spreadsheets (one row per difference).
struct ReconcileReportText {
    let framework: Framework
    let names: [OrgCode: String]

    func text(_ report: ReconciliationReport, differences showDifferences: Bool) -> String {
        var lines: [String] = []
        lines.append("\(framework.shortName), \(report.period.label): NHS England's published figures recomputed")
        let published = PeerGroup.allCases.compactMap { group in report.publishedTrusts[group].map { "\($0) \(group.label)" } }
        lines.append("Published here: " + (published.isEmpty ? "nothing" : published.joined(separator: ", ")) + " trusts."
                     + (report.missingPeerGroups.isEmpty ? "" : " Not published here: \(report.missingPeerGroups.map(\.label).joined(separator: ", ")) (a pooled ranking or cut-point takes them in too)."))
        lines.append("")
        lines.append("Step 1: metric scores from the published values (strict: values equal as published tie; agree: NHS England's own rank orders them)")
        lines.append("  metric  name                                          agree     of   share  strict")
        var compared = 0, agreed = 0, strict = 0
        for metric in report.metrics where metric.compared > 0 {
            let name = metric.name.count > 44 ? String(metric.name.prefix(43)) + "…" : metric.name
            if metric.givenOnly {
                lines.append("  \(metric.metric.rawValue.padded(6))  \(name.padded(44))  given \(String(metric.compared).leftPadded(6))   published as a score only")
                continue
            }
            compared += metric.compared
            agreed += metric.agreed
            strict += metric.agreedStrict
            lines.append("  \(metric.metric.rawValue.padded(6))  \(name.padded(44))  \(String(metric.agreed).leftPadded(5))  \(String(metric.compared).leftPadded(5))  \(percent(metric.agreed, metric.compared).leftPadded(6))  \(String(metric.agreedStrict).leftPadded(6))")
        }
        for metric in report.metrics {
            guard let pool = metric.impliedPool else { continue }
            lines.append("  \(metric.metric.rawValue): every published score fits a ranking of \(pool.size) trusts: the \(pool.here) ranked here and \(pool.size - pool.here) not published here")
        }
        lines.append("  all recomputed metric scores                          \(String(agreed).leftPadded(5))  \(String(compared).leftPadded(5))  \(percent(agreed, compared).leftPadded(6))  \(String(strict).leftPadded(6))")
        lines.append("")
        for step in report.steps {
            let exact = step.exact.map { " (exactly: \($0))" } ?? ""
            lines.append("\(step.title): \(step.agreed) of \(step.compared) agree\(exact)")
            lines.append("  rule: \(step.rule)")
            if step.step == .unadjustedSegment { lines.append(contentsOf: cutPointLines(report.cutPoints)) }
        }
        let all = report.differences
        if !all.isEmpty {
            var byCause: [String: Int] = [:]
            for difference in all { byCause[Self.causeKind(difference.cause), default: 0] += 1 }
            lines.append("")
            lines.append("Differences by cause (\(all.count)): " + byCause.sorted { $0.value > $1.value }.map { "\($0.value) \($0.key)" }.joined(separator: "; "))
        }
        if showDifferences {
            let all = report.metrics.flatMap { metric in metric.differences.map { ("Metric score \(metric.metric.rawValue)", $0) } }
                + report.steps.flatMap { step in step.differences.map { (step.title, $0) } }
            lines.append("")
            lines.append(all.isEmpty ? "No differences." : "Differences (\(all.count)):")
            for (title, difference) in all {
                let name = names[difference.org].map { " " + ($0.count > 30 ? String($0.prefix(29)) + "…" : $0) } ?? ""
                lines.append("  \(difference.org)\(name) · \(title): published \(difference.published), recomputed \(difference.recomputed): \(difference.cause.explanation)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cause without its particulars, for counting.
    static func causeKind(_ cause: Difference.Cause) -> String {
        switch cause {
        case .incompletePool(let groups): return "pooled with \(groups.map(\.label).joined(separator: " and ")) trusts not published here"
        case .tieAcrossPeerGroups: return "equal as published to a trust of another peer group"
        case .onCutPoint: return "exactly on a cut-point"
        case .lastPlace: return "one in the second decimal"
        case .noValue: return "no value published"
        case .followsMetricScores: return "follow from metric scores above"
        case .otherReadingGivesIt: return "disprove the other reading"
        case .unexplained: return "NOT EXPLAINED"
        }
    }

    func cutPointLines(_ check: CutPointCheck) -> [String] {
        guard !check.pooled.isEmpty else { return [] }
        var lines = ["  cut-points from the trusts here: " + check.pooled.map { formatDecimal($0, decimals: 4) }.joined(separator: ", ")]
        let ranges = check.implied.enumerated().map { k, range in
            range.map { "Q\(k + 1) in [\(formatDecimal($0.low, decimals: 2)), \(formatDecimal($0.high, decimals: 2)))" } ?? "Q\(k + 1) unbounded"
        }
        lines.append("  the published segments need: " + ranges.joined(separator: ", ")
                     + (check.consistent ? " (one set of cut-points gives every published segment)" : " (no single set gives every published segment)"))
        return lines
    }

    static let csvColumns = ["period", "step", "org_code", "org_name", "row", "published", "recomputed", "cause"]

    func csv(_ reports: [ReconciliationReport]) -> String {
        var text = ReconcileReportText.csvColumns.joined(separator: ",") + "\n"
        for report in reports {
            let rows = report.metrics.flatMap { metric in metric.differences.map { ("metric-score", $0) } }
                + report.steps.flatMap { step in step.differences.map { (step.step.rawValue, $0) } }
            for (step, difference) in rows {
                let fields = [report.period.id, step, difference.org.rawValue, names[difference.org] ?? "", difference.row?.rawValue ?? "",
                              difference.published, difference.recomputed, difference.cause.explanation]
                text += fields.map(ReconcileReportText.csvField).joined(separator: ",") + "\n"
            }
        }
        return text
    }

    private func percent(_ part: Int, _ whole: Int) -> String {
        whole == 0 ? "-" : formatDecimal(100 * Double(part) / Double(whole), decimals: 1) + "%"
    }

    static func csvField(_ text: String) -> String { CSVOutput.field(text) }
}
