import Foundation
import OversightDomain
import OversightStore
import PostgresNIO

extension PostgresStore {
    @discardableResult
    public func commit(_ edit: Edit) throws(StoreError) -> JournalEntry {
        try requireWritable()
        // Against the records as this process last read them: what the user saw. A colleague's
        // edit since then is not folded in here; the server's before-image check refuses the edit instead.
        let change = try edit.checkedChange(against: dataset)
        return try write(kind: .do, of: nil, cmd: edit.name, label: edit.label(in: dataset), change: change)
    }

    @discardableResult
    public func undo() throws(StoreError) -> JournalEntry {
        try requireWritable()
        guard let seq = stacks.undo.last else { throw .nothingToUndo }
        let target = try entry(seq)
        return try write(kind: .undo, of: seq, cmd: target.cmd, label: target.label, change: target.change.inverted())
    }

    @discardableResult
    public func redo() throws(StoreError) -> JournalEntry {
        try requireWritable()
        guard let seq = stacks.redo.last else { throw .nothingToRedo }
        let target = try entry(seq)
        return try write(kind: .redo, of: seq, cmd: target.cmd, label: target.label, change: target.change)
    }

    func requireWritable() throws(StoreError) {
        if let readOnlyReason { throw .readOnly(readOnlyReason) }
    }

    /// Why a commit's transaction did not happen.
    enum CommitFailure: Error {
        case conflict(EditConflict)
        case postgres(PostgresFailure)
        case invalid(String)
    }

    /// The commit protocol, in one transaction: move the head on (which orders commits), lock and
    /// check the records' before-images, change the records, append the entry, notify. Only after
    /// the server's COMMIT does this process's copy change; on any failure nothing did.
    func write(kind: JournalEntry.Kind, of target: Int?, cmd: String, label: String, change: Change) throws(StoreError) -> JournalEntry {
        try resolveUnresolved()
        let id = UUID()
        let ts = clock()
        let connection = try connected()
        do {
            let entry = try commitTransaction(on: connection, id: id, ts: ts, kind: kind, of: target, cmd: cmd, label: label, change: change)
            try catchUp(through: entry)
            lastSaved = ts
            return entry
        } catch let failure as CommitFailure {
            switch failure {
            case .conflict(let conflict):
                // The screen reloads the record: bring this copy up to date before saying so.
                _ = try? catchUp()
                throw .conflict(conflict)
            case .invalid(let why):
                throw .invalidEdit(field: nil, message: why)
            case .postgres(let error):
                switch try outcome(of: id, after: error) {
                case .success(let entry):
                    lastSaved = ts
                    return entry
                case .failure(let error):
                    throw error
                }
            }
        } catch let error as StoreError {
            throw error
        } catch {
            throw .offline("\(error)")
        }
    }

    private func commitTransaction(on connection: BlockingConnection, id: UUID, ts: Timestamp, kind: JournalEntry.Kind, of target: Int?,
                                   cmd: String, label: String, change: Change) throws(CommitFailure) -> JournalEntry {
        do {
            try connection.query("BEGIN")
        } catch {
            throw .postgres(error)
        }
        do throws(CommitFailure) {
            let seq = try nextSeq(on: connection)
            try checkBeforeImages(change, on: connection)
            let entry = JournalEntry(seq: seq, ts: ts, user: user, kind: kind, of: target, cmd: cmd, label: label, change: change)
            try apply(entry, id: id, on: connection)
            if faults.cutBeforeCommit {
                faults.cutBeforeCommit = false
                connection.close()
            }
            try run(connection, "COMMIT")
            if faults.loseCommitReply {
                faults.loseCommitReply = false
                connection.close()
                throw .postgres(PostgresFailure(kind: .connection, message: "the connection dropped before the server's reply"))
            }
            return entry
        } catch {
            _ = try? connection.query("ROLLBACK")
            throw error
        }
    }

    private func run(_ connection: BlockingConnection, _ query: PostgresQuery) throws(CommitFailure) {
        do { try connection.query(query) } catch { throw .postgres(error) }
    }

