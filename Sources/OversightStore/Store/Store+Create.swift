import OversightDomain

extension Store {
    /// Creates a new store at `directory` from a framed snapshot (the bundled dataset's, say).
    /// Only where nothing is there, or in an empty directory, or over what an interrupted create
    /// leaves (each leftover checked to be create's own: see `StoreDirectory`), so that init can be
    /// run again after a crash during init; anything else is refused before it is touched. The
    /// snapshot is checked first: a bad one never becomes a store. Every new directory entry is
    /// fsynced, up to the parent. If creating fails (a full disk, say), everything it made is
    /// removed again and a directory it was given is put back as it was: a failed init leaves nothing.
    public static func create(_ directory: String, snapshot bytes: [UInt8], fileSystem fs: FileSystem = POSIXFileSystem()) throws(StoreError) {
        let layout = StoreLayout(directory: directory)
        let stored: StoredSnapshot
        switch SnapshotCodec.read(bytes) {
        case .success(let decoded): stored = decoded.value
        case .failure(let failure): throw .unreadable("The snapshot to start from is not usable (\(failure)).")
        }
        let existing = StoreDirectory.inspect(layout, fs: fs)
        switch existing {
        case .absent, .empty, .interruptedCreate: break
        case .store, .notAStore: throw .alreadyExists(layout.directory)
        case .unreadable(let why), .unsafe(let why): throw .unreadable(why)
        }
        var made = CreatedEntries()
        let originalMode = existing == .absent ? nil : fs.mode(layout.directory)
        do throws(IOFailure) {
            made.directories = try makeDirectories(layout.directory, fs: fs)
            try fs.setMode(layout.directory, StoreLayout.directoryMode)
            // The marker first, durably (with the directory's own entry): from here until it goes,
            // a crash leaves a directory that says it is an unfinished init, so init may run again.
            if !fs.exists(layout.initMarker) {
                made.files.append(layout.initMarker)
                try StoreWriter(fs: fs).writeDurably([], to: layout.initMarker)
            }
            try fs.syncDirectory(layout.directory)
            for parent in Set(made.directories.map(StoreLayout.parent(of:))).sorted(by: { $0.count > $1.count }) {
                try fs.syncDirectory(parent)
            }
            for path in [layout.readme, layout.journal, layout.snapshotTemp, layout.lock] where fs.exists(path) {
                try fs.remove(path)
            }
            for path in [layout.backups, layout.quarantine] where !fs.isDirectory(path) {
                try fs.makeDirectory(path, mode: StoreLayout.directoryMode)
                made.directories.append(path)
            }
            let store = StoreWriter(fs: fs)
            for (path, contents) in [(layout.readme, Array(StoreLayout.readmeText.utf8)), (layout.journal, []), (layout.snapshotTemp, bytes)] {
                made.files.append(path)
                try store.writeDurably(contents, to: path)
            }
            try fs.rename(layout.snapshotTemp, layout.snapshot)
            made.files.append(layout.snapshot)
            try fs.syncDirectory(layout.directory)
            // Done: the store is whole, and its snapshot marks it from now on.
            try fs.remove(layout.initMarker)
            try fs.syncDirectory(layout.directory)
        } catch {
            made.undo(fs: fs, restoringMode: originalMode.map { (layout.directory, $0) })
            throw .writeFailed(error)
        }
        // After the store is whole: the index is derived, and a store without one still opens.
        let window = stored.history.entries.map { UndoableEntry(raw: $0)?.seq }
        if !window.contains(nil) {
            SnapshotIndexFile.write(for: bytes, scorecards: stored.data.scorecards, window: window.compactMap { $0 },
                                    layout: layout, fs: fs)
        }
    }

    /// What a create made, so that a failed one can take it all away again.
    struct CreatedEntries {
        var directories: [String] = []
        var files: [String] = []

        /// Removes the files, then the directories (deepest first), then puts the given directory's mode back.
        func undo(fs: FileSystem, restoringMode: (path: String, mode: UInt32)?) {
            for path in files.reversed() where (try? fs.status(path))?.kind == .file { try? fs.remove(path) }
            for path in directories.sorted(by: { $0.count > $1.count }) { try? fs.removeDirectory(path) }
            if let (path, mode) = restoringMode { try? fs.setMode(path, mode) }
            for path in Set(directories.map(StoreLayout.parent(of:)) + files.map(StoreLayout.parent(of:))) where fs.exists(path) {
                try? fs.syncDirectory(path)
            }
        }
    }

    /// `mkdir -p`, each new directory private. Returns the directories it made.
    @discardableResult
    static func makeDirectories(_ path: String, fs: FileSystem) throws(IOFailure) -> [String] {
        // A relative path stays relative: built from "/" it would make its directories at the filesystem's root.
        var prefix = path.hasPrefix("/") ? "" : "."
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
