import OversightDomain

/// An open store: the dataset, the journal that makes every edit durable, and undo and redo.
///
/// Every edit is validated, written to the journal as one CRC-framed line with one `write`, and
/// made durable with `fdatasync` before memory changes and the caller is told it is saved.
/// Undo and redo are journal entries too; their stacks are rebuilt from the journal on open.
/// Use a store from one thread.
///
/// A thin façade over the parts that do the work, each in its own file: `Recovery` (open, step by
/// step), `JournalFile` (appending), `UndoHistory` (the stacks and the entries they point at),
/// `Compaction` (snapshot and backups), `Quarantine`, and `RepairSurvey` for `repair`. What this
/// type keeps itself is what ties them together: the dataset, the history log, whether it may
/// write, and the lock. The console and the command line see it as a `RecordStore`.
public final class Store {
    public let layout: StoreLayout
    /// The records as every saved entry has left them. Opened with `StoreOptions.opening`, the first
    /// ask reads the records still waiting in the snapshot (`finishOpening`), so nothing that
    /// reads or changes the records ever sees part of them.
    public internal(set) var dataset: Dataset {
        get {
            if deferred != nil { finishOpening() }
            return records
        }
        set { records = newValue }
    }
    /// The records read so far: with `StoreOptions.opening`, the periods it asked for (and any the
    /// journal touched) and no notes or actions, until `dataset` is first asked for; for the
    /// console's first frame, which shows neither.
    public var openingDataset: Dataset { records }
    var records: Dataset
    /// The snapshot's records not read yet.
    var deferred: WaitingRecords?
    /// Whether edits are possible, and if not, why.
    public internal(set) var readOnlyReason: ReadOnlyReason?
    /// Whatever is wrong with the store's files, whoever opened it (nil when it is whole).
    /// Distinct from `readOnlyReason`, which may only say that another process holds the lock.
    public internal(set) var damage: ReadOnlyReason?
    /// What recovery did or found on open, for the user to read.
    public internal(set) var notices: [String]
    /// When the last edit was saved (in this session).
    public private(set) var lastSaved: Timestamp?
    /// The newest seq in the journal.
    public internal(set) var lastSeq: Int

    let fs: FileSystem
    var options: StoreOptions
    /// The journal seq folded into snapshot.json.
    var snapshotSeq: Int
    var journal: JournalFile
    var undoHistory: UndoHistory
    var log: HistoryLog
    /// Whether this store took the lock (and so must give it back on close).
    var holdsLock: Bool
    /// A torn last line this open left in place (it did not tidy), for `repair` to offer to cut.
    var tornTail: (line: Int, offset: Int)?
    /// What `planRepair` found, kept for `repair` to carry out (the lock is held in between).
    var survey: RepairSurvey?

    /// A store as recovery left it: the generation it loaded with the journal replayed, and what it decided.
    init(_ recovery: Recovery, loaded: LoadedGeneration, journal: JournalFile) {
        layout = recovery.layout
        records = loaded.dataset
        deferred = loaded.deferred
        var options = recovery.options
        // Who is recorded in every entry: cleaned here, once, whatever said it (--user, $USER, the console).
        options.user = StoreOptions.recordable(user: options.user)
        self.options = options
        fs = options.fileSystem
        snapshotSeq = loaded.snapshotSeq
        lastSeq = loaded.lastSeq
        undoHistory = UndoHistory(stacks: loaded.stacks, entries: loaded.undoable)
        log = loaded.log
        self.journal = journal
        readOnlyReason = recovery.access ?? recovery.damage
        damage = recovery.damage
        notices = recovery.notices
        holdsLock = recovery.locked
        tornTail = recovery.tornTail
    }

    deinit {
        journal.close()
        if holdsLock { fs.unlock(layout.lock) }
    }

    public var user: String { options.user }

    // MARK: undo and redo, as the user sees them

