/// The journal file read line by line: the entries whose frames check out, and where damage starts.
///
/// A torn tail is only what a crash can leave: the store appends each entry with one write of the
/// whole line, newline last, and acknowledges it only after fdatasync, so a crash can leave at most
/// the start of one line, unterminated and shorter than the record it began. That is set aside and
/// cut without asking (it was never acknowledged). Anything else that does not check out (a line
/// that ends in a newline, a last line as long as its record, bytes that do not begin as a record
/// begins) may be an acknowledged entry damaged later, or not the store's at all: that is damage,
/// which is never repaired without asking.
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
        /// From `offset` to the end is the start of one line a crash cut short: cut it off (after a copy to quarantine).
        case tornTail(line: Int, offset: Int, detail: String)
        /// A bad line at `offset` that a crash cannot leave: the store opens read-only and asks for `repair`.
        case damaged(line: Int, offset: Int, detail: String)
    }

    /// The largest record the store writes (StoreOptions.maxEntryBytes, as it defaults): a crash cannot leave a longer tail.
    public static let defaultMaxRecordBytes = StoreOptions(user: "").maxEntryBytes

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
    public init(_ bytes: [UInt8], maxRecordBytes: Int = JournalScan.defaultMaxRecordBytes) {
        size = bytes.count
        let framed = JournalScan.framedLines(bytes)
        var firstBad: FramedLine?
        var firstBadError: Frame.DecodeError?
        for line in framed {
            switch line.payload {
            case .success(let payload):
                if firstBad == nil { lines.append(Line(number: line.number, offset: line.offset, payload: payload)) }
            case .failure(let error):
                if firstBad == nil { (firstBad, firstBadError) = (line, error) }
            }
        }
        guard let bad = firstBad, let error = firstBadError else { return }
        if bad.number == framed.count, JournalScan.isTornWrite(bytes[bad.offset...], maxRecordBytes: maxRecordBytes) {
            damage = .tornTail(line: bad.number, offset: bad.offset, detail: error.description)
        } else {
            damage = .damaged(line: bad.number, offset: bad.offset, detail: JournalScan.describe(error, bytes: bytes[bad.offset...]))
        }
    }

    /// Whether the bytes after the last newline are what a crash during one append can leave: the
    /// start of a line the store wrote, cut short. So: no newline anywhere in them, beginning as
    /// every frame begins (`{"crc":"`, eight hex digits, `","len":` …, as far as they go), and,
    /// once the header is whole, fewer bytes than the record it declares (no more than the largest
    /// record the store writes).
    public static func isTornWrite(_ tail: ArraySlice<UInt8>, maxRecordBytes: Int = JournalScan.defaultMaxRecordBytes) -> Bool {
        guard !tail.isEmpty, !tail.contains(0x0A) else { return false }
        switch Frame.headerStart(tail) {
        case .complete(let lineLength): return tail.count < lineLength && lineLength <= maxRecordBytes
        case .partial: return true
        case .invalid: return false
        }
    }

    /// A damaged line's problem, said so that a person knows it is not a crash.
    static func describe(_ error: Frame.DecodeError, bytes: ArraySlice<UInt8>) -> String {
        guard !bytes.contains(0x0A) else { return error.description }
        return "the last line has no newline, but it is not the start of a record a crash cut short (\(error))"
    }

    /// Where the intact part of the file ends.
    public var intactEnd: Int {
        switch damage {
        case .tornTail(_, let offset, _), .damaged(_, let offset, _): return offset
        case nil: return size
        }
    }
}
