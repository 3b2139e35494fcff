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

    /// The organisations the entry is about: a scorecard's, an intervention's, a note's or an
    /// action's (looked up in `dataset`), and any ODS code named as a word in the label (a record
    /// deleted since is still found that way).
    public func organisations(in dataset: Dataset) -> Set<OrgCode> {
        var found = Set<OrgCode>()
        for key in keys {
            switch key {
            case .scorecard(let id): found.insert(id.org)
            case .intervention(let id): if let item = dataset.intervention(id) { found.insert(item.org) }
            case .note(let id): if case .organisation(let code)? = dataset.note(id)?.subject { found.insert(code) }
            case .action(let id): if case .organisation(let code)? = dataset.action(id)?.subject { found.insert(code) }
            case .organisation(let code): found.insert(code)
            case .release: break
            }
        }
        for word in label.split(whereSeparator: { !($0.isLetter || $0.isNumber) }) where dataset.organisation(OrgCode(String(word))) != nil {
            found.insert(OrgCode(String(word)))
        }
        return found
    }
}
