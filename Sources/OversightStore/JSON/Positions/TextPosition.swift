/// A place in a text file as an editor shows it: line and column, both from 1.
/// Columns count characters (Unicode scalars), not bytes, so `£`, `é` and `国` each count once.
public struct TextPosition: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    /// The position of a byte offset, by scanning from the start: for one error, where a table is not worth building.
    static func of(_ offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> TextPosition {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for index in 0..<end where bytes[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        return TextPosition(line: line, column: characters(in: bytes, from: lineStart, to: end) + 1)
    }

    /// How many characters the bytes in `start..<end` hold: every byte that does not continue a UTF-8 sequence starts one.
    static func characters(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        var count = 0
        for index in start..<end where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }
}
