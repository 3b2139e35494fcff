import OversightDomain

/// A direct read gave up: the value is not exactly what the store writes. It carries no message on
/// purpose: the caller then decodes the same value through `Decodable`, which accepts exactly the same
/// documents and says precisely what is wrong and where.
struct DirectRefusal: Error {}

/// The members of one object, read by key for a direct reader. Every key found is counted, so
/// `finish()` knows whether any member was left unread (an unknown field, which the strict decoder
/// must report: the direct reader then refuses and leaves it to that decoder).
struct DirectFields {
    private let members: [JSONObject.Member]
    /// Where the next search starts: the encoder writes keys sorted, and readers ask in a fixed
    /// order, so most lookups find their key at the cursor or just after it.
    private var cursor = 0
    private var found = 0

    init(_ value: JSONValue) throws(DirectRefusal) {
        guard case .object(let object) = value.content else { throw DirectRefusal() }
        members = object.members
    }

    var count: Int { members.count }

    private mutating func find(_ key: String) -> JSONValue? {
        let count = members.count
        var position = cursor
        for _ in 0..<count {
            if position >= count { position = 0 }
            if members[position].key == key {
                cursor = position + 1
                found += 1
                return members[position].value
            }
            position += 1
        }
        return nil
    }

    /// A member that must be there (null is not a value for it: the decoder would refuse it too).
    mutating func required(_ key: String) throws(DirectRefusal) -> JSONValue {
        guard let value = find(key) else { throw DirectRefusal() }
        return value
    }

    /// A member that may be absent; null counts as absent, as `decodeIfPresent` reads it.
    mutating func optional(_ key: String) -> JSONValue? {
        guard let value = find(key) else { return nil }
        if case .null = value.content { return nil }
        return value
    }

    /// Refuses when any member was not asked for.
    func finish() throws(DirectRefusal) {
        guard found == members.count else { throw DirectRefusal() }
    }
}

/// The scalar rules of the strict decoder (`JSONScalar`), as refusals.
enum Direct {
    static func string(_ value: JSONValue) throws(DirectRefusal) -> String {
        guard case .string(let text) = value.content else { throw DirectRefusal() }
        return text
    }

    static func int(_ value: JSONValue) throws(DirectRefusal) -> Int {
        guard case .success(let result) = Int.read(value) else { throw DirectRefusal() }
        return result
    }

    static func double(_ value: JSONValue) throws(DirectRefusal) -> Double {
        guard case .success(let result) = Double.read(value) else { throw DirectRefusal() }
        return result
    }

    static func bool(_ value: JSONValue) throws(DirectRefusal) -> Bool {
        guard case .bool(let flag) = value.content else { throw DirectRefusal() }
        return flag
    }

    static func array(_ value: JSONValue) throws(DirectRefusal) -> [JSONValue] {
        guard case .array(let elements) = value.content else { throw DirectRefusal() }
        return elements
    }

    static func members(_ value: JSONValue) throws(DirectRefusal) -> [JSONObject.Member] {
        guard case .object(let object) = value.content else { throw DirectRefusal() }
        return object.members
    }

    /// A string-backed enumeration (`"kind": "do"`).
    static func raw<E: RawRepresentable>(_ type: E.Type, _ value: JSONValue) throws(DirectRefusal) -> E where E.RawValue == String {
        guard let result = E(rawValue: try string(value)) else { throw DirectRefusal() }
        return result
    }

    static func identifier<I: Identifier>(_ type: I.Type, _ value: JSONValue) throws(DirectRefusal) -> I {
        I(try string(value))
    }

    static func timestamp(_ value: JSONValue) throws(DirectRefusal) -> Timestamp {
        guard let result = Timestamp.parse(try string(value)) else { throw DirectRefusal() }
        return result
    }

    static func date(_ value: JSONValue) throws(DirectRefusal) -> CalendarDate {
        let text = try string(value)
        guard let result = try? CalendarDate.parse(text) else { throw DirectRefusal() }
        return result
    }

    static func period(_ value: JSONValue) throws(DirectRefusal) -> Period {
        guard let result = Period.parse(try string(value)) else { throw DirectRefusal() }
        return result
    }

    static func subject(_ value: JSONValue) throws(DirectRefusal) -> Subject {
        guard let result = Subject.parse(try string(value)) else { throw DirectRefusal() }
        return result
    }

    /// Each element read by `read`.
    static func list<T>(_ value: JSONValue, _ read: (JSONValue) throws(DirectRefusal) -> T) throws(DirectRefusal) -> [T] {
        let elements = try array(value)
        var result: [T] = []
        result.reserveCapacity(elements.count)
        for element in elements { result.append(try read(element)) }
        return result
    }

    /// A type the direct readers do not cover, read by the strict decoder (which refuses unknown fields too).
    static func decoded<T: Decodable>(_ type: T.Type, _ value: JSONValue) throws(DirectRefusal) -> T {
        guard let result = try? JSONValueDecoder().decode(type, from: value) else { throw DirectRefusal() }
        return result
    }
}
