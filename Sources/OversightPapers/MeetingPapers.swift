import OversightDomain

/// The agenda and the minutes of a meeting as papers.
public enum MeetingPapers {
    public static func agenda(_ meeting: Meeting, in dataset: Dataset) -> Paper {
        let slots = meeting.slots()
        let rows: [[Cell]] = meeting.items.enumerated().map { index, item in
            [.integer(index + 1), .text(Meeting.clock(slots[index].start) + "–" + Meeting.clock(slots[index].end)), .integer(item.minutes),
             .text(item.subject.label(in: dataset)), .text(code(item.subject)), .text(item.reason), .text(item.presenter)]
        }
        let table = PaperTable(caption: "Agenda", columns: ["Item", "Time", "Minutes", "Subject", "Code", "Reason", "Presenter"], rows: rows,
                               emptyText: "No items on the agenda yet.")
        return Paper(title: meeting.title, blocks: header(meeting) + [.table(table)], table: table)
    }

    public static func minutes(_ meeting: Meeting, in dataset: Dataset) -> Paper {
        let minutes = MeetingMinutes(meeting, in: dataset)
        var blocks = header(meeting)
        blocks.append(.facts([Fact("Minutes", meeting.minutes.label)]))
        var recordRows: [[Cell]] = []
        for item in minutes.items + (minutes.general.map { [$0] } ?? []) {
            let title = item.position == 0 ? item.subject : "\(item.position). \(item.subject) (\(Meeting.clock(item.start))–\(Meeting.clock(item.end)))"
            blocks.append(.heading(title, level: 2))
            if !item.item.reason.isEmpty { blocks.append(.paragraph("Why on the agenda: " + item.item.reason)) }
            if !item.item.presenter.isEmpty { blocks.append(.facts([Fact("Presented by", item.item.presenter)])) }
            if let facts = item.facts { blocks.append(.facts(factLines(facts))) }
            var lines: [String] = []
            for (id, decision) in item.decisions {
                let name = dataset.framework(id.framework)?.shortName ?? id.framework.rawValue
                lines.append("Decision: \(id.org) segment \(decision.segment) for \(id.period.label), \(name) (\(decision.basis == .confirmed ? "confirms the computed segment" : "set by the meeting")), by \(decision.decidedBy) on \(decision.date.display). Rationale: \(decision.rationale)")
                recordRows.append(row(item, "decision", id.org.rawValue, dataset, "Segment \(decision.segment), \(id.period.label): \(decision.rationale)", decision.decidedBy, decision.date, nil, nil))
            }
            for note in item.notes {
                lines.append("Note (\(note.author)): \(note.text)")
                recordRows.append(row(item, "note", subjectCode(note.subject), dataset, note.text, note.author, note.created.date, nil, nil))
            }
            for action in item.actions {
                let due = action.due.map { "due \($0.display)" } ?? "no due date"
                lines.append("Action for \(action.owner), \(due) (\(status(action, approved: approvedOn(meeting)))): \(action.text)")
                recordRows.append(row(item, "action", subjectCode(action.subject), dataset, action.text, action.owner, action.created.date, action.due,
                                         status(action, approved: approvedOn(meeting))))
            }
            for intervention in item.interventions {
                let type = dataset.interventionType(intervention.type)?.name ?? intervention.type.rawValue
                lines.append("Intervention: \(type) for \(intervention.org), from \(intervention.start.display) (\(intervention.status.label)). \(intervention.reason)")
                recordRows.append(row(item, "intervention", intervention.org.rawValue, dataset, "\(type): \(intervention.reason)", intervention.appliedBy, intervention.start, nil, intervention.status.label))
            }
            for (intervention, event) in item.events {
                lines.append("Intervention event (\(intervention.org), \(event.date.display)): \(event.text)")
                recordRows.append(row(item, "intervention event", intervention.org.rawValue, dataset, event.text, event.recordedBy ?? "", event.date, nil, nil))
            }
            blocks.append(lines.isEmpty ? .paragraph("Nothing recorded at this item.") : .bullets(lines))
        }
        if !meeting.amendments.isEmpty {
            blocks.append(.heading("Amendments after approval", level: 2))
            blocks.append(.bullets(meeting.amendments.map { "Amendment by \($0.by), \($0.at.display) UTC: \($0.text)" }))
        }
        let table = PaperTable(caption: "Recorded at the meeting",
                               columns: ["Item", "Subject", "Kind", "Code", "Name", "Text", "By", "Date", "Due", "Status"], rows: recordRows,
                               emptyText: "Nothing recorded at the meeting yet.")
        return Paper(title: "Minutes: " + meeting.title, blocks: blocks, table: table)
    }

