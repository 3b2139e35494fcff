import OversightDomain

/// The decoding node for an object or array (or the root value): it is a step of the coding path
/// (each knows its parent and the step from it, so paths are built only when a message needs one),
/// and it records which of its object's keys were asked for and how far into its array a reader got,
/// so that after a successful decode what nothing read can be reported.
final class DecodingNode {
    let value: JSONValue
    let parent: DecodingNode?
    /// The step from the parent's value to this one.
    let step: DataPath.Component?
    let session: DecodingSession
    /// The value's members or elements, unwrapped once.
    let members: [JSONObject.Member]
    let elements: [JSONValue]

    /// Object keys asked for, by member position: a mask for the first 64, an array beyond.
    private var askedMask: UInt64 = 0
    private var askedBeyond: [Bool] = []
    /// How many array elements an unkeyed container has moved past.
    var elementsRead = 0
    /// Whether the session lists this node for the unknown-field check.
    var isRegistered = false
    /// Where the last key lookup found its member: synthesized decoders and `allKeys` loops ask in
    /// an order that often matches the file, so the next search starts just after it.
    var lookupCursor = 0
    /// Key positions for objects too large for a linear search.
    var keyIndex: [String: Int]?

    init(_ value: JSONValue, parent: DecodingNode?, step: DataPath.Component?, session: DecodingSession) {
        self.value = value
        self.parent = parent
        self.step = step
        self.session = session
        switch value.content {
        case .object(let object):
            members = object.members
            elements = []
        case .array(let array):
            members = []
            elements = array
        default:
            members = []
            elements = []
        }
    }

    /// The value at a member or element position (-1: this node's own value).
    func childValue(_ position: Int) -> JSONValue {
        if position < 0 { return value }
        return members.isEmpty ? elements[position] : members[position].value
    }

    func childStep(_ position: Int) -> DataPath.Component {
        members.isEmpty ? .index(position) : .key(members[position].key)
    }

    // MARK: Paths

    /// Built on first use and kept: a type that probes its members with `try?` asks for it often.
    private var cachedCodingPath: [any CodingKey]?

    var codingPath: [any CodingKey] {
        if let cachedCodingPath { return cachedCodingPath }
        var keys = parent?.codingPath ?? []
        if let step { keys.append(JSONKey(step)) }
        cachedCodingPath = keys
        return keys
    }

    /// This node's path plus one more step, reused between calls: when a `try?` probe's error has
    /// been dropped the array is uniquely held again, so the next child path changes it in place.
    private var childPath: [any CodingKey] = []

    func codingPath(appending last: DataPath.Component) -> [any CodingKey] {
        if childPath.isEmpty {
            childPath = codingPath
            childPath.append(JSONKey(last))
        } else {
            childPath[childPath.count - 1] = JSONKey(last)
        }
        return childPath
    }

    /// The JSON path of this value, from the root of the decode.
    var path: DataPath {
        var components: [DataPath.Component] = []
        var node: DecodingNode? = self
        while let current = node, let step = current.step {
            components.append(step)
            node = current.parent
        }
        return DataPath(components.reversed())
    }

