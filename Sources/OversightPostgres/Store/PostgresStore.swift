import Foundation
import OversightDomain
import OversightStore
import PostgresNIO

/// A team store: the records and journal on a PostgreSQL database, several people writing at once.
///
/// The same promises as the file store (`RecordStore`), kept by the server's transactions: a commit
/// moves the journal's head on by one, checks that every record it changes is still as this
/// process last saw it (its before-images), changes the records and appends the entry, all in one
/// transaction; it returns only once the server has committed it. Nothing here locks others out:
/// a stale edit is refused (`StoreError.conflict`) naming who changed the record and when, and the
/// store reads what others did (`catchUp`), so the screen shows their version.
///
/// Undo and redo are per user: the stacks are rebuilt from this user's own entries, so `u` takes
/// back my last edit, never a colleague's; the history shows everyone's. Undo is an edit like any
/// other, checked the same way, so it is refused if someone has changed that record since.
///
/// Use a store from one thread (as the file store); its connection's I/O runs on an event-loop
/// thread the calls wait on (`BlockingConnection` says why that is sound).
public final class PostgresStore: SharedRecordStore {
    public let url: PostgresURL
    public let user: String
    let clock: () -> Timestamp

    public internal(set) var dataset: Dataset
    public internal(set) var lastSeq: Int
    public internal(set) var lastSaved: Timestamp?
    public internal(set) var readOnlyReason: ReadOnlyReason?
    public internal(set) var notices: [String] = []
    public var damage: ReadOnlyReason? { nil }

    var items: [HistoryItem]
    /// This user's undo and redo stacks.
    var stacks: UndoStacks
    /// `do` entries fetched for undo and redo, by seq.
    var undoable: [Int: JournalEntry] = [:]
    /// Entries kept as summaries only (brought from a file store that had compacted their images away).
    var imageless: Set<Int>
    var connection: BlockingConnection?
    /// Notifications counted when the store was last brought up to date.
    var heardAtCatchUp = 0
    /// The newest head a change mark has said.
    var markedHead = 0
    /// A commit whose outcome the connection did not report: resolved by its entry id on the next call.
    var unresolved: UUID?

    /// Faults the tests inject at the two moments a network cut matters most (`TeamStoreFaultSlowTests`).
    public struct Faults: Sendable {
        /// The connection drops after the entry is written but before COMMIT is sent: the server rolls back.
        public var cutBeforeCommit = false
        /// COMMIT is applied but its reply never arrives: the outcome is known only by asking by entry id.
        public var loseCommitReply = false
        public init() {}
    }

    /// Set by tests; each fault fires once and clears itself.
    public var faults = Faults()

    /// The channel every commit notifies, with "seq who" as its payload.
    static let channel = "oversight_journal"

    init(url: PostgresURL, user: String, clock: @escaping () -> Timestamp, connection: BlockingConnection,
         loaded: Loaded, readOnlyReason: ReadOnlyReason?) {
        self.url = url
        self.user = user
        self.clock = clock
        self.connection = connection
        dataset = loaded.dataset
        lastSeq = loaded.seq
        items = loaded.history
        imageless = loaded.imageless
        self.readOnlyReason = readOnlyReason
        stacks = UndoStacks()
        rebuildStacks()
    }

    deinit {
        connection?.close()
    }

    public var location: String { url.description }
    public var now: Timestamp { clock() }
    public var history: [HistoryItem] { items }

    public var nextUndo: JournalEntry? { stacks.undo.last.flatMap { try? entry($0) } }
    public var nextRedo: JournalEntry? { stacks.redo.last.flatMap { try? entry($0) } }

    /// The journal's head: different whenever anyone has committed since the last look. When a
    /// notification (LISTEN) has named a newer entry than the last look saw, that is the mark, with
    /// no round trip; otherwise the head is read from the server (one indexed row), because a
    /// notification may still be on its way when a commit returns elsewhere, and one sent while the
    /// connection was being made again is lost. Unreachable, the mark says so (nil).
    public func changeMark() -> ChangeMark {
        if let notified = connection?.heard.withLock({ $0.newestSeq }), notified > markedHead {
            markedHead = notified
            return ChangeMark([notified])
        }
        guard let connection = try? connected(),
              let rows = try? connection.query("SELECT seq FROM oversight.head WHERE id = 1"),
              let head = try? rows.first?.decode(Int.self) else { return ChangeMark([nil]) }
        markedHead = max(markedHead, head)
        return ChangeMark([head])
    }

    public func close(compacting: Bool) {
        connection?.close()
        connection = nil
        readOnlyReason = .closed
    }

    // MARK: opening

