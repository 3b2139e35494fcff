import OversightDomain

/// One line of the journal: a user action (or the undo or redo of one) with everything it changed.
/// Replay is purely physical: applying `change` is all it takes; `kind` and `of` only rebuild the undo stacks.
public struct JournalEntry: Codable, Equatable, Sendable {
    public enum Kind: String, Codable, Sendable {
        case `do`
        case undo
        case redo
    }

    public var seq: Int
    /// The schema version the entry was written under.
    public var v: Int
    public var ts: Timestamp
    /// Who made the edit (`--user`, else the login name).
    public var user: String
    public var kind: Kind
    /// For undo and redo: the `do` entry they refer to.
    public var of: Int?
    /// The edit's machine name (`segment.decide`), for `do` entries.
    public var cmd: String
    /// What the edit did, in words.
    public var label: String
    public var change: Change

    public init(seq: Int, v: Int = SnapshotPayload.currentSchemaVersion, ts: Timestamp, user: String, kind: Kind, of: Int? = nil,
                cmd: String, label: String, change: Change) {
        self.seq = seq
        self.v = v
        self.ts = ts
        self.user = user
        self.kind = kind
        self.of = of
        self.cmd = cmd
        self.label = label
        self.change = change
    }
}
