import OversightDomain

/// A form's fields read as the values of an edit: text with its ends trimmed, dates parsed,
/// choices' values. A field that cannot be read gets a message, and all of them are shown at
/// once; the domain then checks what could be read.
struct FormReader {
    let form: Form
    private(set) var problems: [(field: String, message: String)] = []
    /// Stands in for a date that cannot be read, so that the domain can still check the other
    /// fields and every message shows at once (the date's own message is already recorded).
    let standIn: CalendarDate?
    /// Today, for the example in a date's message.
    let today: CalendarDate

    init(_ form: Form, standIn: CalendarDate? = nil, today: CalendarDate = .ymd(2025, 7, 1)) {
        self.form = form
        self.standIn = standIn
        self.today = today
    }

    func text(_ id: String) -> String {
        form.field(id)?.text.trimmingWhitespace ?? ""
    }

    /// The text, or nil when the field was left empty.
    func optionalText(_ id: String) -> String? {
        let value = text(id)
        return value.isEmpty ? nil : value
    }

    mutating func problem(_ field: String, _ message: String) { problems.append((field, message)) }

    /// Text the form itself requires (the domain lets it be empty; the meeting should not).
    mutating func requiredText(_ id: String, _ why: String) -> String {
        let value = text(id)
        if value.isEmpty { problems.append((id, why)) }
        return value
    }

    /// A date typed as 2025-07-01 or 1/7/2025 (or 2025-07, or 2025, when only that is known): see `TypedDate`.
    mutating func date(_ id: String) -> CalendarDate? {
        let typed = text(id)
        if typed.isEmpty {
            if case .date(optional: true)? = form.field(id)?.kind { return nil }
            problems.append((id, "type a date, like \(TypedDate.example(today))"))
            return standIn
        }
        do {
            return try TypedDate.parse(typed)
        } catch {
            problems.append((id, TypedDate.message(error, today: today)))
            return standIn
        }
    }

    /// The value of the chosen entry of a choice field.
    func choice(_ id: String) -> String? { form.field(id)?.choice?.value }
}

extension Form {
    /// The edit this form records, checked against the data as the store will check it; or the
    /// form again, with each problem beside its field. New ids come from the recorder, which
    /// changes only when the edit is good.
    func submitted(_ state: AppState, recorder: inout Recorder) -> Submission {
        var form = self
        form.clearErrors()
        var reader = FormReader(form, standIn: state.landscape.today, today: state.landscape.today)
        var ids = recorder
        let edit = form.purpose.edit(&reader, state, &ids)?.linked(to: form.meeting)
        var domainProblem: EditError?
        if let edit {
            do { _ = try edit.change(against: state.landscape.dataset) } catch { domainProblem = error }
        }
        guard reader.problems.isEmpty, domainProblem == nil, let edit else {
            // The domain stops at its first problem; one in a field the form already flagged adds nothing.
            if let domainProblem, !reader.problems.contains(where: { $0.field == domainProblem.field }) {
                form.show(domainProblem.message, field: domainProblem.field.flatMap { form.field($0) == nil ? nil : $0 })
            }
            for problem in reader.problems { form.show(problem.message, field: problem.field) }
            if let first = form.fields.firstIndex(where: { $0.error != nil }) { form.focus = first }
            if !form.hasErrors && form.notice == nil { form.notice = .init("This cannot be saved as it is.", isError: true) }
            return .invalid(form)
        }
        recorder = ids
        return .edit(edit)
    }
}

/// A form's save: the edit to commit, or the form with its messages.
enum Submission {
    case edit(Edit)
    case invalid(Form)
}

extension FormPurpose {
    /// Each form's own file turns its fields into an edit.
    func edit(_ reader: inout FormReader, _ state: AppState, _ ids: inout Recorder) -> Edit? {
        let data = state.landscape.dataset
        switch self {
        case .decideSegment(let id, let computed): return SegmentDecisionForm.edit(&reader, id: id, computed: computed)
        case .addMeeting: return MeetingForm.added(&reader, ids: &ids)
        case .editMeeting(let id): return MeetingForm.edited(&reader, id: id, data)
        case .editAgendaItem(let meeting, let item): return AgendaItemForm.edited(&reader, meeting: meeting, item: item, data)
        case .addTopic(let meeting): return TopicItemForm.added(&reader, meeting: meeting, data)
        case .approveMinutes(let meeting): return ApprovalForm.approved(&reader, meeting: meeting, at: ids.now)
        case .writePaper, .suggestAgenda: return nil // written by `PaperForm.save`, opened by `SuggestForm.open`: never committed
        case .addIntervention(let org): return InterventionForm.added(&reader, org: org, ids: &ids)
        case .editIntervention(let id): return data.intervention(id).flatMap { InterventionForm.edited(&reader, $0, by: ids.user) }
        case .closeIntervention(let id): return CloseInterventionForm.edit(&reader, id: id)
        case .logEvent(let id): return InterventionEventForm.edit(&reader, id: id, ids: &ids)
        case .addNote(let subject): return NoteForm.added(&reader, subject: subject, data, ids: &ids)
        case .editNote(let id): return NoteForm.edited(&reader, id: id, at: ids.now)
        case .addAction(let subject): return ActionForm.edit(&reader, subject: subject, data, ids: &ids)
        case .completeAction(let id): return CompleteActionForm.edit(&reader, id: id)
        case .editAction(let id): return ActionForm.edited(&reader, id: id, at: ids.now)
        case .addActionUpdate(let id): return ActionUpdateForm.edit(&reader, id: id, ids: &ids)
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
