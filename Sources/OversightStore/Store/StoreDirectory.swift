/// What a path holds, judged by looking only: no lock taken, no file made, no mode changed. Every
/// command asks this before it touches anything, so that a directory that is not a store (or a
/// store this process cannot read) is left exactly as it was.
///
/// A directory is a store when it holds the store's marker as the store writes it: `snapshot.json`
/// beginning with a frame (`{"crc":"`), or `README.txt` beginning with the line the store writes
/// there (a store whose snapshot is missing is still a store, to be repaired, not replaced). And
/// every name the store uses in it must be what the store makes: a plain file or a directory,
/// never a link, a FIFO, a device or a socket.
public enum StoreDirectory {
    public enum Verdict: Equatable, Sendable {
        /// Nothing is there at all: a store may be created.
        case absent
        /// An empty directory this process can read: a store may be created in it.
        case empty
        /// Only what a create cut short leaves (each file checked to be the store's own): init may finish.
        case interruptedCreate
        /// An oversight store, every file of which is a plain file or folder this process can read.
        case store
        /// Something is there that this process cannot read; the message says what and how to fix it.
        case unreadable(String)
        /// Something is there that is not a store; nothing in it may be touched.
        case notAStore(String)
        /// A store one of whose files is a link, a FIFO, a device or a socket.
        case unsafe(String)
    }

    /// The names a store uses, and what each must be.
    static let entries: [(name: String, directory: Bool)] = [
        (StoreLayout.snapshotName, false), (StoreLayout.journalName, false), ("README.txt", false), ("LOCK", false),
        ("backups", true), ("quarantine", true), ("snapshot.json.tmp", false), ("journal.jsonl.tmp", false),
        (StoreLayout.initMarkerName, false), (StoreLayout.snapshotIndexName, false), ("snapshot-index.json.tmp", false),
    ]

    /// The first line of README.txt, as the store writes it.
    static let readmeMarker = Array("This directory is an oversight store.".utf8)

    public static func inspect(_ layout: StoreLayout, fs: FileSystem) -> Verdict {
        let directory = layout.directory
        let root: FileStatus?
        do {
            root = try fs.status(directory, followingLinks: true)
        } catch {
            return .unreadable("Cannot reach \(directory): \(IOFailure.explain(error.errno)) on a directory above it. Nothing was changed. Check the permissions of the directories on the way (`ls -ld` each), then try again.")
        }
        guard let root else { return .absent }
        guard root.kind == .directory else {
            return .notAStore("\(directory) is \(root.kind.described), not a directory, so it is not an oversight store. Nothing was changed.")
        }
        let names: [String]
        do {
            names = try fs.list(directory)
        } catch {
            return .unreadable(cannotRead(directory, root, error, fix: "chmod 700"))
        }
        if names.isEmpty { return .empty }

        // Every name the store uses must be a plain file or a folder; anything else is refused as it is.
        var found: [String: FileStatus] = [:]
        for entry in entries where names.contains(entry.name) {
            let path = directory + "/" + entry.name
            do {
                guard let status = try fs.status(path) else { continue }
                found[entry.name] = status
                let expected: FileStatus.Kind = entry.directory ? .directory : .file
                if status.kind != expected {
                    return .unsafe(unsafeMessage(entry.name, in: directory, status))
                }
            } catch {
                return .unreadable(cannotRead(directory, root, error, fix: "chmod 700"))
            }
        }
        // The store's data must be readable by this process, before anything is decided about it.
        for name in [StoreLayout.snapshotName, StoreLayout.journalName] where found[name] != nil {
            let path = directory + "/" + name
            do {
                _ = try fs.readPrefix(path, count: 1)
            } catch {
                return .unreadable(cannotRead(path, found[name]!, error, fix: "chmod 600"))
            }
        }
        for name in ["backups", "quarantine"] where found[name] != nil {
            do {
                _ = try fs.list(directory + "/" + name)
            } catch {
                return .unreadable(cannotRead(directory + "/" + name, found[name]!, error, fix: "chmod 700"))
            }
        }

        if found[StoreLayout.snapshotName] != nil, startsWith(layout.snapshot, Frame.prefix, fs: fs) { return .store }
        if isInterruptedCreate(layout, names: names, fs: fs) { return .interruptedCreate }
        // A store whose snapshot is missing or damaged from its first byte is still a store (for repair
        // to look at), known by what else the store writes: its README, its framed journal, its backups.
        if found["README.txt"] != nil, startsWith(layout.readme, readmeMarker, fs: fs) { return .store }
        if found[StoreLayout.journalName] != nil, startsWith(layout.journal, Frame.prefix, fs: fs) { return .store }
        if found["backups"] != nil, ((try? fs.list(layout.backups)) ?? []).contains(where: { $0.hasPrefix("snapshot-") && $0.hasSuffix(".json") }) {
            return .store
        }
        let shown = names.prefix(4).joined(separator: ", ") + (names.count > 4 ? ", …" : "")
        return .notAStore("\(directory) holds \(names.count) entr\(names.count == 1 ? "y" : "ies") (\(shown)) but no snapshot.json written by oversight, so it is not an oversight store. Nothing in it was changed. To make a new store, choose a new or empty directory: `oversight init --store DIR`.")
    }

