import OversightDomain

/// A meeting to prepare (`n` on the meetings list) or its details changed (`E`): title, kind, day, start, who
/// attends and who sent apologies (one a line). The agenda is built on the meeting's own screen.
enum MeetingForm {
    static let kinds = Meeting.Kind.allCases.map { Choice(value: $0.rawValue, label: $0.label) }

    static func makeNew(_ context: ScreenContext) -> Result<Form, FormRefusal> {
        .success(Form(.addMeeting, title: "New meeting", context: [], fields: fields(nil)))
    }

    static func makeEdit(_ id: MeetingID, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        guard let meeting = context.landscape.dataset.meeting(id) else { return .failure("That meeting is no longer in the store.") }
        if meeting.isApproved {
            return .failure("Its minutes are approved, so the meeting is read-only; a correction is an amendment: oversight meeting amend \(id).")
        }
        return .success(Form(.editMeeting(id), title: "Change the meeting", context: ["Created \(context.time.named(meeting.created))"],
                             fields: fields(meeting)))
    }

    static func fields(_ meeting: Meeting?) -> [FormField] {
        [
            FormField("title", "Title", .text(limit: TextRules.shortLimit), text: meeting?.title ?? "", hint: "e.g. Regional oversight, January"),
            FormField("kind", "Kind", .choice(kinds), chosen: meeting.flatMap { m in Meeting.Kind.allCases.firstIndex(of: m.kind) } ?? 0),
            FormField("date", "Date", .date(optional: false), text: meeting?.date.iso ?? "", hint: "YYYY-MM-DD or DD/MM/YYYY"),
            FormField("start", "Starts", .text(limit: 5), text: meeting?.startText ?? "10:00", hint: "HH:MM, local time"),
            FormField("attendees", "Attending", .longText(limit: TextRules.longLimit), text: meeting?.attendees.joined(separator: "\n") ?? "",
                      hint: "one a line (Alt-Enter or Ctrl-J for a new line)"),
            FormField("apologies", "Apologies", .longText(limit: TextRules.longLimit), text: meeting?.apologies.joined(separator: "\n") ?? "",
                      hint: "one a line"),
        ]
    }

    /// The meeting the fields describe, keeping what the form does not show (its id, agenda, minutes, amendments).
    static func meeting(_ reader: inout FormReader, _ base: Meeting) -> Meeting? {
        let title = reader.requiredText("title", "give the meeting a title")
        let date = reader.date("date")
        if let date, date.day == nil { reader.problem("date", "a meeting needs a full date, like 2027-01-15") }
        let start = Meeting.parseClock(reader.text("start"))
        if start == nil { reader.problem("start", "type the time it starts like 10:00 or 14:30") }
        func people(_ id: String) -> [String] {
            reader.text(id).split(separator: "\n").map { String($0).trimmingWhitespace }.filter { !$0.isEmpty }
        }
        guard let date, let start, let kind = reader.choice("kind").flatMap(Meeting.Kind.init(rawValue:)) else { return nil }
        var meeting = base
        meeting.title = title
        meeting.kind = kind
        meeting.date = date
        meeting.startMinutes = start
        meeting.attendees = people("attendees")
        meeting.apologies = people("apologies")
        return meeting
    }

    static func added(_ reader: inout FormReader, ids: inout Recorder) -> Edit? {
        let blank = Meeting(id: MeetingID(ids.newID("m")), title: "", kind: .board, date: ids.now.date, startMinutes: 600, created: ids.now)
        return meeting(&reader, blank).map(Edit.addMeeting)
    }

    static func edited(_ reader: inout FormReader, id: MeetingID, _ data: Dataset) -> Edit? {
        guard let base = data.meeting(id) else { reader.problem("title", "That meeting is no longer in the store."); return nil }
        return meeting(&reader, base).map(Edit.editMeeting)
    }
}

/// One agenda item changed (`E` on the meeting's agenda): why it is there, who presents it, how long it has.
/// What it is about stays: remove the item and add another for a different subject.
enum AgendaItemForm {
    static func make(_ link: MeetingLink, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        let data = context.landscape.dataset
        guard let meeting = data.meeting(link.meeting), let id = link.item, let item = meeting.item(id) else {
            return .failure("Choose an agenda item to change.")
        }
        if meeting.isApproved { return .failure("Its minutes are approved, so the agenda is read-only.") }
        return .success(Form(.editAgendaItem(link.meeting, id), title: "Change the agenda item", context: ["\(meeting.title), \(meeting.date.display)"], fields: [
            FormField("subject", "About", .fixed, text: item.subject.label(in: data)),
            FormField("reason", "Why", .longText(limit: TextRules.longLimit), text: item.reason, hint: "why it is on the agenda"),
            FormField("presenter", "Presenter", .text(limit: TextRules.shortLimit), text: item.presenter, hint: "who presents it, or blank"),
            FormField("minutes", "Minutes", .text(limit: 3), text: String(item.minutes), hint: "the time it has, 1 to 240"),
        ]))
    }

