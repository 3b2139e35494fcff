import OversightDomain

/// journal.jsonl as an open store writes it: each entry appended as one whole CRC-framed line with
/// one `write` (looping on short counts), then `fdatasync`; a failed write is cut back off the file.
/// Reading it is `JournalScan`'s job, on open.
struct JournalFile {
    let layout: StoreLayout
    let fs: FileSystem
    /// Open for appending while the store can write; nil before that and after close.
    private(set) var handle: Int32?
    /// The file's length as this store last left it.
    private(set) var size: Int
    /// Entries in the file after the snapshot (replayed on open, or appended since).
    private(set) var entries: Int

    init(layout: StoreLayout, fs: FileSystem, size: Int, entries: Int) {
        self.layout = layout
        self.fs = fs
        self.size = size
        self.entries = entries
    }

    var isOpen: Bool { handle != nil }

    /// Whether it has grown past either of the sizes at which it is folded into the snapshot.
    func isDue(_ options: StoreOptions) -> Bool {
        entries >= options.compactAfterEntries || size >= options.compactAfterBytes
    }

    mutating func openForAppend() throws(IOFailure) {
        handle = try fs.openForAppend(layout.journal, mode: StoreLayout.fileMode)
    }

    mutating func close() {
        if let handle { fs.close(handle) }
        handle = nil
    }

    /// One write of the whole framed line, then fdatasync (unless told not to, for a negative control).
    /// A failed write is cut back off the file; a failed sync, or a failed cut, leaves what is on disk
    /// unknown, which the failure says. Returns the size of the entry's payload.
    mutating func append(_ entry: JournalEntry, maxBytes: Int, sync: Bool = true) throws(WriteFailure) -> Int {
        let frame: [UInt8]
        let payload: [UInt8]
        do {
            payload = try PayloadCoding.encodeEntry(entry)
            frame = Frame.encode(payload)
        } catch {
            throw WriteFailure(.invalidEdit(field: nil, message: "could not encode the change: \(error)"))
        }
        guard frame.count <= maxBytes else { throw WriteFailure(.tooLarge(bytes: frame.count, limit: maxBytes)) }
        guard let handle else { throw WriteFailure(.readOnly(.closed)) }
        var written = 0
        do throws(IOFailure) {
            while written < frame.count {
                let count = try fs.write(handle, frame[written...])
                guard count > 0 else { throw IOFailure(errno: 5, operation: "write", path: layout.journal) }
                written += count
            }
        } catch {
            var stopsWrites: ReadOnlyReason?
            if written > 0 {
                do throws(IOFailure) {
                    try fs.truncate(handle, to: size)
                    try fs.dataSync(handle)
                } catch let trimFailure {
                    stopsWrites = .syncFailed("could not cut a failed write back off the journal: \(trimFailure)")
                }
            }
            throw WriteFailure(.writeFailed(error), stopsWrites: stopsWrites)
        }
        do throws(IOFailure) {
            if sync { try fs.dataSync(handle) }
        } catch {
            throw WriteFailure(.syncFailed(error), stopsWrites: .syncFailed(error.description))
        }
        size += frame.count
        entries += 1
        return payload.count
    }

    /// Puts an empty journal in place of this one (a scratch file, fsync, rename, fsync of the
    /// directory) and reopens it for appending: compaction's last step.
    mutating func startAfresh() throws(IOFailure) {
        if fs.exists(layout.journalTemp) { try fs.remove(layout.journalTemp) }
        try StoreWriter(fs: fs).writeDurably([], to: layout.journalTemp)
        try fs.rename(layout.journalTemp, layout.journal)
        try fs.syncDirectory(layout.directory)
        close()
        try openForAppend()
        size = 0
        entries = 0
    }

    /// Sets aside a last line a crash cut short: copies it into quarantine/, durably, then cuts the
    /// file back to `offset`. Recovery does this on open, `repair` when asked.
    static func cutTornTail(_ bytes: [UInt8], at offset: Int, layout: StoreLayout, fs: FileSystem) throws(IOFailure) {
        try Quarantine.keep(Array(bytes[offset...]), name: "journal-torn-tail.jsonl", layout: layout, fs: fs)
        let handle = try fs.openForAppend(layout.journal, mode: StoreLayout.fileMode)
        defer { fs.close(handle) }
        try fs.truncate(handle, to: offset)
        try fs.dataSync(handle)
    }
}

/// A write that failed. When what is on disk is no longer known (a failed fsync, a failed write that
/// could not be cut back), `stopsWrites` says why the store must not write again until reopened:
/// retrying a failed fsync and trusting it is not safe.
struct WriteFailure: Error {
    var error: StoreError
    var stopsWrites: ReadOnlyReason?

    init(_ error: StoreError, stopsWrites: ReadOnlyReason? = nil) {
        self.error = error
        self.stopsWrites = stopsWrites
    }
}
