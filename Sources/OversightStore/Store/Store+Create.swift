import OversightDomain

extension Store {
    /// Creates a new store at `directory` from a framed snapshot (the bundled dataset's, say).
    /// Refuses to touch a directory that exists and is not empty. The snapshot is checked first:
    /// a bad one never becomes a store.
    public static func create(_ directory: String, snapshot bytes: [UInt8], fileSystem fs: FileSystem = POSIXFileSystem()) throws(StoreError) {
        let layout = StoreLayout(directory: directory)
        if case .failure(let failure) = readSnapshot(bytes) {
            throw .unreadable("The snapshot to start from is not usable (\(failure)).")
        }
        if fs.exists(layout.directory) {
            guard fs.isDirectory(layout.directory) else { throw .alreadyExists(layout.directory) }
            let names = (try? fs.list(layout.directory)) ?? []
            guard names.isEmpty else { throw .alreadyExists(layout.directory) }
        }
        do throws(IOFailure) {
            try makeDirectories(layout.directory, fs: fs)
            try fs.setMode(layout.directory, StoreLayout.directoryMode)
            try fs.makeDirectory(layout.backups, mode: StoreLayout.directoryMode)
            try fs.makeDirectory(layout.quarantine, mode: StoreLayout.directoryMode)
            let store = StoreWriter(fs: fs)
            try store.writeDurably(Array(StoreLayout.readmeText.utf8), to: layout.readme)
            try store.writeDurably([], to: layout.journal)
            try store.writeDurably(bytes, to: layout.snapshotTemp)
            try fs.rename(layout.snapshotTemp, layout.snapshot)
            try fs.syncDirectory(layout.directory)
        } catch {
            throw .writeFailed(error)
        }
    }

    /// `mkdir -p`, each new directory private.
    static func makeDirectories(_ path: String, fs: FileSystem) throws(IOFailure) {
        var prefix = ""
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += "/" + part
            if !fs.exists(prefix) {
                try fs.makeDirectory(prefix, mode: StoreLayout.directoryMode)
            }
        }
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
