import OversightDomain
import OversightStore

/// What `oversight import nof` says it read and what it will change, before it saves: each file, the
/// trusts added to the register, the trusts re-typed, the figures replaced and from which release,
/// and the rows the framework does not know.
enum NOFImportReportText {
    /// Re-typed trusts listed one by one up to this many; beyond it, a count (a first import re-types most of the register).
    static let retypeExamples = 5

    static func lines(_ plan: NOFImportPlan, dataset: Dataset) -> [String] {
        var lines: [String] = ["Read \(count(plan.files.count, "file")):"]
        for file in plan.files {
            let release = file.release
            let quarters = release.quarters.count == 1 ? release.quarters[0].label
                : "\(release.quarters.first!.label)–\(release.quarters.last!.label) (\(release.quarters.count) quarters)"
            lines.append("  \(file.path)")
            lines.append("    \(release.kind.label); \(release.trustTypes.joined(separator: ", ")); \(quarters); "
                + "\(count(release.trusts, "trust")), \(count(release.rows, "row")); release \(release.id), sha256 \(release.sha256.prefix(16))…")
        }
        if plan.added.isEmpty {
            lines.append("Trusts added to the register: none.")
        } else {
            lines.append("Trusts added to the register (not held before; named, typed and placed as NHS England's file gives them, no footprint recorded):")
            for org in plan.added {
                let region = dataset.region(org.region)?.name ?? org.region.rawValue
                lines.append("  \(org.code)  \(org.name) (\(org.type?.label ?? "no type"), \(region))")
            }
        }
        if !plan.retyped.isEmpty {
            lines.append("Trust types taken from the files for \(count(plan.retyped.count, "trust")) (sourced to the file, replacing the register's):")
            for item in plan.retyped.prefix(retypeExamples) {
                let from = [item.before.type?.label ?? "no type", item.before.subtype].compactMap { $0 }.joined(separator: ", ")
                let to = [item.after.type?.label ?? "no type", item.after.subtype].compactMap { $0 }.joined(separator: ", ")
                lines.append("  \(item.after.code)  \(from) → \(to)")
            }
            if plan.retyped.count > retypeExamples { lines.append("  … and \(plan.retyped.count - retypeExamples) more") }
        }
        if plan.replaced.isEmpty {
            lines.append("Figures replaced: none (every trust-quarter is new to the store).")
        } else {
            lines.append("Figures replaced (the earlier release stays on record, named on each scorecard):")
            for item in plan.replaced {
                let what = item.kind == .dataFile ? "figures" : "league lines"
                let from = item.release?.label ?? "release \(item.releaseID)"
                lines.append("  \(item.quarters.map(\.label).joined(separator: ", ")) \(what) of \(count(item.scorecards, "trust")), "
                    + "from \(from)" + (item.newer ? " (a release running to a later quarter: --replace-newer)" : ""))
            }
        }
        if !plan.unknownRows.isEmpty {
            let framework = plan.batch.scorecards.first.flatMap { dataset.framework($0.framework)?.shortName } ?? "the framework"
            lines.append("Rows whose Metric_ID \(framework) does not define (kept as published, not scored):")
            for item in plan.unknownRows {
                lines.append("  \(item.path): \(item.metric), \(count(item.rows, "row")) (first on line \(item.firstLine))")
            }
        }
        lines += plan.notes.map { "Note: \($0)" }
        return lines
    }

    /// "1 trust", "7,265 rows".
    static func count(_ n: Int, _ noun: String) -> String {
        var digits = String(n)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        return digits + grouped + " " + noun + (n == 1 ? "" : "s")
    }
}
