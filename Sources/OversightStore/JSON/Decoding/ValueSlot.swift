/// The `Decoder` handed to `init(from:)`: a value inside an object or array, named by its owner and
/// position (-1 for the owner's own value). Two words, so passing it as `any Decoder` allocates
/// nothing; a node is made only when the value is opened as an object or array.
struct ValueSlot: Decoder {
    let owner: DecodingNode
    let position: Int

    var value: JSONValue { owner.childValue(position) }

    var codingPath: [any CodingKey] {
        position < 0 ? owner.codingPath : owner.codingPath(appending: owner.childStep(position))
    }

    var userInfo: [CodingUserInfoKey: Any] { owner.session.userInfo }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object = value.content else {
            throw DecodingError.typeMismatch([String: Any].self, DecodingError.Context(
                codingPath: codingPath, debugDescription: "expected an object, found \(value.valueDescription)"))
        }
        return try owner.containerNode(at: position).container(keyedBy: type)
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array = value.content else {
            throw DecodingError.typeMismatch([Any].self, DecodingError.Context(
                codingPath: codingPath, debugDescription: "expected an array, found \(value.valueDescription)"))
        }
        return try owner.containerNode(at: position).unkeyedContainer()
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer {
        SingleValueReader(slot: self)
    }
}
