import OversightDomain

/// Reads an object's members by key. A key counts as asked for when the type decodes it (`decode`,
/// `decodeIfPresent`, `decodeNil`, a nested container or a super decoder), whether or not that
/// decode then succeeds; `contains` and `allKeys` alone do not count, since they only look.
struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: DecodingNode
    var members: [JSONObject.Member] { decoder.members }

    var codingPath: [any CodingKey] { decoder.codingPath }

    var allKeys: [Key] { members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { position(of: key.stringValue) != nil }

    /// The member position for a key, searching from just after the last one found.
    private func position(of name: String) -> Int? {
        let count = members.count
        if count > 16 {
            if decoder.keyIndex == nil {
                var index: [String: Int] = [:]
                index.reserveCapacity(count)
                for (position, member) in members.enumerated() { index[member.key] = position }
                decoder.keyIndex = index
            }
            return decoder.keyIndex?[name]
        }
        var position = decoder.lookupCursor
        for _ in 0..<count {
            if position >= count { position = 0 }
            if members[position].key == name {
                decoder.lookupCursor = position + 1
                return position
            }
            position += 1
        }
        return nil
    }

    /// The position of the member for a key, marked as asked for; throws `keyNotFound` when it is absent.
    private func member(_ key: Key) throws -> Int {
        guard let position = position(of: key.stringValue) else {
            throw DecodingError.keyNotFound(key, DecodingError.Context(
                codingPath: codingPath, debugDescription: "missing field \(DisplayText.quoted(key.stringValue))"))
        }
        decoder.markAsked(position)
        return position
    }

    /// The position of the member for a key if present and not null, marked as asked for.
    private func memberIfPresent(_ key: Key) -> Int? {
        guard let position = position(of: key.stringValue) else { return nil }
        decoder.markAsked(position)
        if case .null = members[position].value.content { return nil }
        return position
    }

    private func scalar<T: JSONScalar>(_ type: T.Type, _ key: Key) throws -> T {
        try decoder.readScalar(type, at: try member(key))
    }

    private func scalarIfPresent<T: JSONScalar>(_ type: T.Type, _ key: Key) throws -> T? {
        guard let position = memberIfPresent(key) else { return nil }
        return try decoder.readScalar(type, at: position)
    }

    func decodeNil(forKey key: Key) throws -> Bool {
        if case .null = members[try member(key)].value.content { return true }
        return false
    }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try scalar(type, key) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try scalar(type, key) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try scalar(type, key) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try scalar(type, key) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try scalar(type, key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try scalar(type, key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try scalar(type, key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try scalar(type, key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try scalar(type, key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try scalar(type, key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try scalar(type, key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try scalar(type, key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try scalar(type, key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try scalar(type, key) }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        try decoder.decodeValue(type, at: try member(key))
    }

    func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: Double.Type, forKey key: Key) throws -> Double? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: Float.Type, forKey key: Key) throws -> Float? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: Int8.Type, forKey key: Key) throws -> Int8? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: Int16.Type, forKey key: Key) throws -> Int16? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: Int32.Type, forKey key: Key) throws -> Int32? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: Int64.Type, forKey key: Key) throws -> Int64? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt.Type, forKey key: Key) throws -> UInt? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt8.Type, forKey key: Key) throws -> UInt8? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt16.Type, forKey key: Key) throws -> UInt16? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt32.Type, forKey key: Key) throws -> UInt32? { try scalarIfPresent(type, key) }
    func decodeIfPresent(_ type: UInt64.Type, forKey key: Key) throws -> UInt64? { try scalarIfPresent(type, key) }

    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let position = memberIfPresent(key) else { return nil }
        return try decoder.decodeValue(type, at: position)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws -> KeyedDecodingContainer<NestedKey> {
        try superDecoder(forKey: key).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try superDecoder(forKey: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder {
        guard let position = position(of: JSONKey.super.stringValue) else {
            throw DecodingError.keyNotFound(JSONKey.super, DecodingError.Context(
                codingPath: codingPath, debugDescription: "missing field \"super\""))
        }
        decoder.markAsked(position)
        return ValueSlot(owner: decoder, position: position)
    }

    func superDecoder(forKey key: Key) throws -> any Decoder {
        ValueSlot(owner: decoder, position: try member(key))
    }
}
