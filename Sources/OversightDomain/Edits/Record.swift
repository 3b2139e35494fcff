/// A record that edits change, with its identity. The journal stores these as before and after images.
public enum Record: Hashable, Codable, Sendable {
    case scorecard(Scorecard)
    case intervention(Intervention)
    case note(Note)
    case action(Action)
    /// Organisations change only by an import that adds a trust the register lacked or takes its type from the file.
    case organisation(Organisation)
    case release(PublishedRelease)
    case meeting(Meeting)

    public var key: RecordKey {
        switch self {
        case .organisation(let value): return .organisation(value.id)
        case .release(let value): return .release(value.id)
        case .scorecard(let value): return .scorecard(value.id)
        case .intervention(let value): return .intervention(value.id)
        case .note(let value): return .note(value.id)
        case .action(let value): return .action(value.id)
        case .meeting(let value): return .meeting(value.id)
        }
    }

    /// What the record is about: a scorecard's, an intervention's or an organisation's own organisation, a
    /// note's or an action's subject; nil for a published file's record, which is about no one body. The
    /// history lists an entry under these, and the console goes to them.
    public var subject: Subject? {
        switch self {
        case .scorecard(let value): return .organisation(value.org)
        case .intervention(let value): return .organisation(value.org)
        case .note(let value): return value.subject
        case .action(let value): return value.subject
        case .organisation(let value): return .organisation(value.code)
        case .release, .meeting: return nil
        }
    }

    private enum CodingKeys: String, CodingKey { case scorecard, intervention, note, action, organisation, release, meeting }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        guard c.allKeys.count == 1, let key = c.allKeys.first else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                debugDescription: "a record holds exactly one of scorecard, intervention, note, action, organisation, release, meeting"))
        }
        switch key {
        case .scorecard: self = .scorecard(try c.decode(Scorecard.self, forKey: key))
        case .intervention: self = .intervention(try c.decode(Intervention.self, forKey: key))
        case .note: self = .note(try c.decode(Note.self, forKey: key))
        case .action: self = .action(try c.decode(Action.self, forKey: key))
        case .organisation: self = .organisation(try c.decode(Organisation.self, forKey: key))
        case .release: self = .release(try c.decode(PublishedRelease.self, forKey: key))
        case .meeting: self = .meeting(try c.decode(Meeting.self, forKey: key))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .scorecard(let value): try c.encode(value, forKey: .scorecard)
        case .intervention(let value): try c.encode(value, forKey: .intervention)
        case .note(let value): try c.encode(value, forKey: .note)
        case .action(let value): try c.encode(value, forKey: .action)
        case .organisation(let value): try c.encode(value, forKey: .organisation)
        case .release(let value): try c.encode(value, forKey: .release)
        case .meeting(let value): try c.encode(value, forKey: .meeting)
        }
    }
}

/// Which record: `scorecard:RX1/nof-2025-26/2025-26-Q1`, `note:n-…`.
public enum RecordKey: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    case scorecard(ScorecardID)
    case intervention(InterventionID)
    case note(NoteID)
    case action(ActionID)
    case organisation(OrgCode)
    case release(ReleaseID)
    case meeting(MeetingID)

    public var rawValue: String {
        switch self {
        case .organisation(let id): return "organisation:" + id.rawValue
        case .release(let id): return "release:" + id.rawValue
        case .scorecard(let id): return "scorecard:" + id.rawValue
        case .intervention(let id): return "intervention:" + id.rawValue
        case .note(let id): return "note:" + id.rawValue
        case .action(let id): return "action:" + id.rawValue
        case .meeting(let id): return "meeting:" + id.rawValue
        }
    }

    public var description: String { rawValue }

    public static func parse(_ text: String) -> RecordKey? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let value = String(text[text.index(after: colon)...])
        guard !value.isEmpty else { return nil }
        switch text[..<colon] {
        case "scorecard": return ScorecardID.parse(value).map { .scorecard($0) }
        case "intervention": return .intervention(InterventionID(value))
        case "note": return .note(NoteID(value))
        case "action": return .action(ActionID(value))
        case "organisation": return .organisation(OrgCode(value))
        case "release": return .release(ReleaseID(value))
        case "meeting": return .meeting(MeetingID(value))
        default: return nil
        }
    }

    public static func < (lhs: RecordKey, rhs: RecordKey) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The organisation the record is about, when there is one (for filtering history by organisation).
    public var organisation: OrgCode? {
        switch self {
        case .scorecard(let id): return id.org
        case .organisation(let code): return code
        default: return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let key = RecordKey.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)” is not a record key")
        }
        self = key
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
