import ArgumentParser
import Foundation
import OversightDomain
import OversightStore

struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "segment",
        abstract: "Compute NOF 2025/26 segments, league tables and distances to the next segment.",
        discussion: """
        On a store: oversight segment --framework nof-2025-26 --period 2025-26-Q1 [--peer-group acute]
        On CSV files (no store): oversight segment --metrics METRICS.csv --values VALUES.csv [--orgs ORGS.csv]
        File formats and output columns: docs/segmentation-cli.md.
        """
    )

    @OptionGroup var storeOptions: StoreOptionsGroup
    @Option(help: "The framework id (store mode).") var framework: String = "nof-2025-26"
    @Option(help: "The period, e.g. 2025-26-Q1 (store mode; default: the latest with scorecards).") var period: String?
    @Option(help: "Only this peer group: acute, non-acute or ambulance.") var peerGroup: String?
    @Option(help: "table, csv or json.") var format: OutputFormat = .table
    @Flag(help: "Also show each metric's value and score.") var detail = false
    @Option(help: ArgumentHelp("Metric definitions (CSV mode).", valueName: "file")) var metrics: String?
    @Option(help: ArgumentHelp("Values (CSV mode).", valueName: "file")) var values: String?
    @Option(help: ArgumentHelp("Deficit and PIP flags per organisation (CSV mode, optional).", valueName: "file")) var orgs: String?

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, csv, json
    }

    func validate() throws {
        if (metrics == nil) != (values == nil) {
            throw ValidationError("CSV mode needs both --metrics and --values.")
        }
        if orgs != nil && metrics == nil {
            throw ValidationError("--orgs goes with --metrics and --values.")
        }
        if let peerGroup, PeerGroup.parse(peerGroup) == nil {
            throw ValidationError("--peer-group must be acute, non-acute or ambulance.")
        }
    }

    func run() throws {
        let report: SegmentReport
        if let metrics, let values {
            report = try csvReport(metrics: metrics, values: values)
        } else {
            report = try storeReport()
        }
        let group = peerGroup.flatMap(PeerGroup.init(rawValue:))
        let rows = report.rows(peerGroup: group)
        switch format {
        case .table: print(report.table(rows, detail: detail), terminator: "")
        case .csv: print(report.csv(rows, detail: detail), terminator: "")
        case .json: print(report.json(rows, detail: detail))
        }
        for problem in report.result.problems { printError("note: \(problem)") }
    }

    private func storeReport() throws -> SegmentReport {
        let store: any RecordStore = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
        // Above all, that the figures are made up when they are: segments are what gets pasted into papers.
        for notice in store.notices { printError(notice) }
        let data = store.dataset
        guard let definition = data.framework(FrameworkID(framework)) else {
            throw CLIError("No framework \(framework). Known: \(data.frameworks.map(\.id.rawValue).joined(separator: ", ")).")
        }
        guard definition.computesSegments else {
            throw CLIError("\(definition.shortName) segments by judgement, not by a computed method; only \(data.frameworks.filter(\.computesSegments).map(\.id.rawValue).joined(separator: ", ")) can be computed.")
        }
        let chosen: Period
        if let period {
            chosen = try parsePeriod(period)
        } else {
            guard let latest = data.scorecards.filter({ $0.framework == definition.id && !$0.values.isEmpty }).map(\.period).max() else {
                throw CLIError("\(definition.shortName) has no scorecards in this store.")
            }
            chosen = latest
        }
        let result: SegmentationResult
        do {
            result = try Segmentation.compute(data, framework: definition.id, period: chosen)
        } catch {
            throw CLIError("\(error)")
        }
        if result.organisations.isEmpty {
            throw CLIError("\(definition.shortName) has no scorecards for \(chosen.label).")
        }
        let published = PublishedColumns(data, framework: definition.id, period: chosen)
        if published.isEmpty {
            printError("NHS England's figures for \(chosen.label) are not in this store: the published columns are empty, and the computed_ ones are this tool's own.")
        }
        return SegmentReport(title: "\(definition.shortName), \(chosen.label)", result: result, metrics: definition.metrics,
                             names: Dictionary(uniqueKeysWithValues: data.organisations.map { ($0.code, $0.name) }),
                             published: published)
    }

    private func csvReport(metrics: String, values: String) throws -> SegmentReport {
        do {
            let definitions = try SegmentationCSV.metrics(try readTable(metrics, SegmentationCSV.metricColumns))
            let valueTable = try readTable(values, SegmentationCSV.valueColumns)
            let orgTable = try orgs.map { try readTable($0, SegmentationCSV.orgColumns) }
            let input = try SegmentationCSV.input(metrics: definitions, values: valueTable, orgs: orgTable)
            let result = try Segmentation.compute(input)
            return SegmentReport(title: "NOF 2025/26 method on \(values)", result: result, metrics: definitions, names: [:])
        } catch let error as CSVFileError {
            throw CLIError(error.description)
        } catch let error as SegmentationError {
            throw CLIError("\(error)")
        }
    }
}

/// Reads a CSV file by path, with a clear message when it cannot be read.
func readTable(_ path: String, _ columns: [String]) throws -> CSVTable {
    guard let data = FileManager.default.contents(atPath: path) else {
        throw CLIError("Cannot read \(path): no such file, or no permission to read it.")
    }
    guard let text = String(data: data, encoding: .utf8) else {
        throw CLIError("\(path) is not UTF-8 text; save it as UTF-8 CSV.")
    }
    do {
        return try CSVTable.parse(text, file: (path as NSString).lastPathComponent, required: columns)
    } catch {
        throw CLIError(error.description)
    }
}
