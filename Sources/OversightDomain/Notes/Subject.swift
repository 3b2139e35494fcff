/// What a note or action is about. Written `org:RX1`, `footprint:QHM`, `meeting:2025-07-15 regional board`.
public enum Subject: Hashable, Comparable, Codable, Sendable, CustomStringConvertible {
    case organisation(OrgCode)
    case footprint(FootprintID)
    /// A meeting, named by its date and title.
    case meeting(String)

    public var rawValue: String {
        switch self {
        case .organisation(let code): return "org:" + code.rawValue
        case .footprint(let id): return "footprint:" + id.rawValue
        case .meeting(let name): return "meeting:" + name
        }
    }

    public var description: String { rawValue }

    public static func parse(_ text: String) -> Subject? {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let value = String(text[text.index(after: colon)...])
        guard !value.isEmpty else { return nil }
        switch text[..<colon] {
        case "org": return .organisation(OrgCode(value))
        case "footprint": return .footprint(FootprintID(value))
        case "meeting": return .meeting(value)
        default: return nil
        }
    }

    public static func < (lhs: Subject, rhs: Subject) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let subject = Subject.parse(text) else {
            throw DecodingError.dataCorruptedError(in: container,
                debugDescription: "“\(text)” is not a subject; use org:CODE, footprint:ID or meeting:NAME")
        }
        self = subject
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}
