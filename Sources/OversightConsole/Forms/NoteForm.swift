import OversightDomain

/// A note on an organisation or footprint (or, from the nation-wide lists, on whatever the About
/// field names), or a change to a note's text. The author is the user; the time is now.
enum NoteForm {
    /// `text`: what the note starts with (text that was set aside rather than read as commands).
    static func makeNew(about subject: Subject?, _ context: ScreenContext, text: String? = nil) -> Result<Form, FormRefusal> {
        let note = FormField("text", "Note", .longText(limit: TextRules.longLimit), text: String((text ?? "").prefix(TextRules.longLimit)))
        let fields = [aboutField(subject, context.landscape), note]
        return .success(Form(.addNote(subject), title: "Add a note", context: [], fields: fields))
    }

    static func makeEdit(_ id: NoteID, _ context: ScreenContext) -> Result<Form, FormRefusal> {
        guard let note = context.landscape.dataset.note(id) else { return .failure("That note is no longer in the store.") }
        var written = "Written \(context.time.named(note.created)) by \(note.author)"
        if let edited = note.edited { written += "; changed \(context.time.named(edited))" }
        return .success(Form(.editNote(id), title: "Change the note", context: [written], fields: [
            aboutField(note.subject, context.landscape),
            FormField("text", "Note", .longText(limit: TextRules.longLimit), text: note.text),
        ]))
    }

    /// What a note or action is about: shown when the screen says, typed when it does not.
    static func aboutField(_ subject: Subject?, _ landscape: Landscape) -> FormField {
        guard let subject else {
            return FormField("subject", "About", .text(limit: TextRules.shortLimit), hint: "an ODS code such as RX1, or a footprint such as QHM")
        }
        return FormField("subject", "About", .fixed, text: Labels.subject(subject, landscape))
    }

    /// The subject the screen gave, or the one typed in the About field (read by the domain's rule).
    static func subject(_ given: Subject?, _ reader: inout FormReader, _ data: Dataset) -> Subject? {
        if let given { return given }
        do {
            return try data.resolveSubject(reader.text("subject"))
        } catch {
            reader.problem("subject", error.message)
            return nil
        }
    }

    static func added(_ reader: inout FormReader, subject given: Subject?, _ data: Dataset, ids: inout Recorder) -> Edit? {
        guard let subject = subject(given, &reader, data) else { return nil }
        return .addNote(Note(id: NoteID(ids.newID("n")), subject: subject, text: reader.text("text"), author: ids.user, created: ids.now))
    }

    static func edited(_ reader: inout FormReader, id: NoteID, at now: Timestamp) -> Edit? {
        .editNote(id, text: reader.text("text"), at: now)
    }

    /// "Delete the note on RX1 by secretary, 15 Jun 2025 (“Board discussed…”)?"
    static func deleteQuestion(_ note: Note, _ landscape: Landscape) -> String {
        let start = note.text.split(separator: "\n").first.map(String.init) ?? ""
        let quoted = start.count > 40 ? String(start.prefix(40)) + "…" : start
        return "Delete the note on \(Labels.subjectCode(note.subject)) by \(note.author), \(note.created.date.display) (“\(quoted)”)? y deletes it (u brings it back), n keeps it."
    }
}
