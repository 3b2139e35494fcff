/// The journal file read line by line: the entries whose frames check out, and where damage starts.
/// A bad line followed only by bad or no lines is a torn tail (a write cut short by a crash); a bad
/// line followed by a good one is damage in the middle, which is never repaired without asking.
public struct JournalScan: Sendable {
    public struct Line: Sendable {
        /// 1-based line number in the file.
        public var number: Int
        /// Byte offset of the line's start.
        public var offset: Int
        /// The payload's byte range in the file.
        public var payload: Range<Int>
    }

    public enum Damage: Equatable, Sendable {
        /// From `offset` to the end nothing is a valid frame: cut it off (after a copy to quarantine).
        case tornTail(line: Int, offset: Int, detail: String)
        /// A bad frame at `offset`, with valid frames after it.
        case middle(line: Int, offset: Int, detail: String)
    }

    /// Lines whose frames are intact, in file order.
    public var lines: [Line] = []
    public var damage: Damage?
    /// The file's length.
    public var size: Int = 0

    /// One line of the file as it stands: where it is, and its payload's range or why its frame is bad.
    public struct FramedLine: Sendable {
        public var number: Int
        public var offset: Int
        public var payload: Result<Range<Int>, Frame.DecodeError>
    }

    /// Every line of `bytes` with its frame checked (length and CRC); payloads are not parsed here.
    /// A last line without its newline was cut short, whatever it holds.
    public static func framedLines(_ bytes: [UInt8]) -> [FramedLine] {
        var result: [FramedLine] = []
        var start = 0
        var number = 0
        while start < bytes.count {
            number += 1
            let newline = bytes[start...].firstIndex(of: 0x0A)
            let end = newline ?? bytes.count
            let payload: Result<Range<Int>, Frame.DecodeError> = newline == nil
                ? .failure(.malformed("the last line has no newline: it was cut short"))
                : Result { () throws(Frame.DecodeError) in try Frame.payloadRange(in: bytes[start..<end]) }
            result.append(FramedLine(number: number, offset: start, payload: payload))
            start = end + 1
        }
        return result
    }

    /// Scans `bytes`; frames are checked (length and CRC) but payloads are not parsed here.
    public init(_ bytes: [UInt8]) {
        size = bytes.count
        var firstBad: (line: Int, offset: Int, detail: String)?
        var goodAfterBad = false
        for line in JournalScan.framedLines(bytes) {
            switch line.payload {
            case .success(let payload):
                if firstBad == nil {
                    lines.append(Line(number: line.number, offset: line.offset, payload: payload))
                } else {
                    goodAfterBad = true
                }
            case .failure(let error):
                if firstBad == nil { firstBad = (line.number, line.offset, error.description) }
            }
        }
        if let bad = firstBad, !goodAfterBad, JournalScan.holdsIntactFrame(bytes, after: bad.offset) {
            // A damaged newline merges a line with the next: a torn write never holds a whole frame after its start.
            goodAfterBad = true
        }
        if let bad = firstBad {
            damage = goodAfterBad ? .middle(line: bad.line, offset: bad.offset, detail: bad.detail)
                                  : .tornTail(line: bad.line, offset: bad.offset, detail: bad.detail)
        }
    }

    /// Whether a whole, intact frame (ending in a newline) starts anywhere after `offset`.
    static func holdsIntactFrame(_ bytes: [UInt8], after offset: Int) -> Bool {
        var start = offset + 1
        while start + Frame.prefix.count <= bytes.count {
            if bytes[start] == Frame.prefix[0], bytes[start..<(start + Frame.prefix.count)].elementsEqual(Frame.prefix),
               let newline = bytes[start...].firstIndex(of: 0x0A),
               (try? Frame.payloadRange(in: bytes[start..<newline])) != nil {
                return true
            }
            start += 1
        }
        return false
    }

    /// Where the intact part of the file ends.
    public var intactEnd: Int {
        switch damage {
        case .tornTail(_, let offset, _), .middle(_, let offset, _): return offset
        case nil: return size
        }
    }
}
