import OversightDomain

/// Why the strict parser refused a document: what is wrong, in words that say what to do, and where
/// (byte offset, 1-based line and column counted in characters, and the JSON path of the enclosing value).
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The class of mistake, for code that reacts to one kind (tests, importers).
    public enum Kind: Equatable, Sendable {
        case emptyInput
        case byteOrderMark
        case unexpectedCharacter
        case unexpectedEnd
        case trailingComma
        case duplicateKey
        case tooDeep
        case invalidUTF8
        case invalidEscape
        case loneSurrogate
        case controlCharacter
        case invalidNumber
        case inexactInteger
        case unterminatedString
        case unterminatedArray
        case unterminatedObject
        case trailingContent
    }

    public var kind: Kind
    /// The offset of the offending byte in the parsed input (for unterminated values, where they start).
    public var offset: Int
    public var line: Int
    public var column: Int
    /// The value the mistake sits in: `$.scorecards[3].values`.
    public var path: DataPath
    /// For a duplicate key: the offset of its first appearance.
    public var firstKeyOffset: Int?
    /// The message without positions of other places (those are rendered by `message(firstKeyAt:)`).
    let detail: String

    init(kind: Kind, offset: Int, position: TextPosition, detail: String, firstKeyOffset: Int? = nil, firstKeyPosition: TextPosition? = nil) {
        self.kind = kind
        self.offset = offset
        self.line = position.line
        self.column = position.column
        self.path = .root
        self.detail = detail
        self.firstKeyOffset = firstKeyOffset
        self.firstKeyPosition = firstKeyPosition
    }

    /// Where the first of a duplicated key is, in the parsed input's lines.
    var firstKeyPosition: TextPosition?

    /// What is wrong and what to do, e.g. `trailing comma before ]; remove the comma`.
    public var message: String { message(firstKeyAt: firstKeyPosition) }

    /// The message with the first key's position given in another frame of reference (the whole file
    /// rather than the payload that was parsed).
    public func message(firstKeyAt position: TextPosition?) -> String {
        guard kind == .duplicateKey, let position else { return detail }
        return detail + " (its first appearance is at line \(position.line), column \(position.column)); keep only one"
    }

    /// `3:14: $.a: trailing comma before ]; remove the comma`
    public var description: String {
        "\(line):\(column): \(path): \(message)"
    }
}
