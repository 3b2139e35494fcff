import OversightDomain

/// An open store: the dataset, the journal that makes every edit durable, and undo and redo.
///
/// Every edit is validated, written to the journal as one CRC-framed line with one `write`, and
/// made durable with `fdatasync` before memory changes and the caller is told it is saved.
/// Undo and redo are journal entries too; their stacks are rebuilt from the journal on open.
/// Use a store from one thread.
public final class Store {
    public let layout: StoreLayout
    public internal(set) var dataset: Dataset
    /// Whether edits are possible, and if not, why.
    public internal(set) var readOnlyReason: ReadOnlyReason?
    /// Whatever is wrong with the store's files, whoever opened it (nil when it is whole).
    /// Distinct from `readOnlyReason`, which may only say that another process holds the lock.
    public internal(set) var damage: ReadOnlyReason?
    /// What recovery did or found on open, for the user to read.
    public internal(set) var notices: [String]
    /// When the last edit was saved (in this session).
    public private(set) var lastSaved: Timestamp?

    let fs: FileSystem
    var options: StoreOptions
    /// The journal seq folded into snapshot.json.
    var snapshotSeq: Int
    /// The newest seq in the journal.
    public internal(set) var lastSeq: Int
    var stacks: UndoStacks
    /// The `do` entries on the undo and redo stacks, by seq.
    var undoable: [Int: UndoableEntry]
    /// The encoded size of undoable entries, by seq, so compaction can cap the window without re-encoding it.
    var entryBytes: [Int: Int] = [:]
    var log: HistoryLog
    var journalHandle: Int32?
    var journalSize: Int
    var journalEntries: Int
    /// Whether this store took the lock (and so must give it back on close).
    var holdsLock = false
    /// A torn last line this open left in place (it did not tidy), for `repair` to offer to cut.
    var tornTail: (line: Int, offset: Int)?
    /// What `planRepair` found, kept for `repair` to carry out (the lock is held in between).
    var survey: RepairSurvey?

    init(layout: StoreLayout, dataset: Dataset, options: StoreOptions, snapshotSeq: Int, lastSeq: Int, stacks: UndoStacks,
         undoable: [Int: UndoableEntry], log: HistoryLog, journalSize: Int, journalEntries: Int,
         readOnlyReason: ReadOnlyReason?, notices: [String]) {
        self.layout = layout
        self.dataset = dataset
        var options = options
        // Who is recorded in every entry: cleaned here, once, whatever said it (--user, $USER, the console).
        options.user = StoreOptions.recordable(user: options.user)
        self.options = options
        self.fs = options.fileSystem
        self.snapshotSeq = snapshotSeq
        self.lastSeq = lastSeq
        self.stacks = stacks
        self.undoable = undoable
        self.log = log
        self.journalSize = journalSize
        self.journalEntries = journalEntries
        self.readOnlyReason = readOnlyReason
        self.notices = notices
    }

    deinit {
        if let journalHandle { fs.close(journalHandle) }
        if holdsLock { fs.unlock(layout.lock) }
    }

    public var isReadOnly: Bool { readOnlyReason != nil }
    public var user: String { options.user }

    // MARK: undo and redo, as the user sees them

    public var canUndo: Bool { !isReadOnly && stacks.undo.last.flatMap { undoable[$0] } != nil }
    public var canRedo: Bool { !isReadOnly && stacks.redo.last.flatMap { undoable[$0] } != nil }
    /// What `undo()` would take back.
    public var nextUndo: JournalEntry? { stacks.undo.last.flatMap { try? undoable[$0]?.entry() } }
    public var nextRedo: JournalEntry? { stacks.redo.last.flatMap { try? undoable[$0]?.entry() } }
    public var undoDepth: Int { stacks.undo.count }
    public var redoDepth: Int { stacks.redo.count }

    /// The journal's summaries, oldest first (back past compaction, up to the snapshot's log limit).
    public var history: [HistoryItem] { log.all }

    // MARK: edits

    /// Validates an edit, saves it durably, applies it. Returns the saved entry.
    @discardableResult
    public func commit(_ edit: Edit) throws(StoreError) -> JournalEntry {
        try requireWritable()
        let change: Change
        do {
            change = try edit.change(against: dataset)
        } catch {
            throw .invalidEdit(field: error.field, message: error.message)
        }
        let entry = JournalEntry(seq: lastSeq + 1, ts: options.clock(), user: options.user, kind: .do,
                                 cmd: edit.name, label: edit.label(in: dataset), change: change)
        try save(entry)
        return entry
    }

