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
    /// What the entry is about (organisations, footprints, meetings), read from its images when it
    /// was made, so that a summary still says after its record is deleted. Nil in summaries written
    /// before it was recorded; those are read by their keys (`organisations(in:)`).
    public var subjects: [Subject]?
    /// What the entry recorded, in words (a note's text, a decision's rationale, an action's owner and due
    /// date), read from its images when it was made. Nil where there is nothing a person wrote, and in
    /// summaries written before it was recorded.
    public var recorded: [String]?

    public init(_ entry: JournalEntry) {
        seq = entry.seq
        ts = entry.ts
        user = entry.user
        kind = entry.kind
        of = entry.of
        cmd = entry.cmd
        label = entry.label
        keys = entry.change.records.map(\.key)
        subjects = entry.change.subjects
        let recorded = entry.change.recorded
        self.recorded = recorded.isEmpty ? nil : recorded
    }

    /// The organisations the entry is about. A summary that names its subjects says; an older one
    /// is read by its keys: a scorecard's organisation, or the intervention's, note's or action's
    /// as `dataset` holds it now (so one since deleted names none).
    public func organisations(in dataset: Dataset) -> Set<OrgCode> {
        if let subjects {
            return Set(subjects.compactMap { if case .organisation(let code) = $0 { return code } else { return nil } })
        }
        var found = Set<OrgCode>()
        for key in keys {
            switch key {
            case .scorecard(let id): found.insert(id.org)
            case .intervention(let id): if let item = dataset.intervention(id) { found.insert(item.org) }
            case .note(let id): if case .organisation(let code)? = dataset.note(id)?.subject { found.insert(code) }
            case .action(let id): if case .organisation(let code)? = dataset.action(id)?.subject { found.insert(code) }
            case .organisation(let code): found.insert(code)
            case .release, .meeting: break
            }
        }
        return found
    }
}
