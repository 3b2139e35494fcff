/// A code or id that is a string on the wire and a distinct type in Swift, so that an ODS code
/// can never be passed where a footprint id is expected.
public protocol Identifier: RawRepresentable, Hashable, Comparable, Codable, Sendable,
    ExpressibleByStringLiteral, CustomStringConvertible, CodingKeyRepresentable
where RawValue == String {
    init(_ rawValue: String)
}

extension Identifier {
    public init(rawValue: String) { self.init(rawValue) }
    public init(stringLiteral value: String) { self.init(value) }
    public var description: String { rawValue }
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        self.init(try decoder.singleValueContainer().decode(String.self))
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var codingKey: any CodingKey { IdentifierKey(stringValue: rawValue) }
    public init?<T: CodingKey>(codingKey: T) { self.init(codingKey.stringValue) }
}

struct IdentifierKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// NHS England region, by ODS code (Y56 London …).
public struct RegionCode: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
/// A footprint: an STP (ONS code E54…) or an ICS/ICB (ODS code Qxx).
public struct FootprintID: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
/// An organisation's ODS code (RX1, QHM …).
public struct OrgCode: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
/// A framework definition, e.g. `nof-2025-26`.
public struct FrameworkID: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
/// A metric within a framework, e.g. `OF0023`.
public struct MetricID: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
/// A theme or domain within a framework.
public struct ThemeID: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
/// An entry of the intervention catalogue, e.g. `quality-special-measures`.
public struct InterventionTypeID: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
/// One intervention in an organisation's history.
public struct InterventionID: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
/// One dated event in an intervention's log.
public struct InterventionEventID: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
/// A note.
public struct NoteID: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
/// An action.
public struct ActionID: Identifier { public let rawValue: String; public init(_ rawValue: String) { self.rawValue = rawValue } }
