/// Something a meeting asked someone to do, by a date.
public struct Action: Hashable, Codable, Sendable, Identified {
    public enum Status: String, Codable, Sendable, CaseIterable {
        case open
        case done
    }

    public var id: ActionID
    public var subject: Subject
    public var text: String
    public var owner: String
    public var due: CalendarDate?
    public var status: Status
    public var created: Timestamp
    public var completed: CalendarDate?
    /// Progress reported since it was agreed, in date order (same-day updates in the order added).
    public var updates: [ActionUpdate]
    /// When its text, owner or due date was last changed.
    public var edited: Timestamp?
    public var provenance: Provenance
    /// The meeting (and item) that set it, if any.
    public var meeting: MeetingLink?

    public init(id: ActionID, subject: Subject, text: String, owner: String, due: CalendarDate?, status: Status = .open,
                created: Timestamp, completed: CalendarDate? = nil, updates: [ActionUpdate] = [], edited: Timestamp? = nil,
                provenance: Provenance = .recorded, meeting: MeetingLink? = nil) {
        self.id = id
        self.subject = subject
        self.text = text
        self.owner = owner
        self.due = due
        self.status = status
        self.created = created
        self.completed = completed
        self.updates = updates
        self.edited = edited
        self.provenance = provenance
        self.meeting = meeting
    }

    /// Open and past its due date on `today`.
    public func isOverdue(on today: CalendarDate) -> Bool {
        guard status == .open, let due else { return false }
        return due.lastDayNumber < today.dayNumber
    }

    private enum CodingKeys: String, CodingKey {
        case id, subject, text, owner, due, status, created, completed, updates, edited, provenance, meeting
    }

    // Written by hand so that an action without updates is written (and read) exactly as before
    // updates existed: stores and journals from earlier versions read unchanged.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(ActionID.self, forKey: .id)
        subject = try c.decode(Subject.self, forKey: .subject)
        text = try c.decode(String.self, forKey: .text)
        owner = try c.decode(String.self, forKey: .owner)
        due = try c.decodeIfPresent(CalendarDate.self, forKey: .due)
        status = try c.decode(Status.self, forKey: .status)
        created = try c.decode(Timestamp.self, forKey: .created)
        completed = try c.decodeIfPresent(CalendarDate.self, forKey: .completed)
        updates = try c.decodeIfPresent([ActionUpdate].self, forKey: .updates) ?? []
        edited = try c.decodeIfPresent(Timestamp.self, forKey: .edited)
        provenance = try c.decode(Provenance.self, forKey: .provenance)
        meeting = try c.decodeIfPresent(MeetingLink.self, forKey: .meeting)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(subject, forKey: .subject)
        try c.encode(text, forKey: .text)
        try c.encode(owner, forKey: .owner)
        try c.encodeIfPresent(due, forKey: .due)
        try c.encode(status, forKey: .status)
        try c.encode(created, forKey: .created)
        try c.encodeIfPresent(completed, forKey: .completed)
        if !updates.isEmpty { try c.encode(updates, forKey: .updates) }
        try c.encodeIfPresent(edited, forKey: .edited)
        try c.encode(provenance, forKey: .provenance)
        try c.encodeIfPresent(meeting, forKey: .meeting)
    }
}

/// A dated line of progress on an action ("plan received, board to review in March").
public struct ActionUpdate: Hashable, Codable, Sendable {
    public var id: String
    /// The day the progress is about (the meeting it was reported at, say).
    public var date: CalendarDate
    public var text: String
    public var by: String
    /// When it was recorded.
    public var recorded: Timestamp

    public init(id: String, date: CalendarDate, text: String, by: String, recorded: Timestamp) {
        self.id = id
        self.date = date
        self.text = text
        self.by = by
        self.recorded = recorded
    }
}