    /// Opens the team store at `url` as `options.user`, read-only if `options.readOnly`.
    public static func open(_ url: PostgresURL, options: StoreOptions) throws(StoreError) -> PostgresStore {
        let connection: BlockingConnection
        do {
            connection = try BlockingConnection.connect(url)
        } catch {
            throw .unreadable("Could not reach the team store at \(url): \(error.message)")
        }
        do {
            guard let version = try Schema.version(on: connection) else {
                throw StoreError.notAStore("\(url) holds no oversight store; create one with `oversight init --store \(url)`.")
            }
            var reason: ReadOnlyReason? = options.readOnly ? .requested : nil
            if version > Migrations.latest {
                reason = .newerSchema(found: version, supported: Migrations.latest)
            } else if version < Migrations.latest && !options.readOnly {
                try connection.transaction { () throws(PostgresFailure) in try Schema.migrate(on: connection, from: version) }
            }
            if reason == nil, try !mayWrite(on: connection) { reason = .notPermitted(role: url.user) }
            try connection.listen(channel)
            let loaded = try load(on: connection)
            let store = PostgresStore(url: url, user: StoreOptions.recordable(user: options.user), clock: options.clock,
                                      connection: connection, loaded: loaded, readOnlyReason: reason)
            store.heardAtCatchUp = connection.heard.withLock { $0.count }
            return store
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresFailure {
            throw .unreadable("Could not open the team store at \(url): \(error.message)")
        } catch {
            throw .unreadable("Could not open the team store at \(url): \(error)")
        }
    }

    /// Whether this role may commit at all (row-level security may still refuse a particular record).
    static func mayWrite(on connection: BlockingConnection) throws(PostgresFailure) -> Bool {
        let rows = try connection.query("SELECT has_table_privilege('oversight.journal', 'INSERT') AND has_table_privilege('oversight.head', 'UPDATE')")
        return (try? rows.first?.decode(Bool.self)) ?? false
    }

    struct Loaded {
        var dataset: Dataset
        var seq: Int
        var history: [HistoryItem]
        var imageless: Set<Int>
    }

    /// The whole store in one statement, so one snapshot of the database: the dataset put together
    /// by the server as JSON text (reference data and every record, by kind), the head, the
    /// history's summaries. Text is joined rather than a jsonb document built: building one of the
    /// bundled data's 4 MB took the server four times as long as reading the rows.
    static func load(on connection: BlockingConnection) throws(PostgresFailure) -> Loaded {
        let fields = RecordRows.collections.map(\.field)
        let reference = "(r.data" + fields.map { " - '\($0)'" }.joined() + ")::text"
        let parts = RecordRows.collections.map { kind, field in
            "'\"\(field)\":[' || coalesce(string_agg(x.body::text, ',' ORDER BY x.key) FILTER (WHERE x.kind = '\(kind)'), '') || ']'"
        }.joined(separator: " || ',' || ")
        let sql = """
        SELECT left(\(reference), -1) || ',' || (SELECT \(parts) FROM oversight.records x) || '}',
               (SELECT seq FROM oversight.head),
               (SELECT '[' || coalesce(string_agg(summary::text, ',' ORDER BY seq), '') || ']' FROM oversight.journal),
               (SELECT coalesce(array_agg(seq ORDER BY seq), '{}') FROM oversight.journal WHERE entry IS NULL)
        FROM oversight.reference r
        """
        let rows = try connection.query(PostgresQuery(unsafeSQL: sql))
        guard let row = rows.first else { throw PostgresFailure(kind: .decoding, message: "the store has no reference data (was `oversight init` cut short?)") }
        let (datasetText, seq, historyText, imageless): (String, Int, String, [Int])
        do {
            (datasetText, seq, historyText, imageless) = try row.decode((String, Int, String, [Int]).self)
        } catch {
            throw PostgresFailure(error)
        }
        var dataset = try RecordRows.decode(Dataset.self, datasetText)
        dataset.normalise()
        let history = try RecordRows.decode([HistoryItem].self, historyText)
        return Loaded(dataset: dataset, seq: seq, history: history, imageless: Set(imageless))
    }

    /// This user's stacks, from their own entries in order. An entry that does not fit (two
    /// consoles of one user racing, say) is passed over with a notice rather than refusing to open:
    /// undo is then checked against the records as they are, which is what keeps it safe.
    func rebuildStacks() {
        var rebuilt = UndoStacks()
        for item in items where item.user == user {
            do {
                try rebuilt.record(item.kind, seq: item.seq, of: item.of)
            } catch {
                notices.append("Your undo history skips entry \(item.seq): \(error)")
            }
        }
        stacks = rebuilt
    }

    /// A `do` entry's full images, fetched once.
    func entry(_ seq: Int) throws(StoreError) -> JournalEntry {
        if let known = undoable[seq] { return known }
        if imageless.contains(seq) {
            throw .unreadable("Entry \(seq) is too old to take back here: it came from a file store that had folded its details away.")
        }
        guard let connection else { throw .readOnly(readOnlyReason ?? .closed) }
        do {
            let rows = try connection.query("SELECT entry::text FROM oversight.journal WHERE seq = \(seq)")
            guard let text = try rows.first?.decode(String?.self) else {
                throw StoreError.unreadable("Entry \(seq) is not in the team store's journal.")
            }
            let entry = try RecordRows.decode(JournalEntry.self, text)
            undoable[seq] = entry
            return entry
        } catch let error as StoreError {
            throw error
        } catch {
            throw .offline("\(error)")
        }
    }
}
