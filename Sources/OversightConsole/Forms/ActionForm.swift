import OversightDomain

/// An action the meeting agreed: what is to be done, who owns it, and when it is due (optional, and
/// not a day that has passed). It starts open; `x` on the actions list marks it done, `E` changes it.
enum ActionForm {
    static func make(about subject: Subject?, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        .success(Form(.addAction(subject), title: "Add an action", context: [], fields: [
            NoteForm.aboutField(subject, context.landscape),
            FormField("text", "Action", .longText(limit: TextRules.longLimit), hint: "what is to be done"),
            FormField("owner", "Owner", .text(limit: TextRules.shortLimit), hint: "who is to do it"),
            FormField("due", "Due", .date(optional: true), hint: "YYYY-MM-DD or DD/MM/YYYY, or blank"),
        ]))
    }

    /// The same fields, filled in, to correct the text, hand it to another owner or move its date.
    static func makeEdit(_ id: ActionID, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        guard let action = context.landscape.dataset.action(id) else { return .failure("That action is no longer in the store.") }
        var agreed = "Agreed \(context.time.named(action.created))"
        if let edited = action.edited { agreed += "; changed \(context.time.named(edited))" }
        if action.isOverdue(on: context.landscape.today) { agreed += " · OVERDUE" }
        if action.status == .done { agreed += " · done \(action.completed?.display ?? "")" }
        return .success(Form(.editAction(id), title: "Change the action", context: [agreed], fields: [
            NoteForm.aboutField(action.subject, context.landscape),
            FormField("text", "Action", .longText(limit: TextRules.longLimit), text: action.text, hint: "what is to be done"),
            FormField("owner", "Owner", .text(limit: TextRules.shortLimit), text: action.owner, hint: "who is to do it"),
            FormField("due", "Due", .date(optional: true), text: action.due?.iso ?? "", hint: "YYYY-MM-DD or DD/MM/YYYY, or blank"),
        ]))
    }

    /// Asked before an action is deleted: which one, in words the secretary can check against the minutes.
    static func deleteQuestion(_ action: Action) -> String {
        let start = action.text.split(separator: "\n").first.map(String.init) ?? ""
        let quoted = start.count > 40 ? String(start.prefix(40)) + "…" : start
        let due = action.due.map { ", due \($0.display)" } ?? ""
        return "Delete the action on \(Labels.subjectCode(action.subject)) for \(action.owner)\(due) (“\(quoted)”)? y deletes it (u brings it back), n keeps it."
    }

    static func edit(_ reader: inout FormReader, subject given: Subject?, _ data: Dataset, ids: inout Recorder) -> Edit? {
        let subject = NoteForm.subject(given, &reader, data)
        let due = reader.date("due")
        guard let subject else { return nil }
        return .addAction(Action(id: ActionID(ids.newID("a")), subject: subject, text: reader.text("text"), owner: reader.text("owner"),
                                 due: due, created: ids.now))
    }

    static func edited(_ reader: inout FormReader, id: ActionID, at now: Timestamp) -> Edit? {
        let due = reader.date("due")
        return .editAction(id, text: reader.text("text"), owner: reader.text("owner"), due: due, at: now)
    }
}

/// A dated line of progress on an action: what was reported, on which day (default today).
enum ActionUpdateForm {
    static func make(_ id: ActionID, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        guard let action = context.landscape.dataset.action(id) else { return .failure("That action is no longer in the store.") }
        let due = action.due.map { "due \($0.display)" + (action.isOverdue(on: context.landscape.today) ? ", OVERDUE" : "") } ?? "no due date"
        var lines = ["\(Labels.subject(action.subject, context.landscape))", "\(action.owner), \(due): \(action.text)"]
        if let last = action.updates.last { lines.append("Last progress \(last.date.display), \(last.by): \(last.text)") }
        return .success(Form(.addActionUpdate(id), title: "Record progress on the action", context: lines, fields: [
            FormField("text", "Progress", .longText(limit: TextRules.longLimit), hint: "what has been done, what is next"),
            FormField("date", "On", .date(optional: false), text: context.landscape.today.iso, hint: "YYYY-MM-DD or DD/MM/YYYY"),
        ]))
    }

    static func edit(_ reader: inout FormReader, id: ActionID, ids: inout Recorder) -> Edit? {
        guard let date = reader.date("date") else { return nil }
        return .addActionUpdate(id, ActionUpdate(id: ids.newID("u"), date: date, text: reader.text("text"), by: ids.user, recorded: ids.now))
    }
}
