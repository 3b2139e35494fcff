/// Dictionaries keyed by strings, integers or identifiers (a scorecard's values by metric id) are
/// read member by member, in file order, without the standard library's generic route through
/// `allKeys` and a lookup per key: the same result, with every key counted as asked for.
protocol JSONKeyedDictionary {
    static func decodeMembers(of node: DecodingNode) throws -> Self
}

extension Dictionary: JSONKeyedDictionary where Key: CodingKeyRepresentable, Value: Decodable {
    static func decodeMembers(of node: DecodingNode) throws -> [Key: Value] {
        var result: [Key: Value] = [:]
        result.reserveCapacity(node.members.count)
        for (position, member) in node.members.enumerated() {
            node.markAsked(position)
            let key: Key
            if Key.self == String.self {
                key = unsafeBitCast(member.key, to: Key.self)
            } else if let converted = Key(codingKey: DictionaryKey(stringValue: member.key)) {
                key = converted
            } else {
                throw DecodingError.dataCorrupted(DecodingError.Context(
                    codingPath: node.codingPath(appending: .key(member.key)),
                    debugDescription: "the key \(DisplayText.quoted(member.key)) is not a valid \(Key.self)"))
            }
            result[key] = try node.decodeValue(Value.self, at: position)
        }
        return result
    }
}

/// A dictionary key as the standard library presents one: its text, and its integer value when it is one.
struct DictionaryKey: CodingKey {
    let stringValue: String
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { self.stringValue = String(intValue) }
    var intValue: Int? { Int(stringValue) }
}
