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
