import Foundation

/// Turns byte offsets in one file into line:column, for reports that name many places in it.
/// The table of line starts is built once per file, when first needed; each lookup is a binary
/// search plus a count of characters along one line. Lines end at `\n` (a `\r` before it counts as
/// a character of the line).
public struct LineTable: Sendable {
    private let bytes: [UInt8]
    private let starts: Starts

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
        self.starts = Starts()
    }

    /// Where each line starts, found the first time a position is asked for: `validate` makes a table
    /// for every file it reads but needs one only to say where a problem is, and on a 40-quarter
    /// snapshot finding the lines was a tenth of its time.
    private var lineStarts: [Int] { starts.get(bytes) }

    private final class Starts: @unchecked Sendable {
        private let lock = NSLock()
        private var found: [Int]?

        func get(_ bytes: [UInt8]) -> [Int] {
            lock.withLock {
                if let found { return found }
                var starts = [0]
                bytes.withUnsafeBufferPointer { buffer in
                    for index in 0..<buffer.count where buffer[index] == UInt8(ascii: "\n") {
                        starts.append(index + 1)
                    }
                }
                found = starts
                return starts
            }
        }
    }

    public init(_ text: String) { self.init(Array(text.utf8)) }

    public var lineCount: Int { lineStarts.count }

    /// The line and column of a byte offset (clamped to the file).
    public func position(of offset: Int) -> TextPosition {
        let clamped = min(max(offset, 0), bytes.count)
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        let column = bytes.withUnsafeBufferPointer { TextPosition.characters(in: $0, from: start, to: clamped) } + 1
        return TextPosition(line: low + 1, column: column)
    }
}