    public var canUndo: Bool { !isReadOnly && undoHistory.canUndo }
    public var canRedo: Bool { !isReadOnly && undoHistory.canRedo }
    /// What `undo()` would take back.
    public var nextUndo: JournalEntry? { undoHistory.nextUndo }
    public var nextRedo: JournalEntry? { undoHistory.nextRedo }
    public var undoDepth: Int { undoHistory.stacks.undo.count }
    public var redoDepth: Int { undoHistory.stacks.redo.count }

    /// The journal's summaries, oldest first (back past compaction, up to the snapshot's log limit).
    public var history: [HistoryItem] { log.all }

    // MARK: edits

    /// Validates an edit, saves it durably, applies it. Returns the saved entry.
    @discardableResult
    public func commit(_ edit: Edit) throws(StoreError) -> JournalEntry {
        try requireWritable()
        let change = try edit.checkedChange(against: dataset)
        let entry = JournalEntry(seq: lastSeq + 1, ts: options.clock(), user: options.user, kind: .do,
                                 cmd: edit.name, label: edit.label(in: dataset), change: change)
        try save(entry)
        return entry
    }

    /// Takes back the most recent action still on the undo stack; says what it undid.
    @discardableResult
    public func undo() throws(StoreError) -> JournalEntry {
        try requireWritable()
        let target = try undoHistory.undoTarget()
        let entry = JournalEntry(seq: lastSeq + 1, ts: options.clock(), user: options.user, kind: .undo, of: target.seq,
                                 cmd: target.cmd, label: target.label, change: target.change.inverted())
        try save(entry)
        return entry
    }

    /// Does again the most recently undone action.
    @discardableResult
    public func redo() throws(StoreError) -> JournalEntry {
        try requireWritable()
        let target = try undoHistory.redoTarget()
        let entry = JournalEntry(seq: lastSeq + 1, ts: options.clock(), user: options.user, kind: .redo, of: target.seq,
                                 cmd: target.cmd, label: target.label, change: target.change)
        try save(entry)
        return entry
    }

    func requireWritable() throws(StoreError) {
        if let readOnlyReason { throw .readOnly(readOnlyReason) }
    }

    /// The commit protocol: check on a copy, append durably, only then change memory.
    private func save(_ entry: JournalEntry) throws(StoreError) {
        let next: Dataset
        do {
            next = try dataset.applying(entry.change)
        } catch {
            throw .invalidEdit(field: nil, message: "this does not fit the current data (\(error)); nothing was saved")
        }
        let nextStacks: UndoStacks
        do {
            nextStacks = try undoHistory.stacks(after: entry)
        } catch {
            throw .invalidEdit(field: nil, message: "\(error)")
        }
        let bytes = try append(entry)

        dataset = next
        undoHistory.saved(entry, stacks: nextStacks, bytes: bytes)
        lastSeq = entry.seq
        lastSaved = entry.ts
        log.append(HistoryItem(entry))

        if journal.isDue(options) {
            do {
                try compact()
            } catch {
                notices.append("Saved, but tidying the journal failed: \(error)")
            }
        }
    }

    /// Appends one entry to the journal durably (`JournalFile.append`); a failure that leaves the
    /// journal in doubt makes the store read-only. Returns the size of the entry's payload.
    @discardableResult
    func append(_ entry: JournalEntry) throws(StoreError) -> Int {
        do {
            return try journal.append(entry, maxBytes: options.maxEntryBytes, sync: !options.unsafeSkipJournalSync)
        } catch {
            if let reason = error.stopsWrites { readOnlyReason = reason }
            throw error.error
        }
    }

    /// Closes the journal and gives up the lock. With `compacting`, first folds the journal into
    /// the snapshot so that the next open replays nothing: the console does this on a clean exit;
    /// one-shot commands do not, since rewriting the snapshot costs far more than their edit
    /// (the journal is compacted anyway once it passes its thresholds).
    public func close(compacting: Bool = false) {
        if compacting && !isReadOnly && journal.entries > 0 {
            do { try compact() } catch { notices.append("Could not tidy the journal on exit: \(error)") }
        }
        journal.close()
        if holdsLock { fs.unlock(layout.lock) }
        holdsLock = false
        readOnlyReason = .closed
    }
}
