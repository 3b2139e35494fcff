import OversightDomain

extension Store {
    /// How many snapshot generations backups/ keeps.
    static let backupGenerations = 3

    /// Folds the journal into a new snapshot. The order is what makes it safe at every step:
    /// 1. write snapshot.json.tmp and fsync it;
    /// 2. hard-link the current snapshot and journal into backups/ (so the renames below leave them intact);
    /// 3. rename the new snapshot into place and fsync the directory — before 4, or a power cut could
    ///    keep the emptied journal and lose the new snapshot;
    /// 4. put an empty journal in place the same way, and reopen it for appending.
    /// A crash before 3 leaves the old snapshot and journal; between 3 and 4 the new snapshot and the
    /// old journal, whose entries it already holds (replay skips them). The undo window goes with it.
    public func compact() throws(StoreError) {
        try requireWritable()
        guard journalHandle != nil else { throw .readOnly(.closed) }
        let seq = lastSeq

        var window = stacks
        window.trim(to: SnapshotPayload.undoWindowLimit)
        var entries = try windowEntries(window)
        // The window is also capped by size: the oldest undo entries go first. Each entry's size is
        // known from when it was written (or measured once), so dropping entries re-encodes nothing.
        var total = entries.reduce(0) { $0 + encodedSize(of: $1) }
        while entries.count > 1, total > Store.undoWindowBytes {
            window.trim(to: entries.count - 1)
            let live = window.all
            entries = entries.filter { live.contains($0.seq) }
            total = entries.reduce(0) { $0 + encodedSize(of: $1) }
        }
        let payload = SnapshotPayload(seq: seq, data: dataset,
                                      history: UndoWindow(entries: entries, undo: window.undo, redo: window.redo),
                                      log: Array(log.all.suffix(SnapshotPayload.logLimit)))
        let bytes: [UInt8]
        do {
            bytes = try SnapshotCodec.encode(payload)
        } catch {
            throw .unreadable("could not encode the snapshot: \(error)")
        }

        if options.unsafeInPlaceSnapshot {
            try compactInPlace(bytes)
        } else {
            // 1. The new snapshot, complete and durable, under a scratch name.
            do throws(IOFailure) {
                if fs.exists(layout.snapshotTemp) { try fs.remove(layout.snapshotTemp) }
                try writeDurably(bytes, to: layout.snapshotTemp)
            } catch {
                try? fs.remove(layout.snapshotTemp)
                throw .writeFailed(error)
            }
            // 2. Keep the generation being replaced.
            do throws(IOFailure) {
                try keepBackup()
            } catch {
                try? fs.remove(layout.snapshotTemp)
                throw .writeFailed(error)
            }
            // 3. Swap the snapshot in, durably.
            do throws(IOFailure) {
                try fs.rename(layout.snapshotTemp, layout.snapshot)
                try fs.syncDirectory(layout.directory)
            } catch {
                readOnlyReason = .syncFailed("while replacing the snapshot: \(error)")
                throw .syncFailed(error)
            }
        }
        // 4. A fresh, empty journal, durably.
        do throws(IOFailure) {
            if fs.exists(layout.journalTemp) { try fs.remove(layout.journalTemp) }
            try writeDurably([], to: layout.journalTemp)
            try fs.rename(layout.journalTemp, layout.journal)
            try fs.syncDirectory(layout.directory)
            if let old = journalHandle { fs.close(old) }
            journalHandle = nil
            journalHandle = try fs.openForAppend(layout.journal, mode: StoreLayout.fileMode)
        } catch {
            readOnlyReason = .syncFailed("while starting a new journal: \(error)")
            throw .syncFailed(error)
        }
        snapshotSeq = seq
        journalSize = 0
        journalEntries = 0
        stacks = window
        let live = window.all
        undoable = undoable.filter { live.contains($0.key) }
        entryBytes = entryBytes.filter { live.contains($0.key) }
        pruneBackups()
    }

    /// The deliberately unsafe variant the crash tests' negative control must catch:
    /// the snapshot is rewritten where it lies, so a crash midway leaves it torn.
    private func compactInPlace(_ bytes: [UInt8]) throws(StoreError) {
        do throws(IOFailure) {
            try keepBackup()
            try fs.remove(layout.snapshot)
            try writeDurably(bytes, to: layout.snapshot)
        } catch {
            readOnlyReason = .syncFailed("\(error)")
            throw .syncFailed(error)
        }
    }

