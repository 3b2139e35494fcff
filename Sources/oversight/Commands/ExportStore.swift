import ArgumentParser
import Foundation
import OversightPostgres
import OversightStore

/// `oversight export-store --store postgresql://… DIR`: a team store written out as a file store.
struct ExportStore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export-store",
        abstract: "Write a store out as a new file store directory (a team store's records, undo window and history).",
        discussion: """
        Reads the store named by --store (a team store's postgresql:// URL, or a directory) and creates a new \
        file store at DIR with the same records and history, and the undo window of everyone's recent actions. \
        DIR must not exist or be empty; nothing is overwritten. `oversight init --store postgresql://… --from DIR` \
        goes the other way.
        """
    )

    @OptionGroup var storeOptions: StoreOptionsGroup

    @Argument(help: ArgumentHelp("The new file store's directory.", valueName: "dir"))
    var directory: String

    func run() throws {
        let store = try storeOptions.location().open(storeOptions.storeOptions(readOnly: true))
        for notice in store.notices { printError(notice) }
        let payload: SnapshotPayload
        do {
            switch store {
            case let team as PostgresStore: payload = try team.exportPayload()
            case let files as Store: payload = try files.transferPayload()
            default: throw CLIError("This kind of store cannot be exported.")
            }
        } catch let error as StoreError {
            throw CLIError("Could not read the store: \(error)")
        }
        store.close(compacting: false)
        let path = (directory as NSString).expandingTildeInPath
        let target = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        do {
            try Store.create(target, snapshot: try SnapshotCodec.encode(payload))
        } catch let error as StoreError {
            throw CLIError(error.description)
        } catch {
            throw CLIError("Could not write the snapshot: \(error)")
        }
        print("Wrote a file store at \(target): \(payload.data.scorecards.count) scorecards, \(payload.data.notes.count) notes, "
            + "\(payload.log.count) history entries, up to entry \(payload.seq).")
    }
}
