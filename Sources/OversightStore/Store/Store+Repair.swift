import OversightDomain

/// What `oversight repair` would do to a damaged store, worked out before anything is touched.
public struct RepairPlan: Equatable, Sendable {
    public enum Step: Equatable, Sendable {
        /// Move the journal from `offset` to its end into quarantine/ and cut it there.
        case cutJournal(line: Int, offset: Int, bytes: Int)
        /// Move the damaged snapshot (and a copy of the journal) into quarantine/ and write a new
        /// snapshot from what could be recovered (the newest backup with the journals after it).
        case rebuildSnapshot(dropUndoWindow: Bool)
    }

    public var steps: [Step]
    /// Why, in words.
    public var reason: String

    public var isEmpty: Bool { steps.isEmpty }

    /// One line per step, for the user to read before saying yes.
    public var description: [String] {
        steps.map { step in
            switch step {
            case .cutJournal(let line, let offset, let bytes):
                return "Move the journal from line \(line) (byte \(offset)) to its end, \(bytes) bytes, into quarantine/, and cut the journal there. Entries in those bytes will no longer be in the store; the bytes are kept."
            case .rebuildSnapshot(let drop):
                return "Move snapshot.json into quarantine/, keep a copy of the journal there, and write a new snapshot from the newest backup and the journals after it"
                    + (drop ? " (without the undo history, which is inconsistent)." : ".")
            }
        }
    }
}

extension Store {
    /// Works out the repair this (writable-locked) store needs, from what open found.
    public func planRepair() throws(StoreError) -> RepairPlan {
        if case .lockedByAnotherProcess = readOnlyReason { throw .readOnly(readOnlyReason!) }
        guard holdsLock else { throw .readOnly(readOnlyReason ?? .requested) }
        guard let damage else { return RepairPlan(steps: [], reason: "The store is whole; there is nothing to repair.") }
        switch damage {
        case .damagedJournal(let line, let offset, _):
            return RepairPlan(steps: [.cutJournal(line: line, offset: offset, bytes: journalSize - offset)], reason: damage.explanation)
        case .inconsistentJournal(let line?, let offset?, _):
            return RepairPlan(steps: [.cutJournal(line: line, offset: offset, bytes: journalSize - offset)], reason: damage.explanation)
        case .inconsistentJournal(nil, _, _), .inconsistentJournal(_, nil, _):
            return RepairPlan(steps: [.rebuildSnapshot(dropUndoWindow: true)], reason: damage.explanation)
        case .damagedSnapshot:
            return RepairPlan(steps: [.rebuildSnapshot(dropUndoWindow: false)], reason: damage.explanation)
        case .newerSchema, .invalidData, .syncFailed, .requested, .lockedByAnotherProcess, .closed:
            throw .unreadable("Repair cannot fix this. \(damage.explanation)")
        }
    }

    /// Carries out a plan. Bytes are moved or copied into quarantine/ before anything is cut.
    /// Afterwards the store is closed: open it again to use it.
    public func repair(_ plan: RepairPlan) throws(StoreError) {
        guard holdsLock else { throw .readOnly(readOnlyReason ?? .requested) }
        do throws(IOFailure) {
            for step in plan.steps {
                switch step {
                case .cutJournal(_, let offset, _):
                    let bytes = try fs.read(layout.journal) ?? []
                    guard offset <= bytes.count else { continue }
                    try Store.quarantine(Array(bytes[offset...]), name: "journal-damaged.jsonl", layout: layout, fs: fs)
                    let handle = try fs.openForAppend(layout.journal, mode: StoreLayout.fileMode)
                    defer { fs.close(handle) }
                    try fs.truncate(handle, to: offset)
                    try fs.dataSync(handle)
                case .rebuildSnapshot(let dropUndoWindow):
                    try rebuildSnapshot(dropUndoWindow: dropUndoWindow)
                }
            }
        } catch {
            throw .writeFailed(error)
        }
        close(compacting: false)
    }

    /// Writes the recovered state as the new snapshot, with an empty journal, keeping the old files in quarantine/.
    private func rebuildSnapshot(dropUndoWindow: Bool) throws(IOFailure) {
        if let old = try fs.read(layout.snapshot) {
            try Store.quarantine(old, name: "snapshot-damaged.json", layout: layout, fs: fs)
        }
        if let journal = try fs.read(layout.journal), !journal.isEmpty {
            try Store.quarantine(journal, name: "journal-before-rebuild.jsonl", layout: layout, fs: fs)
        }
        let window = dropUndoWindow ? UndoStacks() : stacks
        let entries = window.all.sorted().compactMap { try? undoable[$0]?.entry() }
        let payload = SnapshotPayload(seq: lastSeq, data: dataset,
                                      history: UndoWindow(entries: entries, undo: window.undo, redo: window.redo),
                                      log: Array(log.all.suffix(SnapshotPayload.logLimit)))
        guard let bytes = try? SnapshotCodec.encode(payload) else {
            throw IOFailure(errno: 22, operation: "encode snapshot", path: layout.snapshot)
        }
        if fs.exists(layout.snapshotTemp) { try fs.remove(layout.snapshotTemp) }
        try writeDurably(bytes, to: layout.snapshotTemp)
        try fs.rename(layout.snapshotTemp, layout.snapshot)
        try fs.syncDirectory(layout.directory)
        if fs.exists(layout.journalTemp) { try fs.remove(layout.journalTemp) }
        try writeDurably([], to: layout.journalTemp)
        try fs.rename(layout.journalTemp, layout.journal)
        try fs.syncDirectory(layout.directory)
    }
}
