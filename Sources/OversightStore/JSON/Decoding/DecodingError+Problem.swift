import OversightDomain

extension JSONProblem {
    /// The problem a `DecodingError` describes, placed by following its coding path through `root`
    /// (so errors thrown by a type's own `init(from:)` get a position too).
    init(_ error: DecodingError, root: JSONValue) {
        switch error {
        case .typeMismatch(_, let context):
            let (path, offset) = JSONProblem.locate(context.codingPath, in: root)
            self.init(kind: .typeMismatch, path: path, offset: offset, message: context.debugDescription)
        case .valueNotFound(_, let context):
            let (path, offset) = JSONProblem.locate(context.codingPath, in: root)
            self.init(kind: .typeMismatch, path: path, offset: offset, message: context.debugDescription)
        case .keyNotFound(let key, let context):
            let (path, offset) = JSONProblem.locate(context.codingPath, in: root)
            self.init(kind: .missingField, path: path, offset: offset,
                      message: "missing field \(DisplayText.quoted(key.stringValue))")
        case .dataCorrupted(let context):
            let (path, offset) = JSONProblem.locate(context.codingPath, in: root)
            self.init(kind: .invalidValue, path: path, offset: offset, message: context.debugDescription)
        @unknown default:
            self.init(kind: .invalidValue, path: .root, offset: root.offset, message: String(describing: error))
        }
    }

    /// The data path and offset of the deepest value a coding path reaches.
    static func locate(_ codingPath: [any CodingKey], in root: JSONValue) -> (DataPath, Int) {
        var path = DataPath.root
        var value: JSONValue? = root
        var offset = root.offset
        for key in codingPath {
            switch value?.content {
            case .array(let elements)?:
                let position = key.intValue ?? -1
                path = path.index(position)
                value = elements.indices.contains(position) ? elements[position] : nil
            case .object(let object)?:
                path = path.key(DisplayText.safeKey(key.stringValue))
                value = object[key.stringValue]
            default:
                if let position = key.intValue, key.stringValue == "Index \(position)" {
                    path = path.index(position)
                } else {
                    path = path.key(DisplayText.safeKey(key.stringValue))
                }
                value = nil
            }
            if let value { offset = value.offset }
        }
        return (path, offset)
    }
}
