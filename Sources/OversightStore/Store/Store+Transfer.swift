import OversightDomain

extension Store {
    /// Everything the store holds as one payload, as a compaction would write it now: the dataset at
    /// `lastSeq`, the undo window with its entries, and the history's summaries. Read by
    /// `oversight init --store postgresql://… --from DIR` to carry a file store to a team store; it
    /// writes nothing and needs no lock, so a read-only open will do.
    public func transferPayload() throws(StoreError) -> SnapshotPayload {
        var history = undoHistory
        let window = try history.window()
        return SnapshotPayload(seq: lastSeq, data: dataset,
                               history: UndoWindow(entries: window.entries, undo: window.stacks.undo, redo: window.stacks.redo),
                               log: Array(log.all.suffix(SnapshotPayload.logLimit)))
    }
}
