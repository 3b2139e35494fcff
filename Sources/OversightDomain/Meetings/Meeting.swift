/// A meeting.
public struct MeetingID: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
/// One item on a meeting's agenda.
public struct AgendaItemID: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }

/// An oversight meeting as the secretary keeps it: when, what kind, who came and who sent apologies,
/// the agenda in order, and its minutes' state. What the meeting decided (decisions, notes, actions,
/// interventions) lives on those records, each carrying a `MeetingLink` back here, so that nothing is
/// held twice.
public struct Meeting: Hashable, Codable, Sendable, Identified {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case board
        case icbOversight = "icb-oversight"
        case regionalOversight = "regional-oversight"
        case qualityCommittee = "quality-committee"

        public var label: String {
            switch self {
            case .board: return "Board"
            case .icbOversight: return "ICB oversight"
            case .regionalOversight: return "Regional oversight"
            case .qualityCommittee: return "Quality committee"
            }
        }
    }

    public var id: MeetingID
    public var title: String
    public var kind: Kind
    /// The day and the local clock time it starts (a board meets at 10:00 in England, whatever UTC says).
    public var date: CalendarDate
    public var startMinutes: Int
    public var attendees: [String]
    public var apologies: [String]
    public var items: [AgendaItem]
    public var minutes: MinutesState
    /// Corrections made after approval, oldest first; approved minutes are otherwise never changed.
    public var amendments: [MinutesAmendment]
    public var created: Timestamp
    public var provenance: Provenance

    public init(id: MeetingID, title: String, kind: Kind, date: CalendarDate, startMinutes: Int, attendees: [String] = [],
                apologies: [String] = [], items: [AgendaItem] = [], minutes: MinutesState = .draft,
                amendments: [MinutesAmendment] = [], created: Timestamp, provenance: Provenance = .recorded) {
        self.id = id
        self.title = title
        self.kind = kind
        self.date = date
        self.startMinutes = startMinutes
        self.attendees = attendees
        self.apologies = apologies
        self.items = items
        self.minutes = minutes
        self.amendments = amendments
        self.created = created
        self.provenance = provenance
    }

    public var isApproved: Bool { if case .approved = minutes { return true } else { return false } }

    /// "10:00".
    public var startText: String { Meeting.clock(startMinutes) }

    /// When each item starts and ends, in minutes since midnight: items follow one another from the start.
    public func slots() -> [(start: Int, end: Int)] {
        var at = startMinutes
        return items.map { item in
            defer { at += item.minutes }
            return (at, at + item.minutes)
        }
    }

    public func item(_ id: AgendaItemID) -> AgendaItem? { items.first { $0.id == id } }

    /// The next free item id (`i-4` after `i-3`), never reusing one, so a record's link stays with its item: "i-" and one more than the highest used (plus `offset`, when adding several at once).
    public func nextItemID(offset: Int = 0) -> AgendaItemID {
        let used = items.compactMap { Int($0.id.rawValue.dropFirst(2)) }.max() ?? 0
        return AgendaItemID("i-\(used + 1 + offset)")
    }

    /// "10:00", "14:35" (wraps past midnight rather than printing 25:10).
    public static func clock(_ minutes: Int) -> String {
        let m = ((minutes % 1440) + 1440) % 1440
        return CalendarDate.twoDigits(m / 60) + ":" + CalendarDate.twoDigits(m % 60)
    }

    /// Reads "10:00" or "9:30" as minutes since midnight.
    public static func parseClock(_ text: String) -> Int? {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 2, (1...2).contains(parts[0].count),
              let h = Int(parts[0]), let m = Int(parts[1]), (0..<24).contains(h), (0..<60).contains(m) else { return nil }
        return h * 60 + m
    }
}

/// What an agenda item is about: a trust or ICB, a footprint, or a topic in words.
public enum AgendaSubject: Hashable, Codable, Sendable, CustomStringConvertible {
    case organisation(OrgCode)
    case footprint(FootprintID)
    case topic(String)

