/// The text of a field being typed and where the cursor is in it, with the usual line-editing
/// keys: ←/→, Home/End (of the line the cursor is on), Backspace/Delete, Ctrl-U and Ctrl-K.
/// Positions count characters, so an accent or a wide character is one step.
public struct TextBuffer: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// Between characters: 0 is before the first, `characters.count` after the last.
    public private(set) var cursor: Int

    public init(_ text: String = "") {
        characters = Array(text)
        cursor = characters.count
    }

    public var text: String { String(characters) }
    public var isEmpty: Bool { characters.isEmpty }
    public var count: Int { characters.count }

    public mutating func insert(_ text: String) {
        let new = Array(text)
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }

    /// The start of the line the cursor is on (the whole field for one-line text).
    public mutating func moveToLineStart() { cursor = lineStart }
    public mutating func moveToLineEnd() { cursor = lineEnd }

    public mutating func erasePrevious() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    public mutating func eraseNext() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Ctrl-U: everything before the cursor on its line.
    public mutating func eraseToLineStart() {
        let start = lineStart
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Ctrl-K: everything after the cursor on its line.
    public mutating func eraseToLineEnd() {
        characters.removeSubrange(cursor..<lineEnd)
    }

    var lineStart: Int {
        var i = cursor
        while i > 0, characters[i - 1] != "\n" { i -= 1 }
        return i
    }

    var lineEnd: Int {
        var i = cursor
        while i < characters.count, characters[i] != "\n" { i += 1 }
        return i
    }
}

/// A draft keeps the text and where the cursor was.
extension TextBuffer: Codable {
    private enum CodingKeys: String, CodingKey { case text, cursor }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(try c.decode(String.self, forKey: .text))
        cursor = min(max(0, try c.decodeIfPresent(Int.self, forKey: .cursor) ?? characters.count), characters.count)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(text, forKey: .text)
        try c.encode(cursor, forKey: .cursor)
    }
}
