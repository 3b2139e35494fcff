import OversightDomain

/// Journal entries and the records they carry, straight from the parsed tree. Records a journal
/// holds by the thousand (scorecards, notes, actions, organisations) have readers of their own; the
/// rare ones (interventions, releases, meetings) go through the strict decoder.
extension Direct {
    static func journalEntry(_ value: JSONValue) throws(DirectRefusal) -> JournalEntry {
        var fields = try DirectFields(value)
        let seq = try int(fields.required("seq"))
        let v = try int(fields.required("v"))
        let ts = try timestamp(fields.required("ts"))
        let user = try string(fields.required("user"))
        let kind = try raw(JournalEntry.Kind.self, fields.required("kind"))
        let of = try fields.optional("of").map(int)
        let cmd = try string(fields.required("cmd"))
        let label = try string(fields.required("label"))
        let change = try change(fields.required("change"))
        try fields.finish()
        return JournalEntry(seq: seq, v: v, ts: ts, user: user, kind: kind, of: of, cmd: cmd, label: label, change: change)
    }

    static func change(_ value: JSONValue) throws(DirectRefusal) -> Change {
        var fields = try DirectFields(value)
        let records = try list(fields.required("records"), recordChange)
        try fields.finish()
        return Change(records)
    }

    static func recordChange(_ value: JSONValue) throws(DirectRefusal) -> RecordChange {
        var fields = try DirectFields(value)
        guard let key = RecordKey.parse(try string(fields.required("key"))) else { throw DirectRefusal() }
        let before = try fields.optional("before").map(record)
        let after = try fields.optional("after").map(record)
        try fields.finish()
        return RecordChange(key: key, before: before, after: after)
    }

    /// `{"scorecard": {…}}`: exactly one member, named for the record's kind.
    static func record(_ value: JSONValue) throws(DirectRefusal) -> Record {
        let members = try members(value)
        guard members.count == 1 else { throw DirectRefusal() }
        let image = members[0].value
        switch members[0].key {
        case "scorecard": return .scorecard(try scorecard(image))
        case "note": return .note(try note(image))
        case "action": return .action(try action(image))
        case "intervention": return .intervention(try decoded(Intervention.self, image))
        case "organisation": return .organisation(try organisation(image))
        case "release": return .release(try decoded(PublishedRelease.self, image))
        case "meeting": return .meeting(try decoded(Meeting.self, image))
        default: throw DirectRefusal()
        }
    }

    static func note(_ value: JSONValue) throws(DirectRefusal) -> Note {
        var fields = try DirectFields(value)
        let id = try identifier(NoteID.self, fields.required("id"))
        let subject = try subject(fields.required("subject"))
        let text = try string(fields.required("text"))
        let author = try string(fields.required("author"))
        let created = try timestamp(fields.required("created"))
        let edited = try fields.optional("edited").map(timestamp)
        let provenance = try provenance(fields.required("provenance"))
        let meeting = try fields.optional("meeting").map(meetingLink)
        try fields.finish()
        return Note(id: id, subject: subject, text: text, author: author, created: created, edited: edited,
                    provenance: provenance, meeting: meeting)
    }

    static func action(_ value: JSONValue) throws(DirectRefusal) -> Action {
        var fields = try DirectFields(value)
        let id = try identifier(ActionID.self, fields.required("id"))
        let subject = try subject(fields.required("subject"))
        let text = try string(fields.required("text"))
        let owner = try string(fields.required("owner"))
        let due = try fields.optional("due").map(date)
        let status = try raw(Action.Status.self, fields.required("status"))
        let created = try timestamp(fields.required("created"))
        let completed = try fields.optional("completed").map(date)
        let updates = try fields.optional("updates").map { (value) throws(DirectRefusal) in try list(value, actionUpdate) } ?? []
        let edited = try fields.optional("edited").map(timestamp)
        let provenance = try provenance(fields.required("provenance"))
        let meeting = try fields.optional("meeting").map(meetingLink)
        try fields.finish()
        return Action(id: id, subject: subject, text: text, owner: owner, due: due, status: status, created: created,
                      completed: completed, updates: updates, edited: edited, provenance: provenance, meeting: meeting)
    }

    static func actionUpdate(_ value: JSONValue) throws(DirectRefusal) -> ActionUpdate {
        var fields = try DirectFields(value)
        let id = try string(fields.required("id"))
        let date = try date(fields.required("date"))
        let text = try string(fields.required("text"))
        let by = try string(fields.required("by"))
        let recorded = try timestamp(fields.required("recorded"))
        try fields.finish()
        return ActionUpdate(id: id, date: date, text: text, by: by, recorded: recorded)
    }
}