    /// The day approved minutes were approved, if they were.
    static func approvedOn(_ meeting: Meeting) -> CalendarDate? {
        if case .approved(_, let at) = meeting.minutes { return at.date }
        return nil
    }

    /// An action's state as the approved minutes recorded it, and what has happened since, so that approved minutes
    /// read as they were approved: "open at approval; done 3 Feb 2027".
    static func status(_ action: Action, approved: CalendarDate?) -> String {
        guard let approved, let completed = action.completed, completed.dayNumber > approved.dayNumber else { return action.status.rawValue }
        return "open at approval; done \(completed.display)"
    }

    static func header(_ meeting: Meeting) -> [Block] {
        [.facts([
            Fact("Meeting", meeting.kind.label),
            Fact("Date", "\(meeting.date.display), \(meeting.startText)"),
            Fact("Attendees", meeting.attendees.isEmpty ? "none recorded" : meeting.attendees.joined(separator: "; ")),
            Fact("Apologies", meeting.apologies.isEmpty ? "none" : meeting.apologies.joined(separator: "; ")),
        ])]
    }

    /// What an item about a trust was based on: the published position, and computed against decided.
    static func factLines(_ facts: MeetingMinutes.Facts) -> [Fact] {
        var out = [Fact("Framework and period", "\(facts.frameworkName), \(facts.period.label)")]
        if let standing = facts.standing {
            out.append(Fact("Published segment", PaperText.segment(standing)))
            out.append(Fact("Rank", standing.rankText.map { "\($0) of \(standing.rankedInGroup) (\(standing.peerGroup.label))" } ?? "not ranked"))
            if let movement = standing.movement { out.append(Fact("Since the quarter before", "\(movement.segments): \(movement.explanation)")) }
        } else {
            out.append(Fact("Published segment", "nothing published for this quarter"))
        }
        if let decision = facts.decision {
            let computed = decision.computed.map { "computed \($0), " } ?? ""
            out.append(Fact("Decided", "\(computed)decided \(decision.segment) by \(decision.decidedBy) on \(decision.date.display)"))
        } else {
            out.append(Fact("Decided", "no decision recorded for this quarter"))
        }
        return out
    }

    static func row(_ item: MeetingMinutes.Item, _ kind: String, _ code: String, _ dataset: Dataset, _ text: String, _ by: String,
                    _ date: CalendarDate, _ due: CalendarDate?, _ status: String?) -> [Cell] {
        let name = dataset.organisation(OrgCode(code))?.name ?? dataset.footprint(FootprintID(code))?.name ?? ""
        return [item.position == 0 ? .empty : .integer(item.position), .text(item.subject), .text(kind), .text(code), .text(name), .text(text),
                .text(by), .date(date), due.map(Cell.date) ?? .empty, status.map(Cell.text) ?? .empty]
    }

    static func code(_ subject: AgendaSubject) -> String {
        switch subject {
        case .organisation(let code): return code.rawValue
        case .footprint(let id): return id.rawValue
        case .topic: return ""
        }
    }

    static func subjectCode(_ subject: Subject) -> String {
        switch subject {
        case .organisation(let code): return code.rawValue
        case .footprint(let id): return id.rawValue
        case .meeting(let name): return name
        }
    }
}

/// Wordings every paper shares.
enum PaperText {
    /// "3 (unadjusted 2; the financial override applies: in deficit or on deficit support)".
    static func segment(_ standing: PublishedStanding) -> String {
        var text = "\(standing.segment)"
        if let final = standing.finalSegment { text = "\(final) (Recovery Support Programme; adjusted segment \(standing.segment))" }
        if standing.overrideApplied, let raw = standing.unadjustedSegment {
            text += " (unadjusted \(raw): the financial override applies, in deficit or on deficit support)"
        } else if let raw = standing.unadjustedSegment {
            text += " (unadjusted \(raw): no override)"
        }
        return text
    }
}
