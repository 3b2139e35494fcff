import OversightDomain

/// One thing wrong with a parsed JSON document that is not a syntax error: a value of the wrong type,
/// a missing or unknown field, a disallowed character. It knows the JSON path and the byte offset
/// of the value (or key) it is about, so a report can give line:column.
public struct JSONProblem: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        /// A value of the wrong JSON type (`expected a string, found a number`), or null where a value is required.
        case typeMismatch
        /// A field the type requires is absent.
        case missingField
        /// The right type but a value the type refuses (an unknown enum case, a malformed date, an integer out of range).
        case invalidValue
        /// A key nothing asked for: a newer or misspelt field that a save would silently drop.
        case unknownField
        /// Array elements past the ones the type read.
        case unreadElements
        /// Text holding a control character or bidi override, which stored text may not contain.
        case disallowedCharacter
    }

    public var kind: Kind
    public var path: DataPath
    /// The offset of the value (for an unknown field, of its key) in the parsed input.
    public var offset: Int
    public var message: String

    public init(kind: Kind, path: DataPath, offset: Int, message: String) {
        self.kind = kind
        self.path = path
        self.offset = offset
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Why decoding a JSON value failed: every problem found, in document order.
/// A type error stops decoding, so it comes alone; unknown fields are all listed.
public struct JSONDecodingFailure: Error, Hashable, Sendable, CustomStringConvertible {
    public var problems: [JSONProblem]

    public init(problems: [JSONProblem]) { self.problems = problems }

    public var description: String { problems.map(\.description).joined(separator: "\n") }
}
