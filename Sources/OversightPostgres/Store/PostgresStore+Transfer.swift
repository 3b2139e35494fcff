import Foundation
import OversightDomain
import OversightStore
import PostgresNIO

extension PostgresStore {
    /// Creates the team store's schema in `url`'s database and loads `payload` into it (the bundled
    /// dataset, or a file store's records, undo window and history): all in one transaction, so a
    /// failure part-way leaves the database as it was. Refuses a database that already holds one.
    public static func create(_ url: PostgresURL, from payload: SnapshotPayload) throws(StoreError) {
        let connection: BlockingConnection
        do {
            connection = try BlockingConnection.connect(url)
        } catch {
            throw .unreadable("Could not reach \(url): \(error.message)")
        }
        defer { connection.close() }
        do {
            if try Schema.version(on: connection) != nil {
                throw StoreError.unreadable("\(url) already holds an oversight store; init never overwrites one. "
                    + "`oversight export-store --store URL DIR` copies it out; name another database to make a new one.")
            }
            try connection.transaction { () throws(PostgresFailure) in
                try Schema.migrate(on: connection, from: 0)
                try load(payload, on: connection)
            }
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresFailure {
            throw .unreadable("Could not create the team store at \(url): \(error.message). Nothing was written.")
        } catch {
            throw .unreadable("Could not create the team store at \(url): \(error). Nothing was written.")
        }
    }

    /// The bulk load: reference data, every record, the history (with images for the undo window's
    /// entries), and the head at the payload's seq. Each goes as one JSON document the server unpacks.
    private static func load(_ payload: SnapshotPayload, on connection: BlockingConnection) throws(PostgresFailure) {
        let reference = try RecordRows.json(RecordRows.reference(of: payload.data))
        try connection.query("INSERT INTO oversight.reference (id, data) VALUES (1, \(reference)::jsonb)")
        let rows = try RecordRows.json(RecordRows.rows(of: payload.data))
        try connection.query("""
            INSERT INTO oversight.records (key, kind, region, body, changed_seq)
            SELECT x->>'key', x->>'kind', x->>'region', x->'record'->(x->>'kind'), 0
            FROM jsonb_array_elements(\(rows)::jsonb) x
            """)
        let images = Dictionary(payload.history.entries.map { ($0.seq, $0) }, uniquingKeysWith: { first, _ in first })
        let journal = payload.log.map { item in
            RecordRows.JournalRow(seq: item.seq, id: nil, kind: item.kind.rawValue, of: item.of, who: item.user,
                                  at: item.ts.secondsSince1970, summary: item, entry: images[item.seq])
        }
        try connection.query("""
            INSERT INTO oversight.journal (seq, kind, of_seq, who, at, summary, entry)
            SELECT (x->>'seq')::bigint, x->>'kind', (x->>'of')::bigint, x->>'who', to_timestamp((x->>'at')::bigint), x->'summary', x->'entry'
            FROM jsonb_array_elements(\(try RecordRows.json(journal))::jsonb) x
            """)
        // A record's last change is the newest entry naming it, so that a refusal can say who and when.
        try connection.query("""
            UPDATE oversight.records r SET changed_seq = j.seq, changed_by = j.who, changed_at = j.at
            FROM (SELECT DISTINCT ON (k.key) k.key, seq, who, at FROM oversight.journal,
                  jsonb_array_elements_text(summary->'keys') AS k(key) ORDER BY k.key, seq DESC) j
            WHERE r.key = j.key
            """)
        try connection.query("UPDATE oversight.head SET seq = \(payload.seq) WHERE id = 1")
    }

    /// Everything this store holds, as a file store's snapshot: the records at `lastSeq`, the history,
    /// and an undo window of everyone's actions still undoable or redoable by their own authors (a
    /// file store has one writer, so its undo goes back through them newest first).
    public func exportPayload() throws(StoreError) -> SnapshotPayload {
        try catchUp()
        var byUser: [String: UndoStacks] = [:]
        for item in items {
            do { try byUser[item.user, default: UndoStacks()].record(item.kind, seq: item.seq, of: item.of) } catch {}
        }
        var undo = byUser.values.flatMap(\.undo).filter { !imageless.contains($0) }.sorted()
        var redo = byUser.values.flatMap(\.redo).filter { !imageless.contains($0) }.sorted(by: >)
        // The file store keeps at most its window's worth, the oldest undo going first.
        let excess = undo.count + redo.count - SnapshotPayload.undoWindowLimit
        if excess > 0 {
            let fromUndo = min(excess, undo.count)
            undo.removeFirst(fromUndo)
            if excess > fromUndo { redo.removeFirst(excess - fromUndo) }
        }
        var entries: [JournalEntry] = []
        for seq in (undo + redo).sorted() {
            entries.append(try entry(seq))
        }
        return SnapshotPayload(seq: lastSeq, data: dataset, history: UndoWindow(entries: entries, undo: undo, redo: redo),
                               log: Array(items.suffix(SnapshotPayload.logLimit)))
    }
}

/// Databases on a server, for `oversight init --create-database`, the tests and the benchmarks.
public enum PostgresDatabases {
    /// Creates an empty database (the URL's user needs CREATEDB); its name is quoted as an identifier.
    public static func create(_ name: String, on url: PostgresURL) throws(StoreError) {
        try run("CREATE DATABASE \(quoted(name))", on: url)
    }

    /// Drops a database, ending any connections still on it (the tests' tidying up).
    public static func drop(_ name: String, on url: PostgresURL) throws(StoreError) {
        try run("DROP DATABASE IF EXISTS \(quoted(name)) WITH (FORCE)", on: url)
    }

    /// Runs administrative statements (roles, grants) as the URL's user, one after another.
    public static func run(_ sql: String, on url: PostgresURL) throws(StoreError) {
        do {
            let connection = try BlockingConnection.connect(url)
            defer { connection.close() }
            for statement in SQLStatements.split(sql) {
                try connection.query(PostgresQuery(unsafeSQL: statement))
            }
        } catch {
            throw .unreadable("\(url): \(error.message)")
        }
    }

    static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacing("\"", with: "\"\"") + "\""
    }
}
