/// Reads a slot's value as one thing; a nested type decodes from the same slot, so a wrapper type
/// and what it wraps read one value at one path.
struct SingleValueReader: SingleValueDecodingContainer {
    let slot: ValueSlot

    var codingPath: [any CodingKey] { slot.codingPath }

    func decodeNil() -> Bool { slot.owner.isNull(at: slot.position) }

    private func scalar<T: JSONScalar>(_ type: T.Type) throws -> T {
        try slot.owner.readScalar(type, at: slot.position)
    }

    func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) }
    func decode(_ type: String.Type) throws -> String { try scalar(type) }
    func decode(_ type: Double.Type) throws -> Double { try scalar(type) }
    func decode(_ type: Float.Type) throws -> Float { try scalar(type) }
    func decode(_ type: Int.Type) throws -> Int { try scalar(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try slot.owner.decodeValue(type, at: slot.position)
    }
}
