import OversightDomain
import OversightStore

/// NHS England's published NOF files, imported into the register as `oversight import nof` would import them,
/// so that the bundled store holds the figures exactly as a user's import would. The files stay in their folder
/// outside the repository; the store carries their facts in its own format, each naming its file and line.
enum PublishedFigures {
    static func importFolder(_ folder: String, into register: Dataset) throws -> (dataset: Dataset, report: [String], warnings: [String]) {
        let found: (files: [NOFFile], skipped: [String])
        do {
            found = try NOFImporter.publishedFiles(inFolder: folder)
        } catch {
            throw GeneratorError("\(error)\nThe published NOF files are read from \(folder) (--published DIR).")
        }
        guard !found.files.isEmpty else {
            throw GeneratorError("\(folder) holds no NHS England NOF data file or league table (--published DIR)")
        }
        let plan: NOFImportPlan
        do {
            plan = try NOFImporter.plan(found.files, into: register)
        } catch {
            throw GeneratorError("\(error)")
        }
        var dataset: Dataset
        do {
            (dataset, _) = try plan.edit.apply(to: register)
        } catch {
            throw GeneratorError("the published files do not fit the register: \(error)")
        }
        let warnings = dropRestatedDecisions(&dataset)
        var report = plan.files.map { "imported \($0.release.label): \($0.release.trusts) trusts, \($0.release.rows) rows" }
        report += found.skipped.map { "skipped \($0): not a NOF data file or league table" }
        if !plan.added.isEmpty { report.append("added to the register from the files: " + plan.added.map(\.code.rawValue).joined(separator: ", ")) }
        return (dataset, report, warnings)
    }

    /// A segment from the public record (a trust's own report) for a trust and quarter NHS England has published
    /// figures for says the same thing twice, and could one day say it differently: NHS England's figure stands.
    /// It is dropped, with a warning if it disagreed.
    static func dropRestatedDecisions(_ dataset: inout Dataset) -> [String] {
        var warnings: [String] = []
        for index in dataset.scorecards.indices {
            let card = dataset.scorecards[index]
            guard let decision = card.decision, decision.basis == .published, let published = card.published?.segment else { continue }
            if decision.segment != published {
                warnings.append("\(card.id): the public record says segment \(decision.segment), NHS England published \(published); NHS England's figure is kept")
            }
            dataset.scorecards[index].decision = nil
        }
        return warnings
    }
}
