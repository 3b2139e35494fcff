/// Reads an array's elements in order, noting how far it got so that unread elements can be reported.
struct UnkeyedReader: UnkeyedDecodingContainer {
    let decoder: DecodingNode
    private(set) var currentIndex = 0

    init(decoder: DecodingNode) { self.decoder = decoder }

    private var elements: [JSONValue] { decoder.elements }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { elements.count }
    var isAtEnd: Bool { currentIndex >= elements.count }

    /// The next element's position; throws `valueNotFound` past the end.
    private mutating func next<T>(_ type: T.Type) throws -> Int {
        guard currentIndex < elements.count else {
            throw DecodingError.valueNotFound(type, DecodingError.Context(
                codingPath: decoder.codingPath(appending: .index(currentIndex)),
                debugDescription: "expected another element; the array holds only \(elements.count)"))
        }
        let position = currentIndex
        currentIndex += 1
        if currentIndex > decoder.elementsRead { decoder.elementsRead = currentIndex }
        return position
    }

    private mutating func scalar<T: JSONScalar>(_ type: T.Type) throws -> T {
        try decoder.readScalar(type, at: try next(type))
    }

    mutating func decodeNil() throws -> Bool {
        guard currentIndex < elements.count else {
            throw DecodingError.valueNotFound(Any?.self, DecodingError.Context(
                codingPath: decoder.codingPath(appending: .index(currentIndex)),
                debugDescription: "expected another element; the array holds only \(elements.count)"))
        }
        guard case .null = elements[currentIndex].content else { return false }
        _ = try next(Any?.self)
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool { try scalar(type) }
    mutating func decode(_ type: String.Type) throws -> String { try scalar(type) }
    mutating func decode(_ type: Double.Type) throws -> Double { try scalar(type) }
    mutating func decode(_ type: Float.Type) throws -> Float { try scalar(type) }
    mutating func decode(_ type: Int.Type) throws -> Int { try scalar(type) }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try scalar(type) }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try scalar(type) }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try scalar(type) }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try scalar(type) }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try scalar(type) }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try scalar(type) }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try scalar(type) }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try scalar(type) }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try scalar(type) }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        try decoder.decodeValue(type, at: try next(type))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws -> KeyedDecodingContainer<NestedKey> {
        try superDecoder().container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
        try superDecoder().unkeyedContainer()
    }

    mutating func superDecoder() throws -> any Decoder {
        ValueSlot(owner: decoder, position: try next(Any.self))
    }
}
