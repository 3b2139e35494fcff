import ArgumentParser
import OversightDomain
import OversightStore

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load data into the store as one undoable journal entry.",
        subcommands: [Metrics.self, NOF.self]
    )

    struct Metrics: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "metrics",
            abstract: "Load metric values from a CSV file (org_code,peer_group,metric_id,value).",
            discussion: "All values go in as one entry: `oversight undo` takes the whole import back."
        )
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: "The CSV file.") var file: String
        @Option(help: "The framework the metrics belong to.") var framework: String
        @Option(help: "The period, e.g. 2025-26-Q3.") var period: String

        func run() throws {
            let session = try EditSession(storeOptions)
            let data = session.store.dataset
            guard let definition = data.framework(FrameworkID(framework)) else {
                throw CLIError("No framework \(framework). Known: \(data.frameworks.map(\.id.rawValue).joined(separator: ", ")).")
            }
            let table = try readTable(file, SegmentationCSV.valueColumns)
            let readings: [MetricReading]
            do {
                readings = try SegmentationCSV.readings(table, framework: definition, organisations: Set(data.organisations.map(\.code)))
            } catch {
                throw CLIError(error.description)
            }
            try session.commit(.importMetricValues(MetricImport(
                framework: definition.id, period: try parsePeriod(period, for: definition, today: session.store.today), readings: readings,
                provenance: Provenance(.sourced, source: table.file, note: "imported by \(session.store.user)"))))
        }
    }
}
