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
    public var provenance: Provenance
    /// The meeting (and item) that set it, if any.
    public var meeting: MeetingLink?

    public init(id: ActionID, subject: Subject, text: String, owner: String, due: CalendarDate?, status: Status = .open,
                created: Timestamp, completed: CalendarDate? = nil, provenance: Provenance = .recorded, meeting: MeetingLink? = nil) {
        self.id = id
        self.subject = subject
        self.text = text
        self.owner = owner
        self.due = due
        self.status = status
        self.created = created
        self.completed = completed
        self.provenance = provenance
        self.meeting = meeting
    }

    /// Open and past its due date on `today`.
    public func isOverdue(on today: CalendarDate) -> Bool {
        guard status == .open, let due else { return false }
        return due.dayNumber < today.dayNumber
    }
}
