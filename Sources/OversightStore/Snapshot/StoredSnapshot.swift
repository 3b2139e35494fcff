import OversightDomain

/// snapshot.json as `Store.open` reads it: the same fields as `SnapshotPayload`, but the undo
/// window's entries and the history log are kept as parsed JSON and decoded only when an undo
/// reaches them or the history is shown. The window can hold a thousand actions with full record
/// images, and the log ten thousand summaries: megabytes most sessions never touch. (Any field `SnapshotPayload` gains must
/// be added here too; the strict reader would report it as unknown otherwise, and the golden-file
/// tests decode both.)
struct StoredSnapshot: Decodable {
    var schemaVersion: Int
    var seq: Int
    var data: Dataset
    var history: Window
    var log: [JSONValue]

    struct Window: Decodable {
        var entries: [JSONValue]
        var undo: [Int]
        var redo: [Int]
    }

    private enum CodingKeys: String, CodingKey { case schemaVersion, seq, data, history, log }

    init(schemaVersion: Int, seq: Int, data: Dataset, history: Window, log: [JSONValue]) {
        self.schemaVersion = schemaVersion
        self.seq = seq
        self.data = data
        self.history = history
        self.log = log
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try c.decode(Int.self, forKey: .schemaVersion)
        seq = try c.decode(Int.self, forKey: .seq)
        data = try c.decode(Dataset.self, forKey: .data)
        history = try c.decode(Window.self, forKey: .history)
        log = try c.decodeIfPresent([JSONValue].self, forKey: .log) ?? []
    }
}

/// An entry on the undo or redo stack: already decoded (it was replayed from the journal or made in
/// this session), or still the JSON the snapshot's window held, decoded on first use and kept.
final class UndoableEntry {
    let seq: Int
    private var raw: JSONValue?
    /// The entry's bytes in the snapshot, when it was opened by its index: parsed on first use too.
    private var bytes: [UInt8]?
    private var decoded: JournalEntry?

    init(_ entry: JournalEntry) {
        seq = entry.seq
        decoded = entry
    }

    /// Reads only the sequence number now; nil when the JSON is not a `do` entry with one.
    init?(raw: JSONValue) {
        guard case .object(let object) = raw.content, case .number(let number)? = object["seq"]?.content,
              let seq = number.integerValue, case .string("do")? = object["kind"]?.content else { return nil }
        self.seq = Int(seq)
        self.raw = raw
    }

    /// An entry the index found at this sequence number, not yet parsed.
    init(seq: Int, bytes: [UInt8]) {
        self.seq = seq
        self.bytes = bytes
    }

    /// The entry, decoding it the first time. One read by the index must be the `do` entry the
    /// index said it was, as the snapshot's own reading requires.
    func entry() throws -> JournalEntry {
        if let decoded { return decoded }
        if let bytes {
            let entry = try JSONValueDecoder().decode(JournalEntry.self, from: try JSONParser.parse(bytes))
            guard entry.seq == seq, entry.kind == .do else { throw UndoWindowMismatch(seq: seq) }
            decoded = entry
            self.bytes = nil
            return entry
        }
        let entry = try JSONValueDecoder().decode(JournalEntry.self, from: raw!)
        decoded = entry
        raw = nil
        return entry
    }
}

/// The undo window's entry at a sequence number was not the one the snapshot's index named.
struct UndoWindowMismatch: Error, CustomStringConvertible {
    let seq: Int
    var description: String { "the snapshot's undo window does not hold entry \(seq) where its index says" }
}

/// The journal's summaries: those the snapshot held (decoded on first use), then those replayed or
/// made since. A class so that a read-only accessor can decode and keep the result.
/// Entries replayed at open are kept as they are and summarised on first use: a summary reads every
/// image of its entry (a tenth of opening a 10,000-entry journal), and most sessions never show the history.
final class HistoryLog {
    private var stored: [JSONValue]
    /// The snapshot's log array as bytes, when it was opened by its index: parsed on first use.
    private var storedBytes: [UInt8]?
    private enum Line {
        case summary(HistoryItem)
        case entry(JournalEntry)
    }
    private var lines: [Line]

    init(stored: [JSONValue] = [], items: [HistoryItem] = []) {
        self.stored = stored
        self.lines = items.map(Line.summary)
    }

    init(bytes: [UInt8]) {
        stored = []
        storedBytes = bytes
        lines = []
    }

    /// Every summary, oldest first. A summary that does not decode (only a bug could write one) is left out.
    var all: [HistoryItem] {
        var items: [HistoryItem] = []
        if let bytes = storedBytes {
            // Checked with the snapshot's checksum when it was opened; a log that does not parse (only a bug could
            // write one) shows as no summaries, as a summary that does not decode does.
            if case .array(let elements)? = (try? JSONParser.parse(bytes))?.content { stored = elements }
            storedBytes = nil
        }
        if !stored.isEmpty {
            let decoder = JSONValueDecoder()
            items = stored.compactMap { try? decoder.decode(HistoryItem.self, from: $0) }
            stored = []
        }
        let summaries: [HistoryItem]
        if lines.count > 256, lines.contains(where: { if case .entry = $0 { return true } else { return false } }) {
            let pending = lines
            let chunks = ParallelMap.chunks
            summaries = ParallelMap.map(chunks) { chunk in
                pending[chunk * pending.count / chunks ..< (chunk + 1) * pending.count / chunks].map(HistoryLog.summary)
            }.flatMap { $0 }
        } else {
            summaries = lines.map(HistoryLog.summary)
        }
        let all = items.isEmpty ? summaries : items + summaries
        lines = all.map(Line.summary)
        return all
    }

    private static func summary(_ line: Line) -> HistoryItem {
        switch line {
        case .summary(let item): return item
        case .entry(let entry): return HistoryItem(entry)
        }
    }

    func append(_ item: HistoryItem) {
        lines.append(.summary(item))
        trim()
    }

    /// An entry replayed at open, to be summarised when the history is first asked for.
    func append(replayed entry: JournalEntry) {
        lines.append(.entry(entry))
        trim()
    }

    private func trim() {
        if stored.isEmpty && storedBytes == nil && lines.count > SnapshotPayload.logLimit * 2 { lines.removeFirst(lines.count - SnapshotPayload.logLimit) }
    }
}