    private func rows(_ connection: BlockingConnection, _ query: PostgresQuery) throws(CommitFailure) -> [PostgresRow] {
        do { return try connection.query(query) } catch { throw .postgres(error) }
    }

    /// Takes the next number. The head's row stays locked until this transaction ends, so commits
    /// take their numbers, and are checked, one after another.
    private func nextSeq(on connection: BlockingConnection) throws(CommitFailure) -> Int {
        let rows = try rows(connection, "UPDATE oversight.head SET seq = seq + 1 WHERE id = 1 RETURNING seq")
        guard let seq = try? rows.first?.decode(Int.self) else { throw .invalid("the team store has no head row; run `oversight init` again") }
        return seq
    }

    /// Every record the change touches must be as its before-image says (each against the images of
    /// those before it in the same change, as `Dataset.apply` checks); else whoever changed it since is named.
    private func checkBeforeImages(_ change: Change, on connection: BlockingConnection) throws(CommitFailure) {
        let keys = Array(Set(change.records.map(\.key.rawValue))).sorted()
        let found = try rows(connection, """
            SELECT r.key, jsonb_build_object(r.kind, r.body)::text, r.changed_seq, r.changed_by,
                   extract(epoch FROM r.changed_at)::bigint, j.summary->>'label'
            FROM oversight.records r LEFT JOIN oversight.journal j ON j.seq = r.changed_seq
            WHERE r.key = ANY(\(keys)) ORDER BY r.key FOR UPDATE OF r
            """)
        struct Current { var record: Record?; var seq: Int; var by: String?; var at: Int?; var label: String? }
        var current: [String: Current] = [:]
        for row in found {
            do {
                let (key, text, seq, by, at, label) = try row.decode((String, String, Int, String?, Int?, String?).self)
                current[key] = Current(record: try RecordRows.decode(Record.self, text), seq: seq, by: by, at: at, label: label)
            } catch let error as PostgresFailure {
                throw .postgres(error)
            } catch {
                throw .postgres(PostgresFailure(error))
            }
        }
        var pending: [String: Record?] = [:]
        for record in change.records {
            let key = record.key.rawValue
            let now: Record? = pending[key] ?? current[key]?.record
            if now != record.before {
                // Who changed it last. A record deleted since has no row: its last entry is looked up by key.
                let info = current[key] ?? lastChange(of: key, on: connection)
                throw .conflict(EditConflict(record: key, by: info?.by, at: info?.at.map { Timestamp(secondsSince1970: Int64($0)) },
                                             seq: info?.seq ?? 0, label: info?.label))
            }
            pending[key] = .some(record.after)
        }

        func lastChange(of key: String, on connection: BlockingConnection) -> Current? {
            let rows = try? connection.query("""
                SELECT seq, who, extract(epoch FROM at)::bigint, summary->>'label' FROM oversight.journal
                WHERE summary->'keys' ? \(key) ORDER BY seq DESC LIMIT 1
                """)
            guard let row = rows?.first, let (seq, by, at, label) = try? row.decode((Int, String, Int, String?).self) else { return nil }
            return Current(record: nil, seq: seq, by: by, at: at, label: label)
        }
    }

