import OversightDomain

extension Store {
    /// Creates a new store at `directory` from a framed snapshot (the bundled dataset's, say).
    /// Refuses to touch a directory that exists and is not empty, unless all it holds is what an
    /// interrupted create leaves (no snapshot.json, an empty journal, empty backups/ and quarantine/),
    /// so that init can be run again after a crash during init. The snapshot is checked first:
    /// a bad one never becomes a store. Every new directory entry is fsynced, up to the parent.
    public static func create(_ directory: String, snapshot bytes: [UInt8], fileSystem fs: FileSystem = POSIXFileSystem()) throws(StoreError) {
        let layout = StoreLayout(directory: directory)
        if case .failure(let failure) = readSnapshot(bytes) {
            throw .unreadable("The snapshot to start from is not usable (\(failure)).")
        }
        if fs.exists(layout.directory) {
            guard fs.isDirectory(layout.directory) else { throw .alreadyExists(layout.directory) }
            let names = (try? fs.list(layout.directory)) ?? []
            guard names.isEmpty || isInterruptedCreate(layout, names: names, fs: fs) else { throw .alreadyExists(layout.directory) }
        }
        do throws(IOFailure) {
            let created = try makeDirectories(layout.directory, fs: fs)
            try fs.setMode(layout.directory, StoreLayout.directoryMode)
            for path in [layout.readme, layout.journal, layout.snapshotTemp, layout.lock] where fs.exists(path) {
                try fs.remove(path)
            }
            for path in [layout.backups, layout.quarantine] where !fs.isDirectory(path) {
                try fs.makeDirectory(path, mode: StoreLayout.directoryMode)
            }
            let store = StoreWriter(fs: fs)
            try store.writeDurably(Array(StoreLayout.readmeText.utf8), to: layout.readme)
            try store.writeDurably([], to: layout.journal)
            try store.writeDurably(bytes, to: layout.snapshotTemp)
            try fs.rename(layout.snapshotTemp, layout.snapshot)
            try fs.syncDirectory(layout.directory)
            // The store's own entry, and those of any directories made for it, must survive a power cut too.
            for parent in Set(created.map(StoreLayout.parent(of:))).sorted(by: { $0.count > $1.count }) {
                try fs.syncDirectory(parent)
            }
        } catch {
            throw .writeFailed(error)
        }
    }

    /// Whether a non-empty directory holds only what a create cut short by a crash leaves behind.
    static func isInterruptedCreate(_ layout: StoreLayout, names: [String], fs: FileSystem) -> Bool {
        let leftovers: Set<String> = ["README.txt", StoreLayout.journalName, "snapshot.json.tmp", "backups", "quarantine", "LOCK"]
        guard Set(names).isSubset(of: leftovers) else { return false }
        if let journal = try? fs.read(layout.journal), !journal.isEmpty { return false }
        for path in [layout.backups, layout.quarantine] where fs.exists(path) {
            guard fs.isDirectory(path), (try? fs.list(path))?.isEmpty == true else { return false }
        }
        return true
    }

    /// `mkdir -p`, each new directory private. Returns the directories it made.
    @discardableResult
    static func makeDirectories(_ path: String, fs: FileSystem) throws(IOFailure) -> [String] {
        var prefix = ""
        var created: [String] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + part
            if !fs.exists(prefix) {
                try fs.makeDirectory(prefix, mode: StoreLayout.directoryMode)
                created.append(prefix)
            }
        }
        return created
    }
}

/// The durable-write step on its own, for creating a store before there is a Store object.
struct StoreWriter {
    let fs: FileSystem

    func writeDurably(_ bytes: [UInt8], to path: String) throws(IOFailure) {
        let handle = try fs.createExclusive(path, mode: StoreLayout.fileMode)
        defer { fs.close(handle) }
        var written = 0
        while written < bytes.count {
            let count = try fs.write(handle, bytes[written...])
            guard count > 0 else { throw IOFailure(errno: 5, operation: "write", path: path) }
            written += count
        }
        try fs.sync(handle)
    }
}
