import OversightDomain

/// The `Decoder` for one JSON value. It is also a node of the coding path (each knows its parent and
/// the step from it), so paths are built only when a message needs one, and it records which of its
/// object's keys were asked for, so unknown fields can be reported after a successful decode.
final class ValueDecoder: Decoder {
    let value: JSONValue
    let parent: ValueDecoder?
    /// The step from the parent's value to this one.
    let step: DataPath.Component?
    let session: DecodingSession

    /// Object keys asked for, by member position: a mask for the first 64, an array beyond.
    private var askedMask: UInt64 = 0
    private var askedBeyond: [Bool] = []
    /// How many array elements an unkeyed container has moved past.
    var elementsRead = 0
    /// Whether the session lists this decoder for the unknown-field check.
    var isRegistered = false
    /// Where the last key lookup found its member: synthesized decoders and `allKeys` loops ask in
    /// an order that often matches the file, so the next search starts just after it.
    var lookupCursor = 0
    /// Key positions for objects too large for a linear search.
    var keyIndex: [String: Int]?

    init(_ value: JSONValue, parent: ValueDecoder?, step: DataPath.Component?, session: DecodingSession) {
        self.value = value
        self.parent = parent
        self.step = step
        self.session = session
    }

    var userInfo: [CodingUserInfoKey: Any] { session.userInfo }

    var codingPath: [any CodingKey] {
        path.components.map { component -> any CodingKey in
            switch component {
            case .key(let name): return JSONKey(stringValue: name)
            case .index(let position): return JSONKey(intValue: position)
            }
        }
    }

    /// The JSON path of this value, from the root of the decode.
    var path: DataPath {
        var components: [DataPath.Component] = []
        var node: ValueDecoder? = self
        while let current = node, let step = current.step {
            components.append(step)
            node = current.parent
        }
        return DataPath(components.reversed())
    }

    func codingPath(appending step: DataPath.Component) -> [any CodingKey] {
        var keys = codingPath
        switch step {
        case .key(let name): keys.append(JSONKey(stringValue: name))
        case .index(let position): keys.append(JSONKey(intValue: position))
        }
        return keys
    }

    // MARK: Containers

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value.content else {
            throw DecodingError.typeMismatch([String: Any].self, DecodingError.Context(
                codingPath: codingPath, debugDescription: "expected an object, found \(value.valueDescription)"))
        }
        register()
        return KeyedDecodingContainer(KeyedReader<Key>(decoder: self, members: object.members))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let elements) = value.content else {
            throw DecodingError.typeMismatch([Any].self, DecodingError.Context(
                codingPath: codingPath, debugDescription: "expected an array, found \(value.valueDescription)"))
        }
        register()
        return UnkeyedReader(decoder: self, elements: elements)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueReader(decoder: self)
    }

    private func register() {
        guard !isRegistered else { return }
        isRegistered = true
        session.register(self)
    }

    // MARK: Usage

    func markAsked(_ position: Int) {
        if position < 64 {
            askedMask |= 1 << UInt64(position)
        } else {
            if askedBeyond.isEmpty { askedBeyond = Array(repeating: false, count: max(0, memberCount - 64)) }
            askedBeyond[position - 64] = true
        }
    }

    func wasAsked(_ position: Int) -> Bool {
        if position < 64 { return askedMask & (1 << UInt64(position)) != 0 }
        return !askedBeyond.isEmpty && askedBeyond[position - 64]
    }

    /// Forgets everything a failed attempt recorded.
    func resetUsage() {
        askedMask = 0
        askedBeyond = []
        elementsRead = 0
        isRegistered = false
    }

    private var memberCount: Int {
        if case .object(let object) = value.content { return object.members.count }
        return 0
    }

    // MARK: Nested values

    /// Decodes a nested value through a child decoder. A failed attempt is rolled back, so what it
    /// opened is not checked for unknown fields (a `try?` that fails leaves no trace).
    func decodeChild<T: Decodable>(_ type: T.Type, _ value: JSONValue, step: DataPath.Component) throws -> T {
        if let scalar = type as? any JSONScalar.Type {
            return try readScalar(scalar, value, step: step) as! T
        }
        let child = ValueDecoder(value, parent: self, step: step, session: session)
        return try child.decodeHere(type)
    }

    /// Decodes `T` from this decoder's own value, rolling back on failure.
    func decodeHere<T: Decodable>(_ type: T.Type) throws -> T {
        let mark = session.mark
        do {
            return try T(from: self)
        } catch {
            session.rollBack(to: mark)
            throw describedError(error)
        }
    }

    /// Errors from outside the decoder (a domain type's own error) become `DecodingError`s at this path.
    private func describedError(_ error: any Error) -> any Error {
        if error is DecodingError { return error }
        let text = String(describing: error)
        return DecodingError.dataCorrupted(DecodingError.Context(codingPath: codingPath, debugDescription: text, underlyingError: error))
    }

    func readScalar<T: JSONScalar>(_ type: T.Type, _ value: JSONValue, step: DataPath.Component?) throws -> T {
        switch T.read(value) {
        case .success(let result):
            return result
        case .failure(let failure):
            let path = step.map { codingPath(appending: $0) } ?? codingPath
            throw failure.decodingError(T.self, codingPath: path)
        }
    }
}