    /// `org:RX1`, `footprint:QHM`, `topic:Winter plan`.
    public var rawValue: String {
        switch self {
        case .organisation(let code): return "org:" + code.rawValue
        case .footprint(let id): return "footprint:" + id.rawValue
        case .topic(let text): return "topic:" + text
        }
    }

    public var description: String { rawValue }

    public static func parse(_ text: String) -> AgendaSubject? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let value = String(text[text.index(after: colon)...])
        guard !value.isEmpty else { return nil }
        switch text[..<colon] {
        case "org": return .organisation(OrgCode(value))
        case "footprint": return .footprint(FootprintID(value))
        case "topic": return .topic(value)
        default: return nil
        }
    }

    /// "Leeds Teaching Hospitals NHS Trust (RR8)", "West Yorkshire ICS (QWO)", "Winter plan".
    public func label(in dataset: Dataset) -> String {
        switch self {
        case .organisation(let code): return dataset.organisation(code).map { "\($0.name) (\(code))" } ?? code.rawValue
        case .footprint(let id): return dataset.footprint(id).map { "\($0.name) (\(id))" } ?? id.rawValue
        case .topic(let text): return text
        }
    }

    public var organisation: OrgCode? { if case .organisation(let code) = self { return code } else { return nil } }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let subject = AgendaSubject.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container,
                debugDescription: "“\(text)” is not an agenda subject; use org:CODE, footprint:ID or topic:TEXT")
        }
        self = subject
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// One item on the agenda: what it is about, why it is there, who presents it and how long it has.
public struct AgendaItem: Hashable, Codable, Sendable {
    public var id: AgendaItemID
    public var subject: AgendaSubject
    /// Why it is on the agenda; a suggested item keeps the reasons the data gave.
    public var reason: String
    public var presenter: String
    /// Its slot's length; the slot's start follows from the items before it.
    public var minutes: Int

    public init(id: AgendaItemID, subject: AgendaSubject, reason: String, presenter: String = "", minutes: Int = 10) {
        self.id = id
        self.subject = subject
        self.reason = reason
        self.presenter = presenter
        self.minutes = minutes
    }
}

/// Minutes are drafted during and after the meeting, then approved (at the next meeting, usually); approved
/// minutes are the record and change only by an amendment that shows as one.
public enum MinutesState: Hashable, Codable, Sendable {
    case draft
    case approved(by: String, at: Timestamp)

    public var label: String {
        switch self {
        case .draft: return "draft"
        case .approved(let by, let at): return "approved by \(by), \(at.display) UTC"
        }
    }

    private enum CodingKeys: String, CodingKey { case state, by, at }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        switch try c.decode(String.self, forKey: .state) {
        case "draft": self = .draft
        case "approved": self = .approved(by: try c.decode(String.self, forKey: .by), at: try c.decode(Timestamp.self, forKey: .at))
        case let other:
            throw DecodingError.dataCorruptedError(forKey: .state, in: c, debugDescription: "“\(other)” is not a minutes state; use draft or approved")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .draft: try c.encode("draft", forKey: .state)
        case .approved(let by, let at):
            try c.encode("approved", forKey: .state)
            try c.encode(by, forKey: .by)
            try c.encode(at, forKey: .at)
        }
    }
}

/// A correction to approved minutes: its own dated text, shown beneath them as an amendment.
public struct MinutesAmendment: Hashable, Codable, Sendable {
    public var text: String
    public var by: String
    public var at: Timestamp

    public init(text: String, by: String, at: Timestamp) {
        self.text = text
        self.by = by
        self.at = at
    }
}

/// Which meeting (and which of its items) a decision, note, action or intervention was recorded at.
public struct MeetingLink: Hashable, Codable, Sendable {
    public var meeting: MeetingID
    public var item: AgendaItemID?

    public init(meeting: MeetingID, item: AgendaItemID? = nil) {
        self.meeting = meeting
        self.item = item
    }
}
