import OversightDomain

/// An action the meeting agreed: what is to be done, who owns it, and when it is due (optional).
/// It starts open; `x` on the actions list marks it done.
enum ActionForm {
    static func make(about subject: Subject?, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        .success(Form(.addAction(subject), title: "Add an action", context: [], fields: [
            NoteForm.aboutField(subject, context.landscape),
            FormField("text", "Action", .longText(limit: TextRules.longLimit), hint: "what is to be done"),
            FormField("owner", "Owner", .text(limit: TextRules.shortLimit), hint: "who is to do it"),
            FormField("due", "Due", .date(optional: true), hint: "YYYY-MM-DD or DD/MM/YYYY, or blank"),
        ]))
    }

    static func edit(_ reader: inout FormReader, subject given: Subject?, _ data: Dataset, ids: inout Recorder) -> Edit? {
        let subject = NoteForm.subject(given, &reader, data)
        let due = reader.date("due")
        guard let subject else { return nil }
        return .addAction(Action(id: ActionID(ids.newID("a")), subject: subject, text: reader.text("text"), owner: reader.text("owner"),
                                 due: due, created: ids.now))
    }
}
