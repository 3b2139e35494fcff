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
    /// Records the snapshot holds that are not read yet (an open by the index, `DeferredSnapshot`).
    var deferred: WaitingRecords?
    /// For a snapshot read whole: its bytes and what its arrays held, for a writer to index it when
    /// its index is missing or out of date (`SnapshotIndexFile`).
    var indexSource: IndexSource?
    typealias IndexSource = (bytes: [UInt8], scorecards: [ScorecardID], published: Set<SnapshotIndex.GroupKey>, window: [Int])

    init(_ payload: StoredSnapshot) throws(StoreError) {
        try self.init(payload, window: nil, log: nil)
    }

    /// With the undo window's entries and the history log still as their bytes in the snapshot
    /// (read by the index), instead of the parsed JSON `payload` holds.
    init(_ payload: StoredSnapshot, window: [(seq: Int, bytes: [UInt8])]?, log logBytes: [UInt8]?) throws(StoreError) {
        var data = payload.data
        data.normalise()
        dataset = data
        snapshotSeq = payload.seq
        lastSeq = payload.seq
        stacks = UndoStacks(undo: payload.history.undo, redo: payload.history.redo)
        let entries = window.map { $0.map { UndoableEntry(seq: $0.seq, bytes: $0.bytes) } }
            ?? payload.history.entries.compactMap(UndoableEntry.init(raw:))
        undoable = Dictionary(entries.map { ($0.seq, $0) }, uniquingKeysWith: { first, _ in first })
        log = logBytes.map { HistoryLog(bytes: $0) } ?? HistoryLog(stored: payload.log)
        if let missing = stacks.all.first(where: { undoable[$0] == nil }) {
            readOnly = .inconsistentJournal(line: nil, offset: nil, detail: "the snapshot's undo window lacks entry \(missing)")
        }
    }

    /// Applies one journal entry: its images, then the undo stacks.
    mutating func replay(_ entry: JournalEntry) throws {
        try applyChange(of: entry)
        try stacks.record(entry.kind, seq: entry.seq, of: entry.of)
        if entry.kind == .do { undoable[entry.seq] = UndoableEntry(entry) }
        if entry.kind == .do, undoable.count > stacks.undo.count + stacks.redo.count {
            let live = stacks.all
            undoable = undoable.filter { live.contains($0.key) }
        }
        log.append(replayed: entry)
        lastSeq = entry.seq
    }

    /// The entry's images applied. Those of scorecards still waiting in the snapshot are held, to be
    /// applied (and checked against their before-images) when those are read: a journal's decisions
    /// on last year's scorecards do not make the first frame wait for last year.
    private mutating func applyChange(of entry: JournalEntry) throws {
        guard var waiting = deferred else { return try dataset.apply(entry.change) }
        let later = entry.change.records.filter { waiting.isWaiting($0.key) }
        // A change to published figures in a period not read yet may change what the first frame
        // says is the latest published (the index chose what to read first by where they were):
        // everything is read now, as an open without the index would have.
        if later.contains(where: { $0.touchesPublishedFigures }) {
            try readAllDeferred()
            return try dataset.apply(entry.change)
        }
        guard !later.isEmpty else {
            if (try? dataset.apply(entry.change)) == nil {
                // Only an index that put a scorecard under the wrong period could leave one it needs unread.
                try readAllDeferred()
                try dataset.apply(entry.change)
            }
            return
        }
        let laterKeys = Set(later.map(\.key))
        let now = Change(entry.change.records.filter { !laterKeys.contains($0.key) })
        if (try? dataset.apply(now)) == nil {
            try readAllDeferred()
            try dataset.apply(entry.change)
            return
        }
        waiting.hold(Change(later))
        deferred = waiting
    }

    /// Reads every waiting record into the dataset, with the journal's changes held for them.
    mutating func readAllDeferred() throws {
        guard var waiting = deferred else { return }
        deferred = nil
        try waiting.readAll().get().add(to: &dataset)
    }

    /// Two lists of scorecards sorted by id as one, in one pass; sorted afresh if either is not.
    static func merged(_ a: [Scorecard], _ b: [Scorecard]) -> [Scorecard] {
        guard a.isSortedByID, b.isSortedByID else { return (a + b).sortedByID() }
        var result: [Scorecard] = []
        result.reserveCapacity(a.count + b.count)
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if b[j].id < a[i].id { result.append(b[j]); j += 1 } else { result.append(a[i]); i += 1 }
        }
        result += a[i...]
        result += b[j...]
        return result
    }
}

private extension RecordChange {
    /// Whether either image is a scorecard holding published figures.
    var touchesPublishedFigures: Bool {
        [before, after].contains { image in
            if case .scorecard(let card)? = image { return card.published != nil } else { return false }
        }
    }
}