    /// Changes the records and appends the entry, and tells every listener once it commits.
    private func apply(_ entry: JournalEntry, id: UUID, on connection: BlockingConnection) throws(CommitFailure) {
        var upserts: [RecordRows.Row] = []
        var deletes: [String] = []
        for record in entry.change.records {
            if let after = record.after {
                upserts.removeAll { $0.key == record.key.rawValue }
                upserts.append(RecordRows.Row(key: record.key.rawValue, kind: RecordRows.kind(record.key),
                                              region: RecordRows.region(of: after, in: dataset), record: after,
                                              seq: entry.seq, by: entry.user, at: entry.ts.secondsSince1970))
                deletes.removeAll { $0 == record.key.rawValue }
            } else {
                upserts.removeAll { $0.key == record.key.rawValue }
                deletes.append(record.key.rawValue)
            }
        }
        let rowsJSON: String
        let summaryJSON: String
        let entryJSON: String
        do {
            rowsJSON = try RecordRows.json(upserts)
            summaryJSON = try RecordRows.json(HistoryItem(entry))
            entryJSON = try RecordRows.json(entry)
        } catch {
            throw .postgres(error)
        }
        if !deletes.isEmpty {
            try run(connection, "DELETE FROM oversight.records WHERE key = ANY(\(deletes))")
        }
        if !upserts.isEmpty {
            try run(connection, """
                INSERT INTO oversight.records (key, kind, region, body, changed_seq, changed_by, changed_at)
                SELECT x->>'key', x->>'kind', x->>'region', x->'record'->(x->>'kind'), (x->>'seq')::bigint, x->>'by', to_timestamp((x->>'at')::bigint)
                FROM jsonb_array_elements(\(rowsJSON)::jsonb) x
                ON CONFLICT (key) DO UPDATE SET kind = excluded.kind, region = excluded.region, body = excluded.body,
                    changed_seq = excluded.changed_seq, changed_by = excluded.changed_by, changed_at = excluded.changed_at
                """)
        }
        try run(connection, """
            INSERT INTO oversight.journal (seq, entry_id, kind, of_seq, who, at, summary, entry)
            VALUES (\(entry.seq), \(id), \(entry.kind.rawValue), \(entry.of), \(entry.user), to_timestamp(\(Int(entry.ts.secondsSince1970))),
                    \(summaryJSON)::jsonb, \(entryJSON)::jsonb)
            """)
        try run(connection, "SELECT pg_notify(\(PostgresStore.channel), \("\(entry.seq) \(entry.user)"))")
    }

    // MARK: connection and outcomes

    /// The connection, made again if it was lost (the server restarted, the network dropped).
    func connected() throws(StoreError) -> BlockingConnection {
        if let connection, !connection.isClosed { return connection }
        do {
            let fresh = try BlockingConnection.connect(url)
            try fresh.listen(PostgresStore.channel)
            connection = fresh
            return fresh
        } catch {
            throw .offline(error.message)
        }
    }

    /// What happened to a commit whose transaction failed. A refusal by the server (a permission,
    /// row-level security, a constraint) means nothing was written. A lost connection means the
    /// COMMIT may or may not have been applied: the entry id says which, once the server can be asked.
    func outcome(of id: UUID, after error: PostgresFailure) throws(StoreError) -> Result<JournalEntry, StoreError> {
        switch error.kind {
        case .server(let state):
            if state == "42501" { return .failure(.refused(error.message)) }
            return .failure(.refused("\(error.message) [\(state)]"))
        case .decoding:
            return .failure(.invalidEdit(field: nil, message: error.message))
        case .connection:
            connection?.close()
            connection = nil
            unresolved = id
            if let entry = try? resolve(id) {
                // It was committed before the connection went: acknowledged after all.
                return .success(entry)
            }
            if unresolved == nil {
                return .failure(.offline("the connection was lost before the server committed; nothing was saved"))
            }
            return .failure(.offline("the connection was lost (\(error.message)); whether this edit reached the server will be checked when it is back"))
        }
    }

    /// Looks up a commit by its entry id on a fresh connection; nil (and the question settled) when it is
    /// not there, nil (still unsettled) when the server cannot be asked.
    func resolve(_ id: UUID) throws(StoreError) -> JournalEntry? {
        let connection = try connected()
        let rows: [PostgresRow]
        do {
            rows = try connection.query("SELECT entry::text FROM oversight.journal WHERE entry_id = \(id)")
        } catch {
            throw .offline(error.message)
        }
        unresolved = nil
        guard let text = try? rows.first?.decode(String.self) else { return nil }
        let entry: JournalEntry
        do { entry = try RecordRows.decode(JournalEntry.self, text) } catch { throw .unreadable(error.message) }
        try catchUp(through: entry)
        return entry
    }

    /// Before another write: a commit left in doubt is settled first, so it is never sent twice.
    func resolveUnresolved() throws(StoreError) {
        guard let id = unresolved else { return }
        if let entry = try resolve(id) {
            notices.append("Your earlier edit “\(entry.label)” had reached the team store (entry \(entry.seq)).")
        }
    }
}