    /// Takes back the most recent action still on the undo stack; says what it undid.
    @discardableResult
    public func undo() throws(StoreError) -> JournalEntry {
        try requireWritable()
        guard let seq = stacks.undo.last else { throw .nothingToUndo }
        let target = try stackEntry(seq)
        let entry = JournalEntry(seq: lastSeq + 1, ts: options.clock(), user: options.user, kind: .undo, of: target.seq,
                                 cmd: target.cmd, label: target.label, change: target.change.inverted())
        try save(entry)
        return entry
    }

    /// Does again the most recently undone action.
    @discardableResult
    public func redo() throws(StoreError) -> JournalEntry {
        try requireWritable()
        guard let seq = stacks.redo.last else { throw .nothingToRedo }
        let target = try stackEntry(seq)
        let entry = JournalEntry(seq: lastSeq + 1, ts: options.clock(), user: options.user, kind: .redo, of: target.seq,
                                 cmd: target.cmd, label: target.label, change: target.change)
        try save(entry)
        return entry
    }

    /// The `do` entry behind a seq on the undo or redo stack, decoded if the snapshot still held it as JSON.
    private func stackEntry(_ seq: Int) throws(StoreError) -> JournalEntry {
        guard let undoable = undoable[seq] else {
            throw .unreadable("entry \(seq) is on the undo stack but its record images are missing; run `oversight validate`")
        }
        do {
            return try undoable.entry()
        } catch {
            throw .unreadable("entry \(seq) of the undo window does not decode (\(error)); run `oversight validate`")
        }
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
        var nextStacks = stacks
        do {
            try nextStacks.record(entry.kind, seq: entry.seq, of: entry.of)
        } catch {
            throw .invalidEdit(field: nil, message: "\(error)")
        }
        let bytes = try append(entry)

        dataset = next
        stacks = nextStacks
        lastSeq = entry.seq
        lastSaved = entry.ts
        if entry.kind == .do {
            undoable[entry.seq] = UndoableEntry(entry)
            entryBytes[entry.seq] = bytes
        }
        let live = stacks.all
        if undoable.count > live.count { undoable = undoable.filter { live.contains($0.key) } }
        log.append(HistoryItem(entry))

        if journalEntries >= options.compactAfterEntries || journalSize >= options.compactAfterBytes {
            do {
                try compact()
            } catch {
                notices.append("Saved, but tidying the journal failed: \(error)")
            }
        }
    }

    /// One write of the whole framed line (looping on short counts), then fdatasync.
    /// A failed write is cut back off the file; a failed sync makes the store read-only.
    /// Returns the size of the entry's payload.
    @discardableResult
    func append(_ entry: JournalEntry) throws(StoreError) -> Int {
        let frame: [UInt8]
        let payload: [UInt8]
        do {
            payload = try PayloadCoding.encodeEntry(entry)
            frame = Frame.encode(payload)
        } catch {
            throw .invalidEdit(field: nil, message: "could not encode the change: \(error)")
        }
        guard frame.count <= options.maxEntryBytes else { throw .tooLarge(bytes: frame.count, limit: options.maxEntryBytes) }
        guard let handle = journalHandle else { throw .readOnly(.closed) }
        var written = 0
        do throws(IOFailure) {
            while written < frame.count {
                let count = try fs.write(handle, frame[written...])
                guard count > 0 else { throw IOFailure(errno: 5, operation: "write", path: layout.journal) }
                written += count
            }
        } catch {
            if written > 0 {
                do throws(IOFailure) {
                    try fs.truncate(handle, to: journalSize)
                    try fs.dataSync(handle)
                } catch let trimFailure {
                    readOnlyReason = .syncFailed("could not cut a failed write back off the journal: \(trimFailure)")
                }
            }
            throw .writeFailed(error)
        }
        do throws(IOFailure) {
            if !options.unsafeSkipJournalSync { try fs.dataSync(handle) }
        } catch {
            readOnlyReason = .syncFailed(error.description)
            throw .syncFailed(error)
        }
        journalSize += frame.count
        journalEntries += 1
        return payload.count
    }

    /// Closes the journal and gives up the lock. With `compacting`, first folds the journal into
    /// the snapshot so that the next open replays nothing: the console does this on a clean exit;
    /// one-shot commands do not, since rewriting the snapshot costs far more than their edit
    /// (the journal is compacted anyway once it passes its thresholds).
    public func close(compacting: Bool = false) {
        if compacting && !isReadOnly && journalEntries > 0 {
            do { try compact() } catch { notices.append("Could not tidy the journal on exit: \(error)") }
        }
        if let journalHandle { fs.close(journalHandle) }
        journalHandle = nil
        if holdsLock { fs.unlock(layout.lock) }
        holdsLock = false
        readOnlyReason = .closed
    }
}
