import OversightDomain

/// Folding the journal into a new snapshot, and the backup generations that keeps in backups/.
///
/// The order is what makes it safe at every step:
/// 1. write snapshot.json.tmp and fsync it;
/// 2. hard-link the current snapshot and journal into backups/ (so the renames below leave them intact);
/// 3. rename the new snapshot into place and fsync the directory — before 4, or a power cut could
///    keep the emptied journal and lose the new snapshot;
/// 4. put an empty journal in place the same way, and reopen it for appending.
/// A crash before 3 leaves the old snapshot and journal; between 3 and 4 the new snapshot and the
/// old journal, whose entries it already holds (replay skips them).
struct Compaction {
    let layout: StoreLayout
    let fs: FileSystem
    /// The largest entry the store writes, to read backup journals as the store reads its own.
    let maxEntryBytes: Int

    /// How many snapshot generations backups/ keeps.
    static let backupGenerations = 3

    /// Writes `bytes` as the new snapshot.json in place of the one at `snapshotSeq`, and starts
    /// `journal` afresh. With `inPlace`, the deliberately broken variant the crash tests' negative
    /// control must catch: the snapshot is rewritten where it lies, so a crash midway leaves it torn.
    func run(_ bytes: [UInt8], replacing snapshotSeq: Int, journal: inout JournalFile, inPlace: Bool) throws(WriteFailure) {
        if inPlace {
            do throws(IOFailure) {
                try keepBackup(of: snapshotSeq)
                try fs.remove(layout.snapshot)
                try StoreWriter(fs: fs).writeDurably(bytes, to: layout.snapshot)
            } catch {
                throw WriteFailure(.syncFailed(error), stopsWrites: .syncFailed("\(error)"))
            }
        } else {
            // 1. The new snapshot, complete and durable, under a scratch name.
            do throws(IOFailure) {
                if fs.exists(layout.snapshotTemp) { try fs.remove(layout.snapshotTemp) }
                try StoreWriter(fs: fs).writeDurably(bytes, to: layout.snapshotTemp)
            } catch {
                try? fs.remove(layout.snapshotTemp)
                throw WriteFailure(.writeFailed(error))
            }
            // 2. Keep the generation being replaced.
            do throws(IOFailure) {
                try keepBackup(of: snapshotSeq)
            } catch {
                try? fs.remove(layout.snapshotTemp)
                throw WriteFailure(.writeFailed(error))
            }
            // 3. Swap the snapshot in, durably.
            do throws(IOFailure) {
                try fs.rename(layout.snapshotTemp, layout.snapshot)
                try fs.syncDirectory(layout.directory)
            } catch {
                throw WriteFailure(.syncFailed(error), stopsWrites: .syncFailed("while replacing the snapshot: \(error)"))
            }
        }
        // 4. A fresh, empty journal, durably.
        do throws(IOFailure) {
            try journal.startAfresh()
        } catch {
            throw WriteFailure(.syncFailed(error), stopsWrites: .syncFailed("while starting a new journal: \(error)"))
        }
    }

    /// Writes a recovered state as the new snapshot with an empty journal, each by a scratch file,
    /// fsync and rename, as `run` does, but keeping no backup: `repair` has already copied every
    /// file it read into quarantine/.
    func install(snapshot bytes: [UInt8]) throws(IOFailure) {
        let writer = StoreWriter(fs: fs)
        if fs.exists(layout.snapshotTemp) { try fs.remove(layout.snapshotTemp) }
        try writer.writeDurably(bytes, to: layout.snapshotTemp)
        try fs.rename(layout.snapshotTemp, layout.snapshot)
        try fs.syncDirectory(layout.directory)
        if fs.exists(layout.journalTemp) { try fs.remove(layout.journalTemp) }
        try writer.writeDurably([], to: layout.journalTemp)
        try fs.rename(layout.journalTemp, layout.journal)
        try fs.syncDirectory(layout.directory)
    }

    /// Hard-links the current snapshot and journal into backups/ under the snapshot's seq. A backup
    /// already there under that name (a compaction with nothing new since the last one leaves the
    /// same file) is replaced only if it is the same; a different one goes to quarantine/ first.
    private func keepBackup(of snapshotSeq: Int) throws(IOFailure) {
        if try fs.status(layout.backups) == nil {
            try fs.makeDirectory(layout.backups, mode: StoreLayout.directoryMode)
            try fs.syncDirectory(layout.directory)
        }
        for (from, to) in [(layout.snapshot, layout.backupSnapshot(seq: snapshotSeq)),
                           (layout.journal, layout.backupJournal(seq: snapshotSeq))] where fs.exists(from) {
            if let existing = try fs.status(to) {
                if existing.identity != (try fs.status(from))?.identity, let old = try fs.read(to), old != (try fs.read(from) ?? []) {
                    try Quarantine.keep(old, name: "backups-" + StoreLayout.parentless(to), layout: layout, fs: fs)
                }
                try fs.remove(to)
            }
            try fs.link(from, to)
        }
        try fs.syncDirectory(layout.backups)
    }

    /// Keeps the newest generations. An older one is removed only when its journal reads whole and
    /// every entry in it is folded into the snapshot at `snapshotSeq` (the one just written), so that
    /// no entry loses its last copy; anything else about it (a damaged line, an entry past the
    /// snapshot, a file that cannot be read) sends its files to quarantine/ instead, which is never emptied.
    func pruneBackups(foldedInto snapshotSeq: Int) {
        let names = (try? fs.list(layout.backups)) ?? []
        let generations = Set(names.compactMap { name -> Int? in
            for prefix in ["snapshot-", "journal-"] where name.hasPrefix(prefix) {
                return Int(name.dropFirst(prefix.count).prefix { $0.isNumber })
            }
            return nil
        }).sorted(by: >)
        for seq in generations.dropFirst(Compaction.backupGenerations) {
            let journal = layout.backupJournal(seq: seq)
            if !isFoldedIn(journal, snapshotSeq: snapshotSeq) {
                let files = [layout.backupSnapshot(seq: seq), journal].compactMap { path in
                    ((try? fs.read(path)) ?? nil).map { ("backups-" + StoreLayout.parentless(path), $0) }
                }
                guard (try? Quarantine.keep(files, folder: "backups-\(seq)", layout: layout, fs: fs)) != nil else { continue }
            }
            try? fs.remove(layout.backupSnapshot(seq: seq))
            try? fs.remove(journal)
        }
        try? fs.syncDirectory(layout.backups)
    }

    /// Whether a backup journal reads whole (every line intact, in the store's format) and holds
    /// nothing after the snapshot. A missing journal holds nothing.
    private func isFoldedIn(_ path: String, snapshotSeq: Int) -> Bool {
        guard let status = try? fs.status(path) else { return true }
        guard status.kind == .file, let bytes = try? fs.read(path) else { return false }
        let scan = JournalScan(bytes, maxRecordBytes: maxEntryBytes)
        guard scan.damage == nil, let last = scan.lines.last else { return scan.damage == nil }
        guard let entry = try? PayloadCoding.decodeEntry(bytes[last.payload]).value else { return false }
        return entry.seq <= snapshotSeq
    }
}
