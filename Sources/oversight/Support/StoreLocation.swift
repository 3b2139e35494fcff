import ArgumentParser
import BundledData
import Foundation
import OversightStore

/// Options every command that works on a store takes.
struct StoreOptionsGroup: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store directory (default: $OVERSIGHT_STORE, else $XDG_DATA_HOME/oversight/store).", valueName: "dir"))
    var store: String?

    @Option(name: .long, help: ArgumentHelp("Who your edits are recorded as (default: your login name).", valueName: "name"))
    var user: String?

    /// Where the store is, and whether it is the default one (which is created on first use).
    func location() -> StoreLocation {
        if let store { return StoreLocation(path: absolute(store), isDefault: false) }
        let env = ProcessInfo.processInfo.environment
        if let path = env["OVERSIGHT_STORE"], !path.isEmpty { return StoreLocation(path: absolute(path), isDefault: false) }
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

    private func absolute(_ path: String) -> String {
        let expanded = (path as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? expanded : FileManager.default.currentDirectoryPath + "/" + expanded
    }
}

struct StoreLocation {
    var path: String
    var isDefault: Bool

    static func defaultPath() -> String {
        let env = ProcessInfo.processInfo.environment
        let base = env["XDG_DATA_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? (NSHomeDirectory() + "/.local/share")
        return base + "/oversight/store"
    }

    /// Opens the store, creating the default one from the bundled dataset on first use: only where
    /// nothing is there at all (or an empty folder, or what an interrupted first run left). A store
    /// that exists but cannot be read is never created over: the message says why and how to fix it.
    func open(_ options: StoreOptions) throws -> Store {
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
