import OversightDomain

extension Store {
    /// Opens a store and recovers it. First it decides, by looking only, that the directory is a
    /// store this process can read (`StoreDirectory`); anything else throws, having touched nothing.
    /// Then it takes the lock (else opens read-only, naming the holder), loads the snapshot, replays
    /// the journal, cuts off a torn last line (after copying it to quarantine/), rebuilds undo and
    /// redo, and checks the data. Damage anywhere else, or a newer format, opens read-only with the
    /// reason. Throws only when there is nothing to show at all. The steps are `Recovery`'s.
    public static func open(_ directory: String, options: StoreOptions = StoreOptions()) throws(StoreError) -> Store {
        let layout = StoreLayout(directory: directory)
        try Recovery.requireStore(layout, fs: options.fileSystem)
        var recovery = Recovery(layout: layout, options: options)
        recovery.takeLock()
        recovery.tidy()
        var (loaded, journalRead) = try recovery.read()
        let journalSize = recovery.settleTail(journalRead.scan, of: journalRead.bytes)
        let replayed = recovery.replay(journalRead, onto: &loaded)
        recovery.check(loaded.dataset, partial: loaded.deferred != nil)

        let journal = JournalFile(layout: layout, fs: options.fileSystem, size: journalSize, entries: replayed)
        let source = loaded.indexSource
        loaded.indexSource = nil
        let store = Store(recovery, loaded: loaded, journal: journal)
        store.startWriting()
        if let source { store.indexSnapshot(source) }
        return store
    }

    /// A writer that read the snapshot whole indexes it when its index is missing or was made for
    /// another (a store made before indexes, a crash before the index of a new snapshot was written),
    /// so that the next open reads it in parts. Unless compacting just replaced it, which indexed its own.
    private func indexSnapshot(_ source: LoadedGeneration.IndexSource) {
        guard readOnlyReason == nil, journal.isOpen, let bytes = (try? fs.readPrefix(layout.snapshot, count: 64)) ?? nil,
              bytes.elementsEqual(source.bytes.prefix(bytes.count)),
              !SnapshotIndexFile.isCurrent(for: source.bytes, layout: layout, fs: fs) else { return }
        SnapshotIndexFile.write(for: source.bytes, scorecards: source.scorecards, published: source.published, window: source.window,
                                layout: layout, fs: fs)
    }

    /// The last step of opening, for a store that may write: the journal opened for appending, and
    /// folded into the snapshot first if it has grown past its thresholds.
    private func startWriting() {
        guard readOnlyReason == nil else { return }
        do {
            try journal.openForAppend()
        } catch {
            readOnlyReason = .syncFailed("could not open the journal for writing: \(error)")
        }
        if journal.isOpen, journal.isDue(options) {
            do { try compact() } catch { notices.append("Could not tidy the journal: \(error)") }
        }
    }
}
