extension Change {
    /// What the entry recorded, in words, for a reader of the history: a note's text, a decision's segment,
    /// rationale and who took it, an action's owner and due date, the progress or event added. One line per
    /// record that a person wrote; a published import (thousands of figures) is told by its label alone.
    public var recorded: [String] {
        guard records.count <= 20 else { return [] }
        return records.compactMap(\.recorded)
    }
}

extension Change {
    /// The segment decision this change replaced, when it recorded a new one over another: kept on the
    /// scorecard among its earlier decisions, and named in what the console and the command line say.
    public var replacedDecision: SegmentDecision? {
        for record in records {
            if case .scorecard(let old)? = record.before, case .scorecard(let new)? = record.after,
               let previous = old.decision, new.decision != nil, new.earlierDecisions.last == previous {
                return previous
            }
        }
        return nil
    }
}

extension RecordChange {
    /// What this record's change holds, or nil when it holds nothing a person wrote.
    public var recorded: String? {
        switch (before, after) {
        case (_, .note(let note)?):
            return "Note: " + RecordChange.oneLine(note.text)
        case (.note(let note)?, nil):
            return "Note removed: " + RecordChange.oneLine(note.text)
        case (.action(let old)?, .action(let new)?) where new.updates.count > old.updates.count:
            let added = new.updates.filter { !old.updates.contains($0) }
            return added.map { "Progress \($0.date.iso) by \($0.by): " + RecordChange.oneLine($0.text) }.joined(separator: " | ")
        case (.action(let old)?, .action(let new)?) where new.status != old.status:
            return new.status == .done ? "Done on \(new.completed?.iso ?? "an unrecorded date")" : "Open again"
        case (_, .action(let action)?):
            return "Action: " + RecordChange.oneLine(action.text) + " · owner \(action.owner) · due " + (action.due?.iso ?? "none")
        case (.action(let action)?, nil):
            return "Action removed: " + RecordChange.oneLine(action.text) + " · owner \(action.owner)"
        case (.scorecard(let old)?, .scorecard(let new)?) where old.decision != new.decision:
            return new.decision.map(RecordChange.describe) ?? "Decision removed"
        case (nil, .scorecard(let new)?) where new.decision != nil:
            return new.decision.map(RecordChange.describe)
        case (.scorecard(let old)?, nil) where old.decision != nil:
            return "Decision removed"
        case (.intervention(let old)?, .intervention(let new)?) where new.events.count > old.events.count:
            let added = new.events.filter { event in !old.events.contains { $0.id == event.id } }
            return added.map { "Event \($0.date.iso): " + RecordChange.oneLine($0.text) }.joined(separator: " | ")
        case (_, .intervention(let item)?):
            var text = "\(item.type.rawValue) from \(item.start.iso)" + (item.end.map { " to \($0.iso)" } ?? "")
            text += " · \(item.status.rawValue) · reason: " + RecordChange.oneLine(item.reason)
            if let outcome = item.outcome { text += " · outcome: " + RecordChange.oneLine(outcome) }
            return text
        case (.intervention(let item)?, nil):
            return "Intervention removed: \(item.type.rawValue) from \(item.start.iso)"
        default:
            return nil
        }
    }

    static func describe(_ decision: SegmentDecision) -> String {
        "Segment \(decision.segment) (\(decision.basis.rawValue)" + (decision.computed.map { ", computed \($0)" } ?? "")
            + ") by \(decision.decidedBy) on \(decision.date.iso) · rationale: " + oneLine(decision.rationale)
    }

    /// A multi-line text on one line, its line breaks shown as " / ".
    static func oneLine(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).joined(separator: " / ")
    }
}
