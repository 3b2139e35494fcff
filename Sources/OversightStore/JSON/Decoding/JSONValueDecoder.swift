import OversightDomain

/// Decodes any `Decodable` from a parsed ``JSONValue``, strictly: integers only from integer
/// literals, and, after a successful decode, every object key the type never asked for reported as
/// an unknown field (an old binary must not silently drop a newer field on save).
///
/// A key counts as asked for when the type calls `decode`, `decodeIfPresent` or `decodeNil` for it,
/// or opens a nested container or super decoder on it, whatever the outcome; `contains` and `allKeys`
/// alone do not count. What a failed attempt opened (a `try?` that returned nil) is not checked.
/// Arrays that were read only in part are reported too.
///
/// ```swift
/// let dataset = try JSONValueDecoder().decode(Dataset.self, from: try JSONParser.parse(bytes))
/// ```
public struct JSONValueDecoder: Sendable {
    /// Passed to every `init(from:)` as `decoder.userInfo`.
    public var userInfo: [CodingUserInfoKey: any Sendable]

    /// Whether the store's record types are read by their direct readers (`DirectReading`). Off only
    /// in the tests that check the direct readers against the `Decodable` route they stand in for.
    var usesDirectReaders = true

    public init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
    }

    /// The decoded value; throws every problem found: a type error (alone, since it stops decoding)
    /// or all unknown fields.
    public func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(JSONDecodingFailure) -> T {
        let (result, unread) = try decodeReportingUnknownFields(type, from: value)
        guard unread.isEmpty else { throw JSONDecodingFailure(problems: unread) }
        return result
    }

    /// The decoded value and the unknown fields (and unread array elements) beside it, for a caller
    /// that can still use the value (to show a newer store read-only, say). Throws on a type error.
    public func decodeReportingUnknownFields<T: Decodable>(
        _ type: T.Type, from value: JSONValue
    ) throws(JSONDecodingFailure) -> (value: T, unknownFields: [JSONProblem]) {
        // The store's own record types are read directly when they are exactly as the store writes
        // them; anything else takes the `Decodable` route below, which names what is wrong.
        if usesDirectReaders, let direct = DirectReading.read(type, value) { return (direct, []) }
        let session = DecodingSession(userInfo: userInfo, usesDirectReaders: usesDirectReaders)
        defer { session.finish() }
        let root = DecodingNode(value, parent: nil, step: nil, session: session)
        do {
            let result = try root.decodeValue(type, at: -1)
            return (result, session.unreadProblems())
        } catch let error as DecodingError {
            throw JSONDecodingFailure(problems: [JSONProblem(error, root: value)])
        } catch {
            throw JSONDecodingFailure(problems: [JSONProblem(kind: .invalidValue, path: .root, offset: value.offset,
                                                             message: String(describing: error))])
        }
    }
}