    static func edited(_ reader: inout FormReader, meeting: MeetingID, item id: AgendaItemID, _ data: Dataset) -> Edit? {
        guard var item = data.meeting(meeting)?.item(id) else { reader.problem("reason", "That item is no longer on the agenda."); return nil }
        guard let minutes = Int(reader.text("minutes")), (1...240).contains(minutes) else {
            reader.problem("minutes", "type the minutes it has, a whole number from 1 to 240")
            return nil
        }
        item.reason = reader.text("reason")
        item.presenter = reader.text("presenter")
        item.minutes = minutes
        return .editAgendaItem(meeting, item)
    }

    /// Asked before an item is taken off the agenda (one with records made at it is refused before this).
    static func removeQuestion(_ item: AgendaItem, _ meeting: Meeting, _ data: Dataset) -> String {
        "Take “\(item.subject.label(in: data))” off the agenda of “\(meeting.title)”? y removes it (u puts it back), n keeps it."
    }
}

/// A topic on the agenda (`T`): the minutes of the last meeting, the winter plan, any other business.
enum TopicItemForm {
    static func make(_ id: MeetingID, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        guard let meeting = context.landscape.dataset.meeting(id) else { return .failure("That meeting is no longer in the store.") }
        if meeting.isApproved { return .failure("Its minutes are approved, so the agenda is read-only.") }
        return .success(Form(.addTopic(id), title: "Add a topic to the agenda", context: ["\(meeting.title), \(meeting.date.display)"], fields: [
            FormField("topic", "Topic", .text(limit: TextRules.shortLimit), hint: "e.g. Minutes of the last meeting, Winter plan"),
            FormField("reason", "Why", .longText(limit: TextRules.longLimit), hint: "why it is on the agenda, or blank"),
            FormField("presenter", "Presenter", .text(limit: TextRules.shortLimit), hint: "who presents it, or blank"),
            FormField("minutes", "Minutes", .text(limit: 3), text: "10", hint: "the time it has, 1 to 240"),
        ]))
    }

    static func added(_ reader: inout FormReader, meeting id: MeetingID, _ data: Dataset) -> Edit? {
        let topic = reader.requiredText("topic", "name the topic")
        let minutes = Int(reader.text("minutes")).flatMap { (1...240).contains($0) ? $0 : nil }
        if minutes == nil { reader.problem("minutes", "type the minutes it has, a whole number from 1 to 240") }
        guard let meeting = data.meeting(id), let minutes else { return nil }
        return .addAgendaItem(id, AgendaItem(id: meeting.nextItemID(), subject: .topic(topic), reason: reader.text("reason"),
                                             presenter: reader.text("presenter"), minutes: minutes), at: nil)
    }
}

/// Approving the minutes (`A` on them): who approves them (the chair, as a rule, not whoever is at the keyboard)
/// and that approved minutes are read-only from then on.
enum ApprovalForm {
    static func make(_ id: MeetingID, _ context: ScreenContext, user: String) -> Result<Form, FormRefusal> {
        guard let meeting = context.landscape.dataset.meeting(id) else { return .failure("That meeting is no longer in the store.") }
        if case .approved(let by, let at) = meeting.minutes {
            return .failure("These minutes were approved by \(by) on \(context.time.named(at)); a correction is an amendment: oversight meeting amend \(id).")
        }
        var lines = ["“\(meeting.title)”, \(meeting.date.display) · approved minutes cannot be changed, only amended"]
        if meeting.date.dayNumber > context.landscape.today.dayNumber {
            lines.append("This meeting is on \(meeting.date.display), after today: minutes are usually approved once it has met.")
        }
        return .success(Form(.approveMinutes(id), title: "Approve the minutes", context: lines, fields: [
            FormField("by", "Approved by", .text(limit: TextRules.shortLimit), text: meeting.attendees.first ?? user,
                      hint: "who approves them as a true record (the chair)"),
        ]))
    }

    static func approved(_ reader: inout FormReader, meeting id: MeetingID, at now: Timestamp) -> Edit? {
        let by = reader.requiredText("by", "name who approves the minutes")
        return by.isEmpty ? nil : .approveMinutes(id, by: by, at: now)
    }
}
