import OversightDomain

/// What the console and the command line need from a store of records, whatever keeps it: the
/// records as they stand, an edit saved durably as one journal entry, undo and redo of those
/// entries, their history, and whether this process may write (and if not, why).
///
/// `Store` (a private directory of CRC-framed JSON files) is the one backend today. A second (a
/// team store on PostgreSQL, say) conforms to this and passes the same contract tests
/// (`RecordStoreContractTests`), and the console session and the commands that use it need no
/// change. What is particular to files (compaction, `repair`, `validate` with file and line,
/// backups, quarantine) stays on `Store` and is not part of this.
///
/// The promises every backend keeps:
/// - `commit`, `undo` and `redo` return only once the entry is durable; on any error nothing changed.
/// - An entry's number is one more than `lastSeq` before it; numbers are never used twice.
/// - Undo takes back the newest action not yet undone (an undo entry carrying the inverse images);
///   redo does again the newest action undone; a new action clears redo. Both survive a reopen.
/// - While `readOnlyReason` is set, `commit`, `undo` and `redo` throw `.readOnly` and change nothing.
public protocol RecordStore: AnyObject {
    /// Where the records are kept, as the user named it (a directory for the file store): said in
    /// logs, and what the console's kept drafts are filed under.
    var location: String { get }
    /// Who entries are recorded as (already cleaned of control characters).
    var user: String { get }
    /// Now, by the store's clock: what the next entry will be stamped with.
    var now: Timestamp { get }

    /// The records as every saved entry has left them.
    var dataset: Dataset { get }
    /// The records read so far, for a first frame that need not wait for the rest (a `Store` opened
    /// with `StoreOptions.opening` reads the period it opens on first); `dataset` is always all of them.
    var openingDataset: Dataset { get }
    /// Reads whatever opening left for later, checking it as opening would have; returns the records it
    /// read (none when there was nothing left). `dataset` does this itself when first asked for.
    @discardableResult
    func finishOpening() -> [RecordKey]
    /// Whether `finishOpening` has anything left to read.
    var isPartlyRead: Bool { get }
    /// The newest entry's number (0 before the first).
    var lastSeq: Int { get }
    /// Summaries of the entries, oldest first, as far back as the store keeps them.
    var history: [HistoryItem] { get }
    /// When this process last saved an entry.
    var lastSaved: Timestamp? { get }

    /// The action `undo()` would take back, and the one `redo()` would do again.
    var nextUndo: JournalEntry? { get }
    var nextRedo: JournalEntry? { get }

    /// Why this process may not write (asked to read only, another holds the lock, damage), or nil.
    var readOnlyReason: ReadOnlyReason? { get }
    /// What is wrong with what the store holds, whoever opened it (nil when it is whole).
    var damage: ReadOnlyReason? { get }
    /// What opening found or did, for the user to read.
    var notices: [String] { get }

    /// Checks an edit against the records, saves it durably as one entry, applies it; returns the entry.
    @discardableResult
    func commit(_ edit: Edit) throws(StoreError) -> JournalEntry
    /// Takes back the newest action still on the undo stack, as an entry of its own.
    @discardableResult
    func undo() throws(StoreError) -> JournalEntry
    /// Does again the action most recently undone, as an entry of its own.
    @discardableResult
    func redo() throws(StoreError) -> JournalEntry

    /// A cheap look at the store from outside; two looks differ when something was written in
    /// between (see `ChangeMark`). Read-only consoles poll it to follow another's saves.
    func changeMark() -> ChangeMark

    /// Gives up writing (and any lock). With `compacting`, a backend that keeps a log beside a base
    /// may fold the one into the other first, as the console asks on a clean exit.
    func close(compacting: Bool)
}

extension RecordStore {
    public var isReadOnly: Bool { readOnlyReason != nil }

    /// A backend that reads everything at open.
    public var openingDataset: Dataset { dataset }
    @discardableResult
    public func finishOpening() -> [RecordKey] { [] }
    public var isPartlyRead: Bool { false }

    /// Today, by the store's clock (UTC).
    public var today: CalendarDate { now.date }

    /// A new record id: a prefix, the time, and random digits, so ids sort roughly by creation
    /// and two people adding a note in the same second still get different ones.
    public func makeID(_ prefix: String) -> String {
        RecordID.make(prefix, at: now, salt: UInt32.random(in: 0...UInt32.max))
    }
}
