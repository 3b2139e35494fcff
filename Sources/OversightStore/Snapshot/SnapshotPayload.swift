import OversightDomain

/// What snapshot.json holds inside its frame: the dataset as of journal sequence number `seq`,
/// and the undo window (journal entries still undoable or redoable), so undo survives compaction.
public struct SnapshotPayload: Codable, Equatable, Sendable {
    /// The store format version this binary writes and reads.
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// The last journal entry folded into `data`; replay starts after it.
    public var seq: Int
    public var data: Dataset
    public var history: UndoWindow
    /// Summaries of the most recent journal entries (images left out), newest last.
    public var log: [HistoryItem]

    public init(schemaVersion: Int = SnapshotPayload.currentSchemaVersion, seq: Int, data: Dataset,
                history: UndoWindow = UndoWindow(), log: [HistoryItem] = []) {
        self.schemaVersion = schemaVersion
        self.seq = seq
        self.data = data
        self.history = history
        self.log = log
    }

    /// How many undoable actions and history summaries a snapshot keeps.
    public static let undoWindowLimit = 1_000
    public static let logLimit = 10_000
}

/// The journal entries a snapshot keeps so that undo and redo reach back past compaction.
public struct UndoWindow: Codable, Equatable, Sendable {
    public var entries: [JournalEntry]
    /// Sequence numbers of entries that can be undone, oldest first.
    public var undo: [Int]
    /// Sequence numbers of entries that can be redone, the next redo last.
    public var redo: [Int]

    public init(entries: [JournalEntry] = [], undo: [Int] = [], redo: [Int] = []) {
        self.entries = entries
        self.undo = undo
        self.redo = redo
    }
}
