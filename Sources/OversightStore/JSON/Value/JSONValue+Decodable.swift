/// A `JSONValue` can be a field of a `Decodable` type, to keep part of a document unparsed into
/// types until it is needed. Only the strict reader can hand one over (it returns the parsed subtree
/// as it is); any other decoder is refused, since it cannot say where the value came from.
extension JSONValue: Decodable {
    public init(from decoder: any Decoder) throws {
        throw DecodingError.typeMismatch(JSONValue.self, DecodingError.Context(
            codingPath: decoder.codingPath,
            debugDescription: "raw JSON can only be read by the store's strict JSON reader"))
    }
}
