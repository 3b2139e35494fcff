/// A JSON object with its members in file order, each key with its own offset.
/// The strict parser guarantees that keys are unique.
public struct JSONObject: Equatable, Sendable {
    /// One `"key": value` pair.
    public struct Member: Sendable {
        public var key: String
        /// The offset of the key's opening quote.
        public var keyOffset: Int
        public var value: JSONValue

        public init(key: String, keyOffset: Int = 0, value: JSONValue) {
            self.key = key
            self.keyOffset = keyOffset
            self.value = value
        }
    }

    public var members: [Member]

    public init(_ members: [Member] = []) { self.members = members }

    /// The value for a key (a linear search: objects in store files are small, and the decoder indexes large ones itself).
    public subscript(key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    public var keys: [String] { members.map(\.key) }

    /// Same keys with equal values, in any order.
    public static func == (lhs: JSONObject, rhs: JSONObject) -> Bool {
        guard lhs.members.count == rhs.members.count else { return false }
        if lhs.members.count <= 8 {
            return lhs.members.allSatisfy { member in rhs[member.key] == member.value }
        }
        var others: [String: JSONValue] = [:]
        for member in rhs.members { others[member.key] = member.value }
        return lhs.members.allSatisfy { others[$0.key] == $0.value }
    }
}
