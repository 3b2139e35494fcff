/// Marks for a list of the journal: an undo or redo names the entry it took back or did again,
/// and a `do` entry that stands undone says so. `oversight history` and the console's history
/// view both read the journal through this, so they never disagree.
public struct HistoryStatus: Sendable {
    /// The `do` entries currently undone (undone and not redone since).
    public let undone: Set<Int>

    public init(_ items: [HistoryItem]) {
        var undone = Set<Int>()
        for item in items {
            switch item.kind {
            case .do: break
            case .undo: if let of = item.of { undone.insert(of) }
            case .redo: if let of = item.of { undone.remove(of) }
            }
        }
        self.undone = undone
    }

    public func isUndone(_ item: HistoryItem) -> Bool { item.kind == .do && undone.contains(item.seq) }

    /// "Add note on RX1  [undone]", "Undo #12: Add note on RX1", "Redo #12: …".
    public func describe(_ item: HistoryItem) -> String {
        switch item.kind {
        case .do: return item.label + (isUndone(item) ? "  [undone]" : "")
        case .undo: return "Undo #\(item.of ?? 0): \(item.label)"
        case .redo: return "Redo #\(item.of ?? 0): \(item.label)"
        }
    }

    /// The mark alone, for a column of its own: "undone", "undo #12", "redo #12", or "".
    public func mark(_ item: HistoryItem) -> String {
        switch item.kind {
        case .do: return isUndone(item) ? "undone" : ""
        case .undo: return "undo #\(item.of ?? 0)"
        case .redo: return "redo #\(item.of ?? 0)"
        }
    }
}
