/// One JSON value as the strict parser read it, with the byte offset where it starts, so that any
/// problem found later (a wrong type, an unknown field, a control character) can name its line:column.
///
/// Equality compares content only: two values are equal when they hold the same JSON, wherever they
/// sit in their files (object member order is ignored; numbers compare by value).
public struct JSONValue: Equatable, Sendable, CustomStringConvertible {
    /// What a JSON value holds.
    public enum Content: Equatable, Sendable {
        case null
        case bool(Bool)
        /// A number with its literal text kept, so an integer is never read through a `Double`.
        case number(JSONNumber)
        case string(String)
        case array([JSONValue])
        case object(JSONObject)
    }

    public var content: Content
    /// The offset of the value's first byte in the parsed input (0 for values built in code).
    public var offset: Int

    public init(_ content: Content, offset: Int = 0) {
        self.content = content
        self.offset = offset
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.content == rhs.content }

    /// The kind of value in words, for messages: "a string", "an object".
    public var kindDescription: String {
        switch content {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// The value in words, for messages: `the number 12`, `the string "abc"`, `an object`.
    public var valueDescription: String {
        switch content {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number): return "the number \(number.literal)"
        case .string(let text): return "the string \(DisplayText.quoted(text))"
        case .array(let elements): return elements.isEmpty ? "an empty array" : "an array"
        case .object(let object): return object.members.isEmpty ? "an empty object" : "an object"
        }
    }

    /// Compact JSON text, for tests and messages; strings are escaped as JSON requires.
    public var description: String {
        var text = ""
        JSONText.write(self, into: &text)
        return text
    }
}

/// Compact JSON text of a value (used for descriptions, not for writing store files).
enum JSONText {
    static func write(_ value: JSONValue, into text: inout String) {
        switch value.content {
        case .null: text += "null"
        case .bool(let flag): text += flag ? "true" : "false"
        case .number(let number): text += number.literal
        case .string(let string): writeString(string, into: &text)
        case .array(let elements):
            text += "["
            for (position, element) in elements.enumerated() {
                if position > 0 { text += "," }
                write(element, into: &text)
            }
            text += "]"
        case .object(let object):
            text += "{"
            for (position, member) in object.members.enumerated() {
                if position > 0 { text += "," }
                writeString(member.key, into: &text)
                text += ":"
                write(member.value, into: &text)
            }
            text += "}"
        }
    }

    static func writeString(_ string: String, into text: inout String) {
        text += "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            default:
                if scalar.value < 0x20 {
                    text += "\\u" + HexDigits.four(scalar.value)
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        text += "\""
    }
}

/// Uppercase hex as messages and escapes write it.
enum HexDigits {
    /// `001B`, `202E`: at least four digits.
    static func four(_ value: UInt32) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// `0xFF`.
    static func byte(_ value: UInt8) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return "0x" + (digits.count < 2 ? "0" : "") + digits
    }
}