    /// Whether a file begins with `marker`.
    static func startsWith(_ path: String, _ marker: [UInt8], fs: FileSystem) -> Bool {
        guard let bytes = try? fs.readPrefix(path, count: marker.count) else { return false }
        return bytes == marker
    }

    /// Whether a non-empty directory holds only what a create cut short by a crash leaves behind.
    /// While init's marker is there, they are init's whatever a power cut left in them (a file whose
    /// write never reached its fsync may hold anything); without it (an init by an older oversight),
    /// each is checked to be what create writes: README.txt (or the start of it), an empty journal,
    /// the start of a framed snapshot under its scratch name, an empty or pid-holding LOCK.
    /// Folders must be empty, and the journal empty, either way.
    static func isInterruptedCreate(_ layout: StoreLayout, names: [String], fs: FileSystem) -> Bool {
        let leftovers: Set<String> = ["README.txt", StoreLayout.journalName, "snapshot.json.tmp", "backups", "quarantine", "LOCK",
                                      StoreLayout.initMarkerName]
        guard Set(names).isSubset(of: leftovers) else { return false }
        func read(_ path: String) -> [UInt8]? { (try? fs.read(path)) ?? nil }
        for path in [layout.backups, layout.quarantine] where names.contains(StoreLayout.parentless(path)) {
            guard (try? fs.list(path))?.isEmpty == true else { return false }
        }
        if names.contains(StoreLayout.journalName) {
            guard read(layout.journal)?.isEmpty == true else { return false }
        }
        if names.contains(StoreLayout.initMarkerName) { return true }
        if names.contains("README.txt") {
            guard let text = read(layout.readme), Array(StoreLayout.readmeText.utf8).starts(with: text) else { return false }
        }
        if names.contains("snapshot.json.tmp") {
            guard let bytes = read(layout.snapshotTemp), bytes.starts(with: Frame.prefix.prefix(bytes.count)) else { return false }
        }
        if names.contains("LOCK") {
            guard let bytes = read(layout.lock), bytes.allSatisfy({ (0x30...0x39).contains($0) || $0 == 0x0A }) else { return false }
        }
        return true
    }

    static func cannotRead(_ path: String, _ status: FileStatus, _ error: IOFailure, fix: String) -> String {
        let what = status.kind == .directory ? "the directory" : "the file"
        let mode = String(status.mode, radix: 8)
        let padded = String(repeating: "0", count: max(0, 3 - mode.count)) + mode
        return "Cannot read \(path): \(IOFailure.explain(error.errno)) (\(what)'s mode is \(padded), owner uid \(status.owner)). Nothing was changed. If it is yours, give yourself access again with `\(fix) \(path)`, then run the command again."
    }

    static func unsafeMessage(_ name: String, in directory: String, _ status: FileStatus) -> String {
        let target = status.linkTarget.map { " (to \($0))" } ?? ""
        let expected = name == "backups" || name == "quarantine" ? "a folder" : "a plain file"
        // The index is made from snapshot.json, so there is nothing to restore: whatever is there can go.
        let fix = name == StoreLayout.snapshotIndexName
            ? "It is only an index oversight makes from snapshot.json: move it out of the store (`mv \(directory)/\(name) ~/`), and the next oversight that edits the store writes it again."
            : "Put the store's real \(name) back in its place (from a copy of the store, say), then try again."
        return "\(name) in \(directory) is \(status.kind.described)\(target), where the store keeps \(expected). oversight never follows links or reads anything but plain files in a store, so it has not read or changed it. \(fix) Nothing was changed."
    }
}

extension StoreLayout {
    /// The last part of a path.
    static func parentless(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
