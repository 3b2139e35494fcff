import ArgumentParser
import Foundation
import OversightDomain
import OversightStore

extension Import {
    /// `oversight import nof FILE…`: NHS England's published NOF files, as downloaded, in one undoable entry.
    struct NOF: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "nof",
            abstract: "Load NHS England's published NOF files (data files and league tables, as downloaded) as one undoable entry.",
            discussion: """
            Give the CSV files exactly as downloaded from NHS England's "Segmentation and league tables" page, from \
            any release: each file is recognised by its header (a data file or a league table), not its name. Every \
            row is checked first; a row that cannot be read stops the import at its file and line, and nothing is \
            loaded. A quarter imported again from a later release replaces the earlier figures, and both releases \
            are kept on record. Trusts the register lacks are added from the file's own name and type. \
            `oversight undo` takes the whole import back.
            """
        )
        @OptionGroup var storeOptions: StoreOptionsGroup
        @Argument(help: ArgumentHelp("The CSV files.", valueName: "file")) var files: [String]
        @Option(help: ArgumentHelp("The quarter of a data file that names none (no Quarter column, no quarter in its summary rows), e.g. 2025-26-Q1.", valueName: "quarter"))
        var quarter: String?
        @Flag(help: "Let a file replace figures that came from a release running to a later quarter.")
        var replaceNewer = false
        @Flag(help: "Print what would be imported, and save nothing.")
        var dryRun = false

        func run() throws {
            let quarter = try self.quarter.map { text in
                guard let period = Period.parse(text), period.isQuarter else {
                    throw CLIError("--quarter: “\(text)” is not a quarter; type it like 2025-26-Q1.")
                }
                return period
            }
            // A dry run takes no lock and writes nothing, so it works beside an open console.
            let store: any RecordStore
            if dryRun {
                store = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
                for notice in store.notices { printError(notice) }
            } else {
                store = try EditSession(storeOptions).store
            }
            let loaded: [NOFFile]
            let plan: NOFImportPlan
            do {
                loaded = try files.map { path throws(NOFImportError) in try NOFFile.load(path) }
                plan = try NOFImporter.plan(loaded, into: store.dataset, options: NOFImportOptions(
                    quarter: quarter, replaceNewer: replaceNewer, importedAt: StoreOptions.systemClock(), importedBy: store.user))
            } catch {
                throw CLIError("\(error). Nothing was imported.")
            }
            print(NOFImportReportText.lines(plan, dataset: store.dataset).joined(separator: "\n"))
            if dryRun {
                do {
                    let change = try plan.edit.change(against: store.dataset)
                    print("Dry run: nothing was saved. Without --dry-run this is one journal entry of \(change.records.count) records.")
                } catch {
                    throw CLIError("Dry run: this import would be refused: \(error.description). Nothing was imported.")
                }
                store.close(compacting: false)
                return
            }
            let entry: JournalEntry
            do {
                entry = try store.commit(plan.edit)
            } catch StoreError.invalidEdit(_, let message) {
                throw CLIError("Not saved: \(message). Nothing was imported.")
            } catch {
                throw CLIError(error.description)
            }
            print("Saved: \(entry.label) (entry \(entry.seq)).")
            print("To take it back: oversight undo\(storeOptions.store.map { " --store \($0)" } ?? "")")
            store.close(compacting: false)
        }
    }
}
