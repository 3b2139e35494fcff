import OversightDomain

/// A snapshot (or, when it is damaged, the newest backup) with the journal replayed onto it so far.
struct LoadedGeneration {
    var dataset: Dataset
    var snapshotSeq: Int
    var lastSeq: Int
    var stacks: UndoStacks
    var undoable: [Int: UndoableEntry]
    var log: HistoryLog
    var notices: [String] = []
    var readOnly: ReadOnlyReason?

    init(_ payload: StoredSnapshot) throws(StoreError) {
        var data = payload.data
        data.normalise()
        dataset = data
        snapshotSeq = payload.seq
        lastSeq = payload.seq
        stacks = UndoStacks(undo: payload.history.undo, redo: payload.history.redo)
        undoable = Dictionary(payload.history.entries.compactMap(UndoableEntry.init(raw:)).map { ($0.seq, $0) },
                              uniquingKeysWith: { first, _ in first })
        log = HistoryLog(stored: payload.log)
        if let missing = stacks.all.first(where: { undoable[$0] == nil }) {
            readOnly = .inconsistentJournal(line: nil, offset: nil, detail: "the snapshot's undo window lacks entry \(missing)")
        }
    }

    /// Applies one journal entry: its images, then the undo stacks.
    mutating func replay(_ entry: JournalEntry) throws {
        try dataset.apply(entry.change)
        try stacks.record(entry.kind, seq: entry.seq, of: entry.of)
        if entry.kind == .do { undoable[entry.seq] = UndoableEntry(entry) }
        if entry.kind == .do, undoable.count > stacks.undo.count + stacks.redo.count {
            let live = stacks.all
            undoable = undoable.filter { live.contains($0.key) }
        }
        log.append(replayed: entry)
        lastSeq = entry.seq
    }
}
