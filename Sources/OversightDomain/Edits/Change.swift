/// What an edit did to the records, as full before and after images: `before == nil` is a create,
/// `after == nil` a delete. Its inverse is the same images swapped, which is how undo works.
public struct RecordChange: Hashable, Codable, Sendable {
    public var key: RecordKey
    public var before: Record?
    public var after: Record?

    public init(key: RecordKey, before: Record?, after: Record?) {
        self.key = key
        self.before = before
        self.after = after
    }

    public var inverted: RecordChange { RecordChange(key: key, before: after, after: before) }
}

/// All the record changes of one user action: applied all together or not at all.
public struct Change: Hashable, Codable, Sendable {
    public var records: [RecordChange]

    public init(_ records: [RecordChange]) { self.records = records }

    /// The change that takes this one back: images swapped, in reverse order.
    public func inverted() -> Change { Change(records.reversed().map(\.inverted)) }

    public var isEmpty: Bool { records.isEmpty }

    /// What the change is about, read from its images (so a deleted record still says), in order
    /// and without repeats: the subjects a journal entry is listed under.
    public var subjects: [Subject] {
        var seen = Set<Subject>()
        return records.flatMap { [$0.before?.subject, $0.after?.subject].compactMap { $0 } }.filter { seen.insert($0).inserted }
    }
}

/// A change that does not fit the dataset it is applied to: a record is not in the state the
/// change expects. With a linear undo this never happens unless something is broken.
public struct ChangeConflict: Error, Equatable, Sendable, CustomStringConvertible {
    public var key: RecordKey
    public var reason: String

    public var description: String { "\(key): \(reason)" }
}

extension Dataset {
    /// Applies a change, first checking that every record is exactly in its `before` state.
    /// All or nothing: every record is checked (each against the images of those before it) before
    /// any is changed, and then they are changed in place. (Changing a copy would copy a whole
    /// collection per change, which made replaying 10,000 journal entries take seconds.)
    public mutating func apply(_ change: Change) throws(ChangeConflict) {
        var pending: [RecordKey: Record?] = [:]
        for record in change.records {
            let current = pending[record.key] ?? self.record(record.key)
            try Dataset.check(record, current: current)
            pending[record.key] = .some(record.after)
        }
        for record in change.records {
            store(record)
        }
    }

    public func applying(_ change: Change) throws(ChangeConflict) -> Dataset {
        var copy = self
        try copy.apply(change)
        return copy
    }

    /// The record a key names, as it is now.
    public func record(_ key: RecordKey) -> Record? {
        switch key {
        case .scorecard(let id): return scorecard(id).map(Record.scorecard)
        case .intervention(let id): return intervention(id).map(Record.intervention)
        case .note(let id): return note(id).map(Record.note)
        case .action(let id): return action(id).map(Record.action)
        case .organisation(let code): return organisation(code).map(Record.organisation)
        case .release(let id): return release(id).map(Record.release)
        case .meeting(let id): return meeting(id).map(Record.meeting)
        }
    }

    /// Whether a record change fits the record as it is (`current`).
    private static func check(_ change: RecordChange, current: Record?) throws(ChangeConflict) {
        guard current == change.before else {
            throw ChangeConflict(key: change.key, reason: change.before == nil
                ? "expected no record, found one" : "the record is not in the state the change expects")
        }
        if let after = change.after, after.key != change.key {
            throw ChangeConflict(key: change.key, reason: "the new image belongs to \(after.key)")
        }
    }

    /// Puts a checked record change's new image in place (its key and image are of the same kind).
    private mutating func store(_ change: RecordChange) {
        switch (change.key, change.after) {
        case (.scorecard(let id), .scorecard(let value)?): scorecards.set(id, to: value)
        case (.scorecard(let id), nil): scorecards.set(id, to: nil)
        case (.intervention(let id), .intervention(let value)?): interventions.set(id, to: value)
        case (.intervention(let id), nil): interventions.set(id, to: nil)
        case (.note(let id), .note(let value)?): notes.set(id, to: value)
        case (.note(let id), nil): notes.set(id, to: nil)
        case (.action(let id), .action(let value)?): actions.set(id, to: value)
        case (.action(let id), nil): actions.set(id, to: nil)
        case (.organisation(let code), .organisation(let value)?): organisations.set(code, to: value)
        case (.organisation(let code), nil): organisations.set(code, to: nil)
        case (.release(let id), .release(let value)?): releases.set(id, to: value)
        case (.release(let id), nil): releases.set(id, to: nil)
        case (.meeting(let id), .meeting(let value)?): meetings.set(id, to: value)
        case (.meeting(let id), nil): meetings.set(id, to: nil)
        default: preconditionFailure("a checked change's image is of its key's kind")
        }
    }
}
