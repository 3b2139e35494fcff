import OversightDomain

/// A form on screen: what saving it records, its fields and which has the cursor, and the
/// message of the moment. A value like the rest of the state: typing returns a new form.
public struct Form: Sendable, Codable {
    public var purpose: FormPurpose
    /// "Record the segment decision".
    public var title: String
    /// Lines saying what is being recorded ("RX1 … · NOF 2025/26 Q1 · computed 3").
    public var context: [String]
    public var fields: [FormField]
    public var focus: Int
    /// A message about the whole form (a paste cleaned, a refusal that names no field).
    public var notice: AppState.Message?
    /// Something was typed, chosen or pasted: Esc then asks before throwing it away.
    public var isChanged = false
    /// F1 shows the form's keys under it.
    public var showsKeys = false
    /// A text field whose default follows a choice (Applied by follows the intervention type).
    public var follow: Follow?
    /// The meeting and item what this form records is tied to, when it was opened from a meeting's agenda.
    public var meeting: MeetingLink?

    public struct Follow: Sendable, Codable {
        public var choice: String
        public var field: String
        /// The text field's default for each choice value.
        public var defaults: [String: String]
    }

    public init(_ purpose: FormPurpose, title: String, context: [String], fields: [FormField]) {
        self.purpose = purpose
        self.title = title
        self.context = context
        self.fields = fields
        focus = fields.firstIndex(where: \.isEditable) ?? 0
    }

    public var focused: FormField { fields[focus] }

    public func field(_ id: String) -> FormField? { fields.first { $0.id == id } }

    mutating func updateFocused(_ change: (inout FormField) -> Void) { change(&fields[focus]) }

    /// Moves to the next (or previous) editable field, wrapping round.
    mutating func moveFocus(by step: Int) {
        guard fields.contains(where: \.isEditable) else { return }
        var i = focus
        repeat { i = (i + step + fields.count) % fields.count } while !fields[i].isEditable
        focus = i
    }

    /// Clears every message, before a save tries again.
    mutating func clearErrors() {
        for i in fields.indices { fields[i].error = nil }
        notice = nil
    }

    /// Puts a message beside the field the domain named, or on the form when it names none.
    mutating func show(_ message: String, field: String?) {
        if let field, let i = fields.firstIndex(where: { $0.id == field }) {
            fields[i].error = message
            focus = i
        } else {
            notice = .init(message, isError: true)
        }
    }

    public var hasErrors: Bool { fields.contains { $0.error != nil } }
}

/// What a form records when saved, with the records it is about.
public enum FormPurpose: Hashable, Sendable, Codable {
    case decideSegment(ScorecardID, computed: Int?)
    case addIntervention(OrgCode)
    case editIntervention(InterventionID)
    case closeIntervention(InterventionID)
    case logEvent(InterventionID)
    /// Nil: the About field says what the note is on.
    case addNote(Subject?)
    case editNote(NoteID)
    case addAction(Subject?)
    case completeAction(ActionID)
    case editAction(ActionID)
    case addActionUpdate(ActionID)
    case addMeeting
    case editMeeting(MeetingID)
    case editAgendaItem(MeetingID, AgendaItemID)
    case addTopic(MeetingID)
    case approveMinutes(MeetingID)
    /// Not an edit: the suggested agenda for a scope and quarter, opened as a list to keep or drop from.
    case suggestAgenda(MeetingID)
    /// Not an edit: a board paper written to a file.
    case writePaper(PaperRequest)
}
