import OversightDomain

/// A journal entry without its record images: what `oversight history` and the history view list.
/// The snapshot keeps the most recent of these, so the history reads back past compaction.
public struct HistoryItem: Codable, Equatable, Sendable {
    public var seq: Int
    public var ts: Timestamp
    public var user: String
    public var kind: JournalEntry.Kind
    public var of: Int?
    public var cmd: String
    public var label: String
    /// The records it changed, so the history can be filtered by organisation and jump to an item.
    public var keys: [RecordKey]

    public init(_ entry: JournalEntry) {
        seq = entry.seq
        ts = entry.ts
        user = entry.user
        kind = entry.kind
        of = entry.of
        cmd = entry.cmd
        label = entry.label
        keys = entry.change.records.map(\.key)
    }

    /// The organisations the entry touched, from its record keys and images.
    public func touches(_ org: OrgCode) -> Bool {
        keys.contains { key in
            switch key {
            case .scorecard(let id): return id.org == org
            default: return false
            }
        } || label.contains(org.rawValue)
    }
}
