/// A note on an organisation, footprint or meeting.
public struct Note: Hashable, Codable, Sendable, Identified {
    public var id: NoteID
    public var subject: Subject
    public var text: String
    public var author: String
    public var created: Timestamp
    public var edited: Timestamp?
    public var provenance: Provenance
    /// The meeting (and item) it was recorded at, if any.
    public var meeting: MeetingLink?

    public init(id: NoteID, subject: Subject, text: String, author: String, created: Timestamp,
                edited: Timestamp? = nil, provenance: Provenance = .recorded, meeting: MeetingLink? = nil) {
        self.id = id
        self.subject = subject
        self.text = text
        self.author = author
        self.created = created
        self.edited = edited
        self.provenance = provenance
        self.meeting = meeting
    }
}
