import OversightDomain

extension Store {
    /// Folds the journal into a new snapshot (`Compaction` says the order of its steps and why it is
    /// safe at each). The undo window and the history log go into the snapshot with the dataset.
    public func compact() throws(StoreError) {
        try requireWritable()
        guard journal.isOpen else { throw .readOnly(.closed) }
        let seq = lastSeq
        let window = try undoHistory.window()
        let payload = SnapshotPayload(seq: seq, data: dataset,
                                      history: UndoWindow(entries: window.entries, undo: window.stacks.undo, redo: window.stacks.redo),
                                      log: Array(log.all.suffix(SnapshotPayload.logLimit)))
        let bytes: [UInt8]
        do {
            bytes = try SnapshotCodec.encode(payload)
        } catch {
            throw .unreadable("could not encode the snapshot: \(error)")
        }
        let compaction = Compaction(layout: layout, fs: fs, maxEntryBytes: options.maxEntryBytes)
        do {
            try compaction.run(bytes, replacing: snapshotSeq, journal: &journal, inPlace: options.unsafeInPlaceSnapshot)
        } catch {
            if let reason = error.stopsWrites { readOnlyReason = reason }
            throw error.error
        }
        SnapshotIndexFile.write(for: bytes, scorecards: payload.data.scorecards, window: window.entries.map(\.seq),
                                layout: layout, fs: fs)
        snapshotSeq = seq
        undoHistory.keep(only: window.stacks)
        compaction.pruneBackups(foldedInto: snapshotSeq)
    }
}
