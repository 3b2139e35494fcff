import OversightDomain

/// `validate`'s quick way through a snapshot that has nothing wrong with it: read as an open reads
/// it, the scorecards a piece at a time on every core (`SnapshotDecoding.streamed`), each piece's
/// text checked as the one-pass check checks it, then the undo window and history log decoded while
/// the dataset's rules run. The one-pass check parses the whole payload into one tree on one core,
/// which it needs only to say where a problem is; so any problem at all, or a store too small to
/// split, gives nil here, and the one-pass check runs and reports exactly what it always did.
enum CleanSnapshot {
    static func read(_ payload: ArraySlice<UInt8>) -> SnapshotPayload? {
        guard let streamed = SnapshotDecoding.streamed(payload, scanningText: true), streamed.unknownFields.isEmpty else { return nil }
        let stored = streamed.value
        guard stored.schemaVersion <= SnapshotPayload.currentSchemaVersion else { return nil }
        let parts = ParallelMap.map(2) { part -> Part in
            if part == 0 { return .rules(DatasetValidator.problems(in: stored.data).isEmpty) }
            guard let entries = clean([JournalEntry].self, stored.history.entries),
                  let log = clean([HistoryItem].self, stored.log) else { return .history(nil) }
            return .history((entries, log))
        }
        guard case .rules(true) = parts[0], case .history(let history?) = parts[1] else { return nil }
        let window = UndoWindow(entries: history.entries, undo: stored.history.undo, redo: stored.history.redo)
        // The window's own rules (`StoreValidator.checkUndoWindow` says where when one is broken).
        let held = Set(window.entries.map(\.seq))
        guard (window.undo + window.redo).allSatisfy(held.contains),
              Set(window.undo).count + Set(window.redo).count == Set(window.undo + window.redo).count else { return nil }
        return SnapshotPayload(schemaVersion: stored.schemaVersion, seq: stored.seq, data: stored.data, history: window, log: history.log)
    }

    private enum Part {
        case rules(Bool)
        case history((entries: [JournalEntry], log: [HistoryItem])?)
    }

    /// The values decoded, or nil when decoding fails or leaves a field unread.
    private static func clean<T: Decodable>(_ type: [T].Type, _ values: [JSONValue]) -> [T]? {
        guard let (decoded, unknown) = try? JSONValueDecoder().decodeReportingUnknownFields(type, from: JSONValue(.array(values), offset: 0)),
              unknown.isEmpty else { return nil }
        return decoded
    }
}
