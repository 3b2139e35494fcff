import ArgumentParser
import BundledData
import Foundation
import OversightPostgres
import OversightStore

/// Options every command that works on a store takes.
struct StoreOptionsGroup: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store: a directory, or a team store's postgresql://user@host:5432/db URL (default: $OVERSIGHT_STORE, else $XDG_DATA_HOME/oversight/store).", valueName: "dir|url"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Who your edits are recorded as (default: your login name).", valueName: "name"))
    var user: String?

    /// Where the store is, and whether it is the default one (which is created on first use).
    func location() -> StoreLocation {
        if let store { return StoreLocation.given(store) }
        let env = ProcessInfo.processInfo.environment
        if let path = env["OVERSIGHT_STORE"], !path.isEmpty { return StoreLocation.given(path) }
        return StoreLocation(path: StoreLocation.defaultPath(), isDefault: true)
    }



    func storeOptions(readOnly: Bool = false) -> StoreOptions {
        var options = StoreOptions(readOnly: readOnly)
        if let user, !user.isEmpty {
            options.user = user
            // The store records a cleaned name whatever it is given; say so when that changes it.
            let recorded = StoreOptions.recordable(user: user)
            if recorded != user { printError("--user: recorded as “\(recorded)” (control characters and escape sequences removed).") }
        }
        return options
    }

}

struct StoreLocation {
    var path: String
    var isDefault: Bool

    /// A store the user named: a URL is kept as given (it is parsed when opened, so a bad one is
    /// reported by the command that uses it); a directory is made absolute.
    static func given(_ text: String) -> StoreLocation {
        guard !PostgresURL.isURL(text) else { return StoreLocation(path: text, isDefault: false) }
        let expanded = (text as NSString).expandingTildeInPath
        let path = expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
        return StoreLocation(path: path, isDefault: false)
    }

    static func defaultPath() -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (NSHomeDirectory() + "/.local/share")
        return base + "/oversight/store"
    }

    /// Whether this names a team store (a postgresql:// URL) rather than a directory.
    var isTeamStore: Bool { PostgresURL.isURL(path) }

    /// The team store's URL, read libpq's way (PGPASSWORD, .pgpass, sslmode), or a message saying what is wrong with it.
    func teamURL() throws -> PostgresURL {
        do {
            return try PostgresURL(path)
        } catch {
            throw CLIError("--store: \(error)")
        }
    }

    /// Opens the store, whichever kind it is: the team store at a URL, else the directory (`openFiles`).
    func open(_ options: StoreOptions) throws -> any RecordStore {
        guard isTeamStore else { return try openFiles(options) }
        do {
            return try PostgresStore.open(try teamURL(), options: options)
        } catch let error as StoreError {
            throw CLIError(error.description)
        }
    }

    /// Opens a file store, creating the default one from the bundled dataset on first use: only where
    /// nothing is there at all (or an empty folder, or what an interrupted first run left). A store
    /// that exists but cannot be read is never created over: the message says why and how to fix it.
    /// For what only the file store has (compact, repair, validate's file and line); a URL is refused, saying so.
    func openFiles(_ options: StoreOptions, command: String = "this command") throws -> Store {
        if isTeamStore {
            throw CLIError("\(command) works on a file store's directory; a team store on PostgreSQL keeps its journal in the database, which needs no \(command). "
                + "`oversight export-store --store \(path) DIR` writes a file store from it.")
        }
        let verdict = StoreDirectory.inspect(StoreLayout(directory: path), fs: options.fileSystem)
        switch verdict {
        case .absent, .empty, .interruptedCreate:
            if isDefault {
                do {
                    try Store.create(path, snapshot: BundledSnapshot.bytes(), fileSystem: options.fileSystem)
                } catch let error as StoreError {
                    throw CLIError("Could not create the store at \(path): \(error)")
                }
                printError("Created a new store at \(path) from the bundled dataset (the English NHS oversight landscape and its public record).")
            }
        case .unreadable(let why), .unsafe(let why), .notAStore(let why):
            throw CLIError(why)
        case .store:
            break
        }
        do {
            return try Store.open(path, options: options)
        } catch {
            throw CLIError(error.description)
        }
    }
}

/// The bundled dataset's snapshot bytes, or a message saying where it was looked for.
enum BundledSnapshot {
    static func bytes() throws -> [UInt8] {
        guard let directory = BundledData.storeDirectory(),
              let data = FileManager.default.contents(atPath: directory.appendingPathComponent(StoreLayout.snapshotName).path) else {
            let places = BundledData.candidateStoreDirectories().map { "  " + $0.path }.joined(separator: "\n")
            throw CLIError("""
            The bundled dataset is missing. Looked for snapshot.json in:
            \(places)
            Copy the oversight_BundledData.resources directory from the build folder next to the binary, \
            or set OVERSIGHT_BUNDLED_DATA to a directory holding snapshot.json.
            """)
        }
        return Array(data)
    }
}
