/// Strings: UTF-8 checked byte by byte; a `String` is built once per string, straight from the
/// input when there are no escapes.
extension JSONParser {
    mutating func parseString() throws(JSONSyntaxError) -> String {
        let start = index
        index += 1
        let contentStart = index
        var nonASCII = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let content = contentStart..<index
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[content]), as: UTF8.self)
                lastPlainString = nonASCII ? nil : content
                index += 1
                return text
            }
            nonASCII = nonASCII || byte >= 0x80
            if byte == UInt8(ascii: "\\") {
                lastPlainString = nil
                scratch.removeAll(keepingCapacity: true)
                scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[contentStart..<index]))
                return try parseEscapedRest(start: start)
            }
            try stepOverCharacter(byte)
        }
        throw unterminated(.unterminatedString, at: start)
    }

    /// The rest of a string that holds escapes, decoded into `scratch`.
    private mutating func parseEscapedRest(start: Int) throws(JSONSyntaxError) -> String {
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: scratch, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") {
                try parseEscape(stringStart: start)
                continue
            }
            let from = index
            try stepOverCharacter(byte)
            scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[from..<index]))
        }
        throw unterminated(.unterminatedString, at: start)
    }

    /// Moves past one unescaped character, refusing raw control characters and invalid UTF-8.
    @inline(__always)
    private mutating func stepOverCharacter(_ byte: UInt8) throws(JSONSyntaxError) {
        if byte >= 0x20 && byte < 0x80 {
            index += 1
        } else if byte < 0x20 {
            throw rawControlCharacter(byte)
        } else if let length = utf8Length(at: index) {
            index += length
        } else {
            throw invalidUTF8(at: index)
        }
    }

    private func rawControlCharacter(_ byte: UInt8) -> JSONSyntaxError {
        switch byte {
        case UInt8(ascii: "\n"):
            return fail(.controlCharacter, at: index,
                        "a line break inside a string; write it as \\n, or add the missing closing quote before the line ends")
        case UInt8(ascii: "\t"):
            return fail(.controlCharacter, at: index, "a raw tab inside a string; write it as \\t")
        case UInt8(ascii: "\r"):
            return fail(.controlCharacter, at: index, "a raw carriage return inside a string; write it as \\r")
        default:
            let code = HexDigits.four(UInt32(byte))
            return fail(.controlCharacter, at: index,
                        "a raw control character (U+\(code)) inside a string; write it as \\u\(code)")
        }
    }

    /// One escape at `index` (a backslash), appended to `scratch` as UTF-8.
    private mutating func parseEscape(stringStart: Int) throws(JSONSyntaxError) {
        let escapeStart = index
        guard index + 1 < bytes.count else { throw unterminated(.unterminatedString, at: stringStart) }
        let letter = bytes[index + 1]
        index += 2
        switch letter {
        case UInt8(ascii: "\""): scratch.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scratch.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "/"): scratch.append(UInt8(ascii: "/"))
        case UInt8(ascii: "b"): scratch.append(0x08)
        case UInt8(ascii: "f"): scratch.append(0x0C)
        case UInt8(ascii: "n"): scratch.append(0x0A)
        case UInt8(ascii: "r"): scratch.append(0x0D)
        case UInt8(ascii: "t"): scratch.append(0x09)
        case UInt8(ascii: "u"):
            let unit = try hexUnit(escapeStart: escapeStart)
            let scalar: UInt32
            switch unit {
            case 0xD800...0xDBFF:
                guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") else {
                    throw fail(.loneSurrogate, at: escapeStart,
                               "lone surrogate \\u\(HexDigits.four(unit)): a high surrogate must be followed by a low surrogate \\uDC00–\\uDFFF")
                }
                let lowStart = index
                index += 2
                let low = try hexUnit(escapeStart: lowStart)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw fail(.loneSurrogate, at: escapeStart,
                               "high surrogate \\u\(HexDigits.four(unit)) is followed by \\u\(HexDigits.four(low)), which is not a low surrogate (\\uDC00–\\uDFFF)")
                }
                scalar = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
            case 0xDC00...0xDFFF:
                throw fail(.loneSurrogate, at: escapeStart,
                           "lone surrogate \\u\(HexDigits.four(unit)): a low surrogate must follow a high surrogate \\uD800–\\uDBFF")
            default:
                scalar = unit
            }
            appendUTF8(scalar)
        default:
            index = escapeStart
            throw fail(.invalidEscape, at: escapeStart,
                       "invalid escape \\\(describeEscapeLetter(letter)); use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX")
        }
    }

    private func describeEscapeLetter(_ letter: UInt8) -> String {
        letter >= 0x21 && letter < 0x7F ? String(UnicodeScalar(letter)) : "U+" + HexDigits.four(UInt32(letter))
    }

    /// Four hex digits after `\u`.
    private mutating func hexUnit(escapeStart: Int) throws(JSONSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard index < bytes.count, let digit = hexValue(bytes[index]) else {
                throw fail(.invalidEscape, at: escapeStart, "\\u must be followed by four hex digits (0–9, A–F)")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private mutating func appendUTF8(_ scalar: UInt32) {
        switch scalar {
        case 0..<0x80:
            scratch.append(UInt8(scalar))
        case 0x80..<0x800:
            scratch.append(UInt8(0xC0 | scalar >> 6))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            scratch.append(UInt8(0xE0 | scalar >> 12))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        default:
            scratch.append(UInt8(0xF0 | scalar >> 18))
            scratch.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            scratch.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            scratch.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// The length of the well-formed UTF-8 sequence starting at `offset` (2–4 bytes), or nil.
    /// Refuses overlong forms, encoded surrogates and anything past U+10FFFF (RFC 3629, table 3-7).
    func utf8Length(at offset: Int) -> Int? {
        let lead = bytes[offset]
        let length: Int
        var secondLow: UInt8 = 0x80
        var secondHigh: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondLow = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondHigh = 0x9F
        case 0xF0: length = 4; secondLow = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondHigh = 0x8F
        default: return nil
        }
        guard offset + length <= bytes.count else { return nil }
        let second = bytes[offset + 1]
        guard second >= secondLow && second <= secondHigh else { return nil }
        for position in (offset + 2)..<(offset + length) where bytes[position] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}
