import OversightDomain

/// Finds text that stored data may not hold: every string value and object key in a document with
/// a character `TextRules` refuses (C0 and C1 controls other than newline, DEL, bidi overrides).
/// A stored ESC sequence could take over the terminal that shows it, so `oversight validate` reports each.
public enum StoredTextScan {
    /// One problem per offending string or key, in document order, naming the first bad character.
    /// Positions point at the string (or key); the message says which character of it is wrong and what it is.
    public static func problems(in value: JSONValue, at path: DataPath = .root) -> [JSONProblem] {
        var problems: [JSONProblem] = []
        var components = path.components
        scan(value, path: &components, into: &problems)
        return problems
    }

    /// Walks the tree keeping the path as a stack, so a `DataPath` is built only for a problem.
    private static func scan(_ value: JSONValue, path: inout [DataPath.Component], into problems: inout [JSONProblem]) {
        switch value.content {
        case .string(let text):
            if let (scalar, position) = firstRefused(in: text) {
                problems.append(JSONProblem(kind: .disallowedCharacter, path: DataPath(path), offset: value.offset,
                                            message: "character \(position) is \(ControlCharacterName.refusal(scalar))"))
            }
        case .array(let elements):
            for (position, element) in elements.enumerated() where element.mayHoldText {
                path.append(.index(position))
                scan(element, path: &path, into: &problems)
                path.removeLast()
            }
        case .object(let object):
            for member in object.members {
                let keyProblem = firstRefused(in: member.key)
                guard keyProblem != nil || member.value.mayHoldText else { continue }
                path.append(.key(DisplayText.safeKey(member.key)))
                if let (scalar, position) = keyProblem {
                    problems.append(JSONProblem(kind: .disallowedCharacter, path: DataPath(path), offset: member.keyOffset,
                                                message: "character \(position) of the key is \(ControlCharacterName.refusal(scalar))"))
                }
                scan(member.value, path: &path, into: &problems)
                path.removeLast()
            }
        case .null, .bool, .number:
            break
        }
    }

    /// The first refused character and its 1-based position in the text; printable ASCII is skipped fast.
    private static func firstRefused(in text: String) -> (Unicode.Scalar, Int)? {
        var plain = true
        for byte in text.utf8 where byte < 0x20 || byte >= 0x7F {
            if byte != 0x0A {
                plain = false
                break
            }
        }
        if plain { return nil }
        var position = 0
        for scalar in text.unicodeScalars {
            position += 1
            if !TextRules.isAllowed(scalar, multiline: true) { return (scalar, position) }
        }
        return nil
    }
}

extension JSONValue {
    /// Strings, arrays and objects may hold text; other values need no visit.
    fileprivate var mayHoldText: Bool {
        switch content {
        case .string, .array, .object: return true
        case .null, .bool, .number: return false
        }
    }
}
