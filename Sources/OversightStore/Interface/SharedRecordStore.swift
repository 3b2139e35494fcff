import OversightDomain

/// A store others write to while it is open: it can be brought up to date in place. The console
/// asks when `changeMark` moves, and says who changed what (`ConsoleSession.refreshIfChanged`).
/// The team store (OversightPostgres) is one; the file store, with one writer, is not.
public protocol SharedRecordStore: RecordStore {
    /// Reads the entries others have committed since this store last looked, applies them, and
    /// returns their summaries, oldest first.
    func catchUp() throws(StoreError) -> [HistoryItem]
}
