import OversightDomain

/// The undo and redo stacks of an open store with the `do` entries they point at: which action
/// undo takes back next, which redo does again, and the record images each of them needs.
///
/// Rebuilt from the journal on open (the snapshot keeps the window), never stored on its own. Only
/// `do` entries are kept: undo and redo entries carry their own images and refer back by `of`.
struct UndoHistory {
    private(set) var stacks: UndoStacks
    /// The `do` entries on the undo and redo stacks, by seq.
    private(set) var entries: [Int: UndoableEntry]
    /// The encoded size of kept entries, by seq, so compaction can cap the window without re-encoding it.
    private var sizes: [Int: Int] = [:]

    init(stacks: UndoStacks, entries: [Int: UndoableEntry]) {
        self.stacks = stacks
        self.entries = entries
    }

    var canUndo: Bool { stacks.undo.last.flatMap { entries[$0] } != nil }
    var canRedo: Bool { stacks.redo.last.flatMap { entries[$0] } != nil }
    /// What undo would take back (nil when there is nothing, or its images do not decode).
    var nextUndo: JournalEntry? { stacks.undo.last.flatMap { try? entries[$0]?.entry() } }
    var nextRedo: JournalEntry? { stacks.redo.last.flatMap { try? entries[$0]?.entry() } }

    /// The `do` entry undo takes back next.
    func undoTarget() throws(StoreError) -> JournalEntry {
        guard let seq = stacks.undo.last else { throw .nothingToUndo }
        return try entry(seq)
    }

    /// The `do` entry redo does again next.
    func redoTarget() throws(StoreError) -> JournalEntry {
        guard let seq = stacks.redo.last else { throw .nothingToRedo }
        return try entry(seq)
    }

    /// The `do` entry behind a seq on the undo or redo stack, decoded if the snapshot still held it as JSON.
    private func entry(_ seq: Int) throws(StoreError) -> JournalEntry {
        guard let undoable = entries[seq] else {
            throw .unreadable("entry \(seq) is on the undo stack but its record images are missing; run `oversight validate`")
        }
        do {
            return try undoable.entry()
        } catch {
            throw .unreadable("entry \(seq) of the undo window does not decode (\(error)); run `oversight validate`")
        }
    }

    /// The stacks as they will be after `entry`, worked out before it is written, so that an entry
    /// that does not fit them is refused with nothing changed. Only the stacks are copied here, not
    /// the entries they point at: a commit must not copy the whole undo window.
    func stacks(after entry: JournalEntry) throws(UndoStacks.Mismatch) -> UndoStacks {
        var next = stacks
        try next.record(entry.kind, seq: entry.seq, of: entry.of)
        return next
    }

    /// Moves past an entry now saved, to the stacks `stacks(after:)` gave: a `do` entry is kept for
    /// undo with its encoded size (`bytes`), and entries no stack reaches any more (a new action
    /// clears redo) go.
    mutating func saved(_ entry: JournalEntry, stacks next: UndoStacks, bytes: Int) {
        stacks = next
        if entry.kind == .do {
            entries[entry.seq] = UndoableEntry(entry)
            sizes[entry.seq] = bytes
        }
        let live = stacks.all
        if entries.count > live.count { entries = entries.filter { live.contains($0.key) } }
    }

    /// The undo window's size cap (store.md §7.6: 1,000 actions or 8 MiB, whichever comes first).
    static let windowBytes = 8 << 20

    /// What the next snapshot keeps: the most recent actions, at most `SnapshotPayload.undoWindowLimit`
    /// of them and `windowBytes` of entries (the oldest undo entries go first), decoded.
    mutating func window() throws(StoreError) -> (stacks: UndoStacks, entries: [JournalEntry]) {
        var window = stacks
        window.trim(to: SnapshotPayload.undoWindowLimit)
        var kept = try decoded(window)
        var total = kept.reduce(0) { $0 + encodedSize(of: $1) }
        while kept.count > 1, total > UndoHistory.windowBytes {
            window.trim(to: kept.count - 1)
            let live = window.all
            kept = kept.filter { live.contains($0.seq) }
            total = kept.reduce(0) { $0 + encodedSize(of: $1) }
        }
        return (window, kept)
    }

    /// After a compaction: only what the snapshot now keeps stays undoable.
    mutating func keep(only window: UndoStacks) {
        stacks = window
        let live = window.all
        entries = entries.filter { live.contains($0.key) }
        sizes = sizes.filter { live.contains($0.key) }
    }

    /// The window's entries, decoded (those the snapshot held are decoded only now).
    private func decoded(_ window: UndoStacks) throws(StoreError) -> [JournalEntry] {
        var decoded: [JournalEntry] = []
        for seq in window.all.sorted() {
            guard let undoable = entries[seq] else { continue }
            do {
                decoded.append(try undoable.entry())
            } catch {
                throw .unreadable("entry \(seq) of the undo window does not decode (\(error)); run `oversight validate`")
            }
        }
        return decoded
    }

    /// An entry's encoded size, remembered from its write or measured once.
    private mutating func encodedSize(of entry: JournalEntry) -> Int {
        if let known = sizes[entry.seq] { return known }
        let size = (try? PayloadCoding.encodeEntry(entry).count) ?? 0
        sizes[entry.seq] = size
        return size
    }
}
