import ArgumentParser
import BundledData
import Foundation
import OversightStore

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a store and report every problem with its file, line:column and JSON path.",
        discussion: """
        Exits 0 when the store is valid, 1 when it is not. Never changes the store. With no store \
        given and no default store yet, checks the bundled dataset.
        """
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    func run() throws {
        var location = storeOptions.location()
        if location.isTeamStore {
            // A team store has no files to check: opening it reads every record and history entry
            // through the strict JSON reader, which is the check there is to make from outside.
            let store = try location.open(storeOptions.storeOptions(readOnly: true))
            let data = store.dataset
            print("\(store.location): readable. \(data.footprints.count) footprints, \(data.organisations.count) organisations, "
                + "\(data.scorecards.count) scorecards, \(data.interventions.count) interventions; journal at entry \(store.lastSeq) "
                + "(\(store.history.count) entries). PostgreSQL checks each entry as it is committed.")
            store.close(compacting: false)
            return
        }
        var bundled = false
        // Only where nothing is there at all: a default store that cannot be read is reported, not swapped for the bundled data.
        if location.isDefault && StoreDirectory.inspect(StoreLayout(directory: location.path), fs: POSIXFileSystem()) == .absent {
            guard let directory = BundledData.storeDirectory() else { _ = try BundledSnapshot.bytes(); return }
            location = StoreLocation(path: directory.path, isDefault: false)
            bundled = true
            print("No store yet at \(StoreLocation.defaultPath()); checking the bundled dataset.")
        }
        // A directory that cannot be read, is not a store, or holds a link where a store file should
        // be: one message, with what to do, rather than a list.
        switch StoreDirectory.inspect(StoreLayout(directory: location.path), fs: POSIXFileSystem()) {
        case .unreadable(let why), .unsafe(let why), .notAStore(let why): throw CLIError(why)
        default: break
        }
        let report = StoreValidator.check(location.path, checkPermissions: !bundled)
        let problems = report.problems
        guard problems.isEmpty else {
            for problem in problems { print(problem.description) }
            throw CLIError("\(location.path): \(problems.count) problem\(problems.count == 1 ? "" : "s") found. The store was not changed.")
        }
        // The validator replayed the whole journal to check it: a valid store's counts come from that
        // one pass (opening it again through `Store.open` read and decoded every file twice).
        guard let data = report.dataset, let lastSeq = report.lastSeq else {
            throw CLIError("\(location.path): the snapshot could not be read. The store was not changed.")
        }
        // Every organisation record, closed ones included; the console's overview counts those open in
        // the period on screen (244 today of the bundled 249), so say how many of these have closed.
        let closed = data.organisations.filter { $0.closed != nil }.count
        let organisations = "\(data.organisations.count) organisations" + (closed > 0 ? " (\(closed) since closed)" : "")
        print("\(location.path): valid. \(data.footprints.count) footprints, \(organisations), \(data.scorecards.count) scorecards, \(data.interventions.count) interventions; journal at entry \(lastSeq).")
    }
}