    /// Creates `path` with `bytes`, fsyncs it and closes it.
    func writeDurably(_ bytes: [UInt8], to path: String) throws(IOFailure) {
        try StoreWriter(fs: fs).writeDurably(bytes, to: path)
    }

    /// Hard-links the current snapshot and journal into backups/ under the snapshot's seq. A backup
    /// already there under that name (a compaction with nothing new since the last one leaves the
    /// same file) is replaced only if it is the same; a different one goes to quarantine/ first.
    private func keepBackup() throws(IOFailure) {
        if try fs.status(layout.backups) == nil {
            try fs.makeDirectory(layout.backups, mode: StoreLayout.directoryMode)
            try fs.syncDirectory(layout.directory)
        }
        for (from, to) in [(layout.snapshot, layout.backupSnapshot(seq: snapshotSeq)),
                           (layout.journal, layout.backupJournal(seq: snapshotSeq))] where fs.exists(from) {
            if let existing = try fs.status(to) {
                if existing.identity != (try fs.status(from))?.identity, let old = try fs.read(to), old != (try fs.read(from) ?? []) {
                    try Store.quarantine(old, name: "backups-" + StoreLayout.parentless(to), layout: layout, fs: fs)
                }
                try fs.remove(to)
            }
            try fs.link(from, to)
        }
        try fs.syncDirectory(layout.backups)
    }

    /// Keeps the newest generations. An older one is removed only when its journal reads whole and
    /// every entry in it is folded into the snapshot just written, so that no entry loses its last
    /// copy; anything else about it (a damaged line, an entry past the snapshot, a file that cannot
    /// be read) sends its files to quarantine/ instead, which is never emptied.
    private func pruneBackups() {
        let names = (try? fs.list(layout.backups)) ?? []
        let generations = Set(names.compactMap { name -> Int? in
            for prefix in ["snapshot-", "journal-"] where name.hasPrefix(prefix) {
                return Int(name.dropFirst(prefix.count).prefix { $0.isNumber })
            }
            return nil
        }).sorted(by: >)
        for seq in generations.dropFirst(Store.backupGenerations) {
            let journal = layout.backupJournal(seq: seq)
            if !isFoldedIn(journal) {
                let files = [layout.backupSnapshot(seq: seq), journal].compactMap { path in
                    ((try? fs.read(path)) ?? nil).map { ("backups-" + StoreLayout.parentless(path), $0) }
                }
                guard (try? Store.quarantine(files, folder: "backups-\(seq)", layout: layout, fs: fs)) != nil else { continue }
            }
            try? fs.remove(layout.backupSnapshot(seq: seq))
            try? fs.remove(journal)
        }
        try? fs.syncDirectory(layout.backups)
    }

    /// Whether a backup journal reads whole (every line intact, in the store's format) and holds
    /// nothing after the current snapshot. A missing journal holds nothing.
    private func isFoldedIn(_ path: String) -> Bool {
        guard let status = try? fs.status(path) else { return true }
        guard status.kind == .file, let bytes = try? fs.read(path) else { return false }
        let scan = JournalScan(bytes, maxRecordBytes: options.maxEntryBytes)
        guard scan.damage == nil, let last = scan.lines.last else { return scan.damage == nil }
        guard let entry = try? PayloadCoding.decodeEntry(bytes[last.payload]).value else { return false }
        return entry.seq <= snapshotSeq
    }

    /// The undo window's entries, decoded (those the snapshot held are decoded only now).
    func windowEntries(_ window: UndoStacks) throws(StoreError) -> [JournalEntry] {
        var entries: [JournalEntry] = []
        for seq in window.all.sorted() {
            guard let undoable = undoable[seq] else { continue }
            do {
                entries.append(try undoable.entry())
            } catch {
                throw .unreadable("entry \(seq) of the undo window does not decode (\(error)); run `oversight validate`")
            }
        }
        return entries
    }

    /// The undo window's size cap (store.md §7.6: 1,000 actions or 8 MiB, whichever comes first).
    static let undoWindowBytes = 8 << 20

    /// An undoable entry's encoded size, remembered from its write or measured once.
    func encodedSize(of entry: JournalEntry) -> Int {
        if let known = entryBytes[entry.seq] { return known }
        let size = (try? PayloadCoding.encodeEntry(entry).count) ?? 0
        entryBytes[entry.seq] = size
        return size
    }
}
