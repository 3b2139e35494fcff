import OversightDomain

/// The journal as the history screen lists it, oldest first: handed in by the session, which reads
/// the store, so that the console's core never does. Each entry comes with its mark already worked
/// out by the store's own rules, so that the console and `oversight history` never disagree.
public struct HistoryPage: Sendable, Equatable {
    public var entries: [Entry]

    public init(_ entries: [Entry] = []) {
        self.entries = entries
    }

    /// One journal entry: when, who, what, and whether it stands undone or is the undo or redo of an earlier one.
    public struct Entry: Sendable, Equatable {
        public var seq: Int
        public var time: Timestamp
        public var user: String
        /// A user's own action (not the undo or redo of one).
        public var isAction: Bool
        /// "undone", "undo #12", "redo #12", or nothing: the mark column.
        public var mark: String
        /// "Add note on RX1  [undone]", "Undo #12: Add note on RX1": the line under the list.
        public var description: String
        /// The edit's machine name (`note.add`), for the filter.
        public var name: String
        public var label: String
        /// The records it changed; the first is where Enter goes.
        public var keys: [RecordKey]
        /// The organisations it is about, in order.
        public var organisations: [OrgCode]
        /// What it recorded, in words (a note's text, a rationale, an owner and due date): the store's `HistoryItem.recorded`.
        public var recorded: [String]

        public init(seq: Int, time: Timestamp, user: String, isAction: Bool, mark: String, description: String, name: String,
                    label: String, keys: [RecordKey], organisations: [OrgCode], recorded: [String] = []) {
            self.seq = seq
            self.time = time
            self.user = user
            self.isAction = isAction
            self.mark = mark
            self.description = description
            self.name = name
            self.label = label
            self.keys = keys
            self.organisations = organisations
            self.recorded = recorded
        }
    }

    /// The entry with this sequence number.
    public func entry(_ seq: Int) -> Entry? { entries.last { $0.seq == seq } }
}
