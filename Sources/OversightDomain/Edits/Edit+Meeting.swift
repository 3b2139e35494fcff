extension Edit {
    /// The change a meeting edit makes: each is one record change to the meeting (so one undo), and none
    /// touches a meeting whose minutes are approved except an amendment.
    func meetingChange(in dataset: Dataset) throws(EditError) -> Change {
        func existing(_ id: MeetingID) throws(EditError) -> Meeting {
            guard let meeting = dataset.meeting(id) else { throw EditError(field: "meeting", "no meeting \(id); `oversight meeting list` shows them") }
            return meeting
        }
        func editable(_ id: MeetingID) throws(EditError) -> Meeting {
            let meeting = try existing(id)
            if meeting.isApproved {
                throw EditError(field: "meeting", "the minutes of “\(meeting.title)” are \(meeting.minutes.label), so they cannot change; record a correction as an amendment (`oversight meeting amend`)")
            }
            return meeting
        }
        func replace(_ before: Meeting, with after: Meeting) throws(EditError) -> Change {
            guard before != after else { throw EditError("nothing was changed") }
            try checkMeeting(after, in: dataset)
            return Change([RecordChange(key: .meeting(before.id), before: .meeting(before), after: .meeting(after))])
        }
        func index(of item: AgendaItemID, in meeting: Meeting) throws(EditError) -> Int {
            guard let index = meeting.items.firstIndex(where: { $0.id == item }) else {
                throw EditError(field: "item", "“\(meeting.title)” has no agenda item \(item); `oversight meeting show \(meeting.id)` lists them")
            }
            return index
        }

        switch self {
        case .addMeeting(let meeting):
            guard dataset.meeting(meeting.id) == nil else { throw EditError(field: "id", "a meeting \(meeting.id) already exists") }
            guard meeting.minutes == .draft, meeting.amendments.isEmpty else { throw EditError(field: "minutes", "a new meeting's minutes start as a draft") }
            try checkMeeting(meeting, in: dataset)
            return Change([RecordChange(key: .meeting(meeting.id), before: nil, after: .meeting(meeting))])

        case .editMeeting(let meeting):
            let before = try editable(meeting.id)
            guard meeting.items == before.items, meeting.minutes == before.minutes, meeting.amendments == before.amendments else {
                throw EditError("the agenda and minutes change by their own edits, not by editing the meeting")
            }
            return try replace(before, with: meeting)

        case .deleteMeeting(let id):
            let before = try editable(id)
            let linked = dataset.records(at: id).count
            guard linked == 0 else {
                throw EditError("\(linked) record\(linked == 1 ? " was" : "s were") made at “\(before.title)”; a meeting with minutes is kept")
            }
            return Change([RecordChange(key: .meeting(id), before: .meeting(before), after: nil)])

        case .addAgendaItem(let id, let item, let position):
            let before = try editable(id)
            guard before.item(item.id) == nil else { throw EditError(field: "item", "the agenda already has an item \(item.id)") }
            var after = before
            let at = position ?? after.items.count
            guard (0...after.items.count).contains(at) else {
                throw EditError(field: "position", "position \(at + 1) is outside the agenda (1 to \(after.items.count + 1))")
            }
            after.items.insert(item, at: at)
            return try replace(before, with: after)

        case .addAgendaItems(let id, let items):
            let before = try editable(id)
            guard !items.isEmpty else { throw EditError(field: "items", "no items to add") }
            var after = before
            after.items += items
            return try replace(before, with: after)

        case .editAgendaItem(let id, let item):
            let before = try editable(id)
            var after = before
            after.items[try index(of: item.id, in: before)] = item
            return try replace(before, with: after)

        case .moveAgendaItem(let id, let item, let to):
            let before = try editable(id)
            let from = try index(of: item, in: before)
            guard before.items.indices.contains(to) else {
                throw EditError(field: "position", "position \(to + 1) is outside the agenda (1 to \(before.items.count))")
            }
            var after = before
            after.items.insert(after.items.remove(at: from), at: to)
            return try replace(before, with: after)

        case .removeAgendaItem(let id, let item):
            let before = try editable(id)
            let at = try index(of: item, in: before)
            let linked = dataset.records(at: id).filter { $0.item == item }.count
            guard linked == 0 else {
                throw EditError(field: "item", "\(linked) record\(linked == 1 ? " was" : "s were") made at this item, so it stays on the agenda and the minutes keep \(linked == 1 ? "it" : "them"); change its reason or minutes instead")
            }
            var after = before
            after.items.remove(at: at)
            return try replace(before, with: after)

        case .approveMinutes(let id, let by, let at):
            let before = try editable(id)
            try checkText(by, field: "by", multiline: false, limit: TextRules.shortLimit, required: true)
            var after = before
            after.minutes = .approved(by: by, at: at)
            return try replace(before, with: after)

        case .amendMinutes(let id, let amendment):
            let before = try existing(id)
            guard before.isApproved else {
                throw EditError(field: "meeting", "the minutes of “\(before.title)” are still a draft: change them directly; an amendment corrects approved minutes")
            }
            try checkText(amendment.text, field: "text", multiline: true, limit: TextRules.longLimit, required: true)
            try checkText(amendment.by, field: "by", multiline: false, limit: TextRules.shortLimit, required: true)
            var after = before
            after.amendments.append(amendment)
            return Change([RecordChange(key: .meeting(id), before: .meeting(before), after: .meeting(after))])

        default:
            preconditionFailure("meetingChange is called for meeting edits only")
        }
    }

    /// What a meeting may hold: clean text within limits, a real clock time, subjects that exist, sensible slots.
    private func checkMeeting(_ meeting: Meeting, in dataset: Dataset) throws(EditError) {
        try checkText(meeting.title, field: "title", multiline: false, limit: TextRules.shortLimit, required: true)
        guard meeting.date.day != nil else { throw EditError(field: "date", "a meeting needs a full date (YYYY-MM-DD)") }
        guard (0..<1440).contains(meeting.startMinutes) else { throw EditError(field: "time", "the start must be a time of day, 00:00 to 23:59") }
        for name in meeting.attendees + meeting.apologies {
            try checkText(name, field: "attendees", multiline: false, limit: TextRules.shortLimit, required: true)
        }
        if let both = meeting.attendees.first(where: meeting.apologies.contains) {
            throw EditError(field: "apologies", "\(both) is listed both as attending and as sending apologies")
        }
        guard meeting.items.count <= 200 else { throw EditError(field: "items", "an agenda holds at most 200 items") }
        var seen = Set<AgendaItemID>()
        for item in meeting.items {
            guard seen.insert(item.id).inserted else { throw EditError(field: "item", "agenda item \(item.id) appears twice") }
            switch item.subject {
            case .organisation(let code) where dataset.organisation(code) == nil:
                throw EditError(field: "subject", "no organisation with ODS code \(code)")
            case .footprint(let id) where dataset.footprint(id) == nil:
                throw EditError(field: "subject", "no footprint \(id)")
            case .topic(let text):
                try checkText(text, field: "subject", multiline: false, limit: TextRules.shortLimit, required: true)
            default: break
            }
            try checkText(item.reason, field: "reason", multiline: true, limit: TextRules.longLimit)
            try checkText(item.presenter, field: "presenter", multiline: false, limit: TextRules.shortLimit)
            guard (1...480).contains(item.minutes) else { throw EditError(field: "minutes", "an item's slot is 1 to 480 minutes") }
        }
    }

    /// A record tied to a meeting must name one that exists, an item on its agenda, and minutes still in draft.
    func checkMeetingLink(_ link: MeetingLink?, in dataset: Dataset) throws(EditError) {
        guard let link else { return }
        guard let meeting = dataset.meeting(link.meeting) else {
            throw EditError(field: "meeting", "no meeting \(link.meeting); `oversight meeting list` shows them")
        }
        if let item = link.item, meeting.item(item) == nil {
            throw EditError(field: "item", "“\(meeting.title)” has no agenda item \(item)")
        }
        if meeting.isApproved {
            throw EditError(field: "meeting", "the minutes of “\(meeting.title)” are \(meeting.minutes.label); record a correction as an amendment instead")
        }
    }

    /// The same edit with what it records tied to a meeting and item (from the console's meeting screen); edits
    /// that record nothing new at a meeting come back unchanged.
    public func linked(to link: MeetingLink?) -> Edit {
        guard let link else { return self }
        switch self {
        case .decideSegment(let id, var decision): decision.meeting = link; return .decideSegment(id, decision)
        case .addIntervention(var item): item.meeting = link; return .addIntervention(item)
        case .addInterventionEvent(let id, var event): event.meeting = link; return .addInterventionEvent(id, event)
        case .addNote(var note): note.meeting = link; return .addNote(note)
        case .addAction(var action): action.meeting = link; return .addAction(action)
        default: return self
        }
    }

    /// A record made at a meeting whose minutes are approved is part of those minutes: it does not change.
    func refuseIfApproved(_ link: MeetingLink?, in dataset: Dataset, what: String) throws(EditError) {
        guard let link, let meeting = dataset.meeting(link.meeting), meeting.isApproved else { return }
        throw EditError("\(what) was recorded at “\(meeting.title)”, whose minutes are \(meeting.minutes.label); record a correction as an amendment to those minutes")
    }

    func meetingLabel(in dataset: Dataset) -> String {
        func title(_ id: MeetingID) -> String { dataset.meeting(id).map { "“\($0.title)” (\($0.date.display))" } ?? "meeting \(id)" }
        func subject(_ id: MeetingID, _ item: AgendaItemID) -> String {
            dataset.meeting(id)?.item(item).map { $0.subject.label(in: dataset) } ?? "item \(item)"
        }
        switch self {
        case .addMeeting(let meeting): return "Add meeting “\(meeting.title)” (\(meeting.date.display))"
        case .editMeeting(let meeting): return "Edit meeting \(title(meeting.id))"
        case .deleteMeeting(let id): return "Delete meeting \(title(id))"
        case .addAgendaItem(let id, let item, _): return "Add agenda item \(item.subject.label(in: dataset)) to \(title(id))"
        case .addAgendaItems(let id, let items): return "Add \(items.count) agenda item\(items.count == 1 ? "" : "s") to \(title(id))"
        case .editAgendaItem(let id, let item): return "Edit agenda item \(item.subject.label(in: dataset)) of \(title(id))"
        case .moveAgendaItem(let id, let item, let to): return "Move agenda item \(subject(id, item)) to position \(to + 1) of \(title(id))"
        case .removeAgendaItem(let id, let item): return "Remove agenda item \(subject(id, item)) from \(title(id))"
        case .approveMinutes(let id, let by, _): return "Approve the minutes of \(title(id)) (\(by))"
        case .amendMinutes(let id, let amendment): return "Amend the approved minutes of \(title(id)) (\(amendment.by))"
        default: return name
        }
    }
}