    // MARK: Containers

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object = value.content else {
            throw DecodingError.typeMismatch([String: Any].self, DecodingError.Context(
                codingPath: codingPath, debugDescription: "expected an object, found \(value.valueDescription)"))
        }
        register()
        return KeyedDecodingContainer(KeyedReader<Key>(decoder: self))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array = value.content else {
            throw DecodingError.typeMismatch([Any].self, DecodingError.Context(
                codingPath: codingPath, debugDescription: "expected an array, found \(value.valueDescription)"))
        }
        register()
        return UnkeyedReader(decoder: self)
    }

    func register() {
        guard !isRegistered else { return }
        isRegistered = true
        session.register(self)
    }

    // MARK: Usage

    func markAsked(_ position: Int) {
        if position < 64 {
            askedMask |= 1 << UInt64(position)
        } else {
            if askedBeyond.isEmpty { askedBeyond = Array(repeating: false, count: max(0, members.count - 64)) }
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

    // MARK: Decoding values

    /// Decodes the member or element at `position` (-1: this node's own value). Scalars are read
    /// directly; anything else gets a `ValueSlot` as its decoder. A failed attempt is rolled back,
    /// so what it opened is not checked for unknown fields (a `try?` that fails leaves no trace).
    func decodeValue<T: Decodable>(_ type: T.Type, at position: Int) throws -> T {
        // The four scalar types the store uses most are read without a decoder; a metatype
        // comparison is far cheaper than a protocol conformance check.
        if T.self == String.self { return unsafeBitCast(try readScalar(String.self, at: position), to: T.self) }
        if T.self == Double.self { return unsafeBitCast(try readScalar(Double.self, at: position), to: T.self) }
        if T.self == Int.self { return unsafeBitCast(try readScalar(Int.self, at: position), to: T.self) }
        if T.self == Bool.self { return unsafeBitCast(try readScalar(Bool.self, at: position), to: T.self) }
        if T.self == MetricValue.self, let metric = plainMetricValue(at: position) { return unsafeBitCast(metric, to: T.self) }
        // Raw JSON is handed over as it was parsed, to be decoded later (or never): nothing inside it is checked now.
        if T.self == JSONValue.self { return childValue(position) as! T }
        // A store record read whole by a direct reader leaves nothing unread inside it to report.
        if session.usesDirectReaders, let direct = DirectReading.read(T.self, childValue(position)) { return direct }
        let mark = session.mark
        do {
            if case .object = childValue(position).content {
                // A scorecard's values, by far the most numerous dictionaries in a store, get code
                // specialised for their types; other dictionaries take the generic route.
                if T.self == [MetricID: MetricValue].self {
                    return unsafeBitCast(try decodeDictionary([MetricID: MetricValue].self, at: position), to: T.self)
                }
                if let dictionary = type as? any JSONKeyedDictionary.Type {
                    let node = containerNode(at: position)
                    node.register()
                    return try dictionary.decodeMembers(of: node) as! T
                }
            }
            return try T(from: ValueSlot(owner: self, position: position))
        } catch {
            session.rollBack(to: mark)
            throw describedError(error, at: position)
        }
    }

    /// A scorecard's metric value when it is a finite number or null, read directly. `MetricValue`'s
    /// own decoder probes for a string first, and a refused probe (an error built and thrown) costs
    /// more than all the rest of reading a store; anything else (a string, a wrong type) goes
    /// through `MetricValue.init(from:)`, so its rules and messages stay the domain's.
    private func plainMetricValue(at position: Int) -> MetricValue? {
        switch childValue(position).content {
        case .null:
            return .missing
        case .number(let number):
            let value = number.doubleValue
            return value.isFinite ? .number(value) : nil
        default:
            return nil
        }
    }

    private func decodeDictionary<D: JSONKeyedDictionary>(_ type: D.Type, at position: Int) throws -> D {
        let node = containerNode(at: position)
        node.register()
        return try D.decodeMembers(of: node)
    }

    /// Errors from outside the decoder (a domain type's own error) become `DecodingError`s at this path.
    private func describedError(_ error: any Error, at position: Int) -> any Error {
        if error is DecodingError { return error }
        let path = position < 0 ? codingPath : codingPath(appending: childStep(position))
        return DecodingError.dataCorrupted(DecodingError.Context(
            codingPath: path, debugDescription: String(describing: error), underlyingError: error))
    }

    /// Whether the value at a position is null, read in place.
    func isNull(at position: Int) -> Bool {
        if position < 0 { if case .null = value.content { return true } else { return false } }
        if members.isEmpty { if case .null = elements[position].content { return true } else { return false } }
        if case .null = members[position].value.content { return true }
        return false
    }

    func readScalar<T: JSONScalar>(_ type: T.Type, at position: Int) throws -> T {
        // The array element is passed straight through, so reading it costs no copy.
        let read = position < 0 ? T.read(value)
            : members.isEmpty ? T.read(elements[position]) : T.read(members[position].value)
        switch read {
        case .success(let result):
            return result
        case .failure(let failure):
            let path = position < 0 ? codingPath : codingPath(appending: childStep(position))
            throw failure.decodingError(T.self, codingPath: path)
        }
    }

    /// The node for the object or array at `position`, made when a container is first opened on it.
    func containerNode(at position: Int) -> DecodingNode {
        position < 0 ? self : DecodingNode(childValue(position), parent: self, step: childStep(position), session: session)
    }
}

extension JSONKey {
    init(_ component: DataPath.Component) {
        switch component {
        case .key(let name): self = .key(name)
        case .index(let position): self = .index(position)
        }
    }
}
