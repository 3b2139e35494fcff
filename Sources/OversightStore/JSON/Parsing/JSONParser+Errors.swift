import OversightDomain

/// The parser's refusals, each worded to say what to change.
extension JSONParser {
    func fail(_ kind: JSONSyntaxError.Kind, at offset: Int, _ detail: String, firstKeyOffset: Int? = nil) -> JSONSyntaxError {
        JSONSyntaxError(kind: kind, offset: offset, position: TextPosition.of(offset, in: bytes), detail: detail,
                        firstKeyOffset: firstKeyOffset,
                        firstKeyPosition: firstKeyOffset.map { TextPosition.of($0, in: bytes) })
    }

    func tooDeep(at offset: Int) -> JSONSyntaxError {
        fail(.tooDeep, at: offset,
             "arrays and objects are nested more than \(options.maxDepth) levels deep here; the limit is \(options.maxDepth)")
    }

    func unterminated(_ kind: JSONSyntaxError.Kind, at start: Int) -> JSONSyntaxError {
        switch kind {
        case .unterminatedArray:
            return fail(kind, at: start, "this array is never closed; add ] at its end")
        case .unterminatedObject:
            return fail(kind, at: start, "this object is never closed; add } at its end")
        default:
            return fail(kind, at: start, "this string is never closed; add \" at its end")
        }
    }

    /// A byte where a value should start.
    func unexpectedInsteadOfValue() -> JSONSyntaxError {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "+"):
            return fail(.invalidNumber, at: index, "a number cannot start with +; remove the +")
        case UInt8(ascii: "."):
            return fail(.invalidNumber, at: index, "a number needs a digit before the decimal point; write 0\(literalText(from: index))")
        case UInt8(ascii: "N"), UInt8(ascii: "I"):
            return unknownWord(at: index)
        case UInt8(ascii: "'"):
            return fail(.unexpectedCharacter, at: index, "single quotes are not allowed; use double quotes")
        case UInt8(ascii: "/"):
            return fail(.unexpectedCharacter, at: index, "comments are not allowed in JSON; remove it")
        case UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ":"):
            return fail(.unexpectedCharacter, at: index, "expected a value, found \(describeCharacter(at: index))")
        default:
            if byte >= 0x80, utf8Length(at: index) == nil { return invalidUTF8(at: index) }
            if byte.isLetter { return unknownWord(at: index) }
            return fail(.unexpectedCharacter, at: index, "expected a value, found \(describeCharacter(at: index))")
        }
    }

    /// A byte where an object key should start.
    func unexpectedInsteadOfKey() -> JSONSyntaxError {
        let byte = bytes[index]
        if byte == UInt8(ascii: "'") {
            return fail(.unexpectedCharacter, at: index, "single quotes are not allowed; put the key in double quotes")
        }
        if byte.isLetter || byte == UInt8(ascii: "_") {
            return fail(.unexpectedCharacter, at: index,
                        "object keys must be in double quotes; write \"\(literalText(from: index))\"")
        }
        if byte >= 0x80, utf8Length(at: index) == nil { return invalidUTF8(at: index) }
        return fail(.unexpectedCharacter, at: index, "expected a key in double quotes, found \(describeCharacter(at: index))")
    }

    /// A word that is not `true`, `false` or `null`.
    func unknownWord(at start: Int) -> JSONSyntaxError {
        let word = literalText(from: start)
        switch word {
        case "NaN", "-NaN":
            return fail(.invalidNumber, at: start, "NaN is not a JSON number; store null for a missing value")
        case "Infinity", "-Infinity", "inf", "-inf":
            return fail(.invalidNumber, at: start, "\(word) is not a JSON number; store a finite number or null")
        case "True", "TRUE", "False", "FALSE", "Null", "NULL", "None", "nil":
            return fail(.unexpectedCharacter, at: start, "\(DisplayText.quoted(word)) is not JSON; write true, false or null in lower case")
        default:
            return fail(.unexpectedCharacter, at: start,
                        "unexpected word \(DisplayText.quoted(word)); expected a value (a string needs double quotes)")
        }
    }

    func invalidUTF8(at offset: Int) -> JSONSyntaxError {
        let shown = (offset..<min(offset + 4, bytes.count)).prefix { $0 == offset || bytes[$0] & 0xC0 == 0x80 }
        let list = shown.map { HexDigits.byte(bytes[$0]) }.joined(separator: " ")
        return fail(.invalidUTF8, at: offset, "invalid UTF-8 (bytes \(list)); save the file as UTF-8")
    }

    /// The run of letters, digits and signs starting at `start`, for messages (`tru`, `NaN`, `1.`).
    func literalText(from start: Int) -> String {
        var end = start
        while end < bytes.count, end - start < 24 {
            let byte = bytes[end]
            guard byte.isLetter || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                    || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                    || byte == UInt8(ascii: "_") else { break }
            end += 1
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }

    /// `“x”`, `“é”`, `U+0007`, `the end of the input` — never a raw control character.
    func describeCharacter(at offset: Int) -> String {
        guard offset < bytes.count else { return "the end of the input" }
        let byte = bytes[offset]
        if byte < 0x80 {
            if byte >= 0x20 && byte < 0x7F { return "“" + String(UnicodeScalar(byte)) + "”" }
            return "U+" + HexDigits.four(UInt32(byte))
        }
        guard let length = utf8Length(at: offset) else { return "the invalid UTF-8 byte \(HexDigits.byte(byte))" }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[offset..<(offset + length)]), as: UTF8.self)
        return "“" + DisplayText.escaped(text) + "”"
    }
}

extension JSONSyntaxError {
    /// The same error seen from the enclosing array or object: its path gains that step.
    func inside(_ component: DataPath.Component) -> JSONSyntaxError {
        var copy = self
        copy.path.components.insert(component, at: 0)
        return copy
    }
}

extension UInt8 {
    var isLetter: Bool {
        (self >= UInt8(ascii: "a") && self <= UInt8(ascii: "z")) || (self >= UInt8(ascii: "A") && self <= UInt8(ascii: "Z"))
    }
}