/// Where a record was made at a meeting: which record and which item.
public struct MeetingRecordRef: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable { case decision, intervention, event, note, action }
    public var kind: Kind
    public var key: RecordKey
    public var item: AgendaItemID?
}

extension Dataset {
    /// Every record made at a meeting (decisions, interventions and their events, notes, actions).
    public func records(at meeting: MeetingID) -> [MeetingRecordRef] {
        var refs: [MeetingRecordRef] = []
        for card in scorecards {
            if let link = card.decision?.meeting, link.meeting == meeting { refs.append(.init(kind: .decision, key: .scorecard(card.id), item: link.item)) }
        }
        for item in interventions {
            if let link = item.meeting, link.meeting == meeting { refs.append(.init(kind: .intervention, key: .intervention(item.id), item: link.item)) }
            for event in item.events {
                if let link = event.meeting, link.meeting == meeting { refs.append(.init(kind: .event, key: .intervention(item.id), item: link.item)) }
            }
        }
        for note in notes where note.meeting?.meeting == meeting { refs.append(.init(kind: .note, key: .note(note.id), item: note.meeting?.item)) }
        for action in actions where action.meeting?.meeting == meeting { refs.append(.init(kind: .action, key: .action(action.id), item: action.meeting?.item)) }
        return refs
    }
}
