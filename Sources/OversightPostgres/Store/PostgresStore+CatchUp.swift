import OversightDomain
import OversightStore
import PostgresNIO

extension PostgresStore {
    /// Reads and applies every entry committed since this store last looked (by anyone), oldest
    /// first; returns their summaries. The records change exactly as the journal says, so this copy
    /// stays what the server holds at `lastSeq`.
    @discardableResult
    public func catchUp() throws(StoreError) -> [HistoryItem] {
        guard readOnlyReason != .closed else { return [] }
        let connection = try connected()
        let heard = connection.heard.withLock { $0.count }
        let rows: [PostgresRow]
        do {
            rows = try connection.query("SELECT seq, entry::text FROM oversight.journal WHERE seq > \(lastSeq) ORDER BY seq")
        } catch {
            if error.kind == .connection {
                self.connection = nil
                throw .offline(error.message)
            }
            throw .unreadable("Could not read the team store's new entries: \(error.message)")
        }
        var applied: [HistoryItem] = []
        for row in rows {
            do {
                let (seq, text) = try row.decode((Int, String?).self)
                guard let text else { throw StoreError.unreadable("entry \(seq) has no images") }
                let entry = try RecordRows.decode(JournalEntry.self, text)
                try take(entry)
                applied.append(HistoryItem(entry))
            } catch let error as StoreError {
                throw error
            } catch {
                throw .unreadable("A new entry in the team store did not read: \(error)")
            }
        }
        heardAtCatchUp = heard
        return applied
    }

    /// Up to date through an entry this process just committed: others' entries in between are
    /// read first; when there are none (the usual case) nothing more is asked of the server.
    func catchUp(through entry: JournalEntry) throws(StoreError) {
        if entry.seq > lastSeq + 1 {
            let rows: [PostgresRow]
            do {
                rows = try connected().query("SELECT entry::text FROM oversight.journal WHERE seq > \(lastSeq) AND seq < \(entry.seq) ORDER BY seq")
            } catch let error as StoreError {
                throw error
            } catch {
                throw .offline("\(error)")
            }
            for row in rows {
                do {
                    try take(RecordRows.decode(JournalEntry.self, try row.decode(String.self)))
                } catch let error as StoreError {
                    throw error
                } catch {
                    throw .unreadable("A new entry in the team store did not read: \(error)")
                }
            }
        }
        if entry.seq == lastSeq + 1 { try take(entry) }
    }

    /// One committed entry into this copy: the records, the history, and (mine only) the undo stacks.
    private func take(_ entry: JournalEntry) throws(StoreError) {
        guard entry.seq == lastSeq + 1 else {
            throw .unreadable("The team store's journal skips from \(lastSeq) to \(entry.seq); reopen to read it afresh.")
        }
        do {
            try dataset.apply(entry.change)
        } catch {
            // The server checked this entry against the records; not fitting here means this copy is wrong.
            throw .unreadable("Entry \(entry.seq) does not fit this copy of the records (\(error)); reopen to read them afresh.")
        }
        lastSeq = entry.seq
        items.append(HistoryItem(entry))
        if entry.user == user {
            do {
                try stacks.record(entry.kind, seq: entry.seq, of: entry.of)
            } catch {
                notices.append("Your undo history skips entry \(entry.seq): \(error)")
            }
            if entry.kind == .do { undoable[entry.seq] = entry }
            let live = stacks.all
            if undoable.count > live.count { undoable = undoable.filter { live.contains($0.key) } }
        }
    }
}
