import ArgumentParser
import Foundation
import OversightDomain
import OversightStore

/// `oversight reconcile`: NHS England's published figures recomputed step by step, with every difference.
struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Recompute NHS England's published NOF figures and show where they agree.",
        discussion: """
        For each quarter with published figures: metric scores from the values, the average from the scores, \
        the quartile cut-points and unadjusted segments, the financial override, the league rank, the domains, \
        and the whole method end to end, each with how many agree and every difference with its cause where known. \
        The console shows NHS England's figures; this is the check on them (docs/segmentation.md).
        """
    )

    @OptionGroup var storeOptions: StoreOptionsGroup
    @Option(help: "The framework id.") var framework: String = "nof-2025-26"
    @Option(help: "One quarter, e.g. 2025-26-Q1 (default: every quarter with published figures).") var period: String?
    @Option(help: "text (a report) or csv (one row per difference).") var format: Format = .text
    @Flag(help: "Leave out the list of differences (text only).") var summary = false

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv }

    func run() throws {
        let store: any RecordStore = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
        let data = store.dataset
        let id = FrameworkID(framework)
        guard let definition = data.framework(id) else {
            throw CLIError("No framework \(framework). Known: \(data.frameworks.map(\.id.rawValue).joined(separator: ", ")).")
        }
        let periods: [Period]
        if let period {
            periods = [try parsePeriod(period)]
        } else {
            periods = Reconciliation.publishedPeriods(data, framework: id)
            guard !periods.isEmpty else {
                throw CLIError("\(definition.shortName) has no published figures in this store; import them with `oversight import nof FILE…`.")
            }
        }
        let reports: [ReconciliationReport]
        do {
            reports = try periods.map { try Reconciliation.run(data, framework: id, period: $0) }
        } catch {
            throw CLIError("\(error)")
        }
        let printer = ReconcileReportText(framework: definition, names: Dictionary(data.organisations.map { ($0.code, $0.name) }, uniquingKeysWith: { a, _ in a }))
        switch format {
        case .text: print(reports.map { printer.text($0, differences: !summary) }.joined(separator: "\n"), terminator: "")
        case .csv: print(printer.csv(reports), terminator: "")
        }
    }
}
