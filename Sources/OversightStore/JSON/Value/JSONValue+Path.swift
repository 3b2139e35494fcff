import OversightDomain

extension JSONValue {
    /// The value a path leads to, or the deepest value on the way when the path goes further than
    /// the document (a missing field's problem then points at the object that lacks it).
    public func nearest(_ path: DataPath) -> JSONValue {
        var current = self
        for component in path.components {
            switch (component, current.content) {
            case (.key(let key), .object(let object)):
                guard let next = object[key] else { return current }
                current = next
            case (.index(let index), .array(let elements)):
                guard elements.indices.contains(index) else { return current }
                current = elements[index]
            default:
                return current
            }
        }
        return current
    }
}
