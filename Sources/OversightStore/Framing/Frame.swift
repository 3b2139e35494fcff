/// One framed record: `{"crc":"<8 hex>","len":<bytes>,"rec":PAYLOAD}` and a newline.
/// The key order is fixed and there are no spaces, so a reader slices PAYLOAD out by position,
/// checks its length and CRC over the raw bytes, and only then parses it. Every line is still JSON.
public enum Frame {
    static let prefix = Array(#"{"crc":""#.utf8)
    static let middle = Array(#"","len":"#.utf8)
    static let recKey = Array(#","rec":"#.utf8)
    static let suffix = Array("}\n".utf8)

    /// Frames a payload (which must be one JSON value).
    public static func encode(_ payload: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(payload.count + 48)
        out += header(crc: CRC32C.checksum(payload), length: payload.count)
        out += payload
        out += suffix
        return out
    }

    /// What comes before a payload with this checksum and length: `{"crc":"<8 hex>","len":<bytes>,"rec":`.
    static func header(crc: UInt32, length: Int) -> [UInt8] {
        prefix + Array(CRC32C.hex(crc).utf8) + middle + Array(String(length).utf8) + recKey
    }

    public enum DecodeError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The bytes do not start like a frame, or stop before its end.
        case malformed(String)
        /// The payload's length or checksum does not match: the bytes were changed or cut short.
        case checksumMismatch(expected: String, actual: String)
        case lengthMismatch(expected: Int, actual: Int)

        public var description: String {
            switch self {
            case .malformed(let why): return "not a valid frame: \(why)"
            case .checksumMismatch(let expected, let actual): return "checksum mismatch (frame says \(expected), bytes give \(actual))"
            case .lengthMismatch(let expected, let actual): return "length mismatch (frame says \(expected) bytes, found \(actual))"
            }
        }
    }

    /// The payload of one frame occupying `line` (without its trailing newline), checked.
    /// Returns the payload's byte range within `line`.
    public static func payloadRange(in line: ArraySlice<UInt8>) throws(DecodeError) -> Range<Int> {
        let start = line.startIndex
        guard line.count >= prefix.count + 8 + middle.count + 1 + recKey.count + 1,
              line[start..<(start + prefix.count)].elementsEqual(prefix) else {
            throw .malformed("it does not start with {\"crc\":\"")
        }
        let crcStart = start + prefix.count
        let crcBytes = line[crcStart..<(crcStart + 8)]
        guard crcBytes.allSatisfy({ isHex($0) }) else { throw .malformed("the checksum is not 8 hex digits") }
        var cursor = crcStart + 8
        guard line[cursor..<(cursor + middle.count)].elementsEqual(middle) else { throw .malformed("no length after the checksum") }
        cursor += middle.count
        var length = 0
        let lengthStart = cursor
        while cursor < line.endIndex, line[cursor] >= 0x30, line[cursor] <= 0x39 {
            length = length * 10 + Int(line[cursor] - 0x30)
            cursor += 1
            guard cursor - lengthStart <= 12 else { throw .malformed("the length is too long") }
        }
        guard cursor > lengthStart else { throw .malformed("the length is not a number") }
        guard cursor + recKey.count <= line.endIndex,
              line[cursor..<(cursor + recKey.count)].elementsEqual(recKey) else { throw .malformed("no payload after the length") }
        cursor += recKey.count
        guard line.last == UInt8(ascii: "}") else { throw .malformed("it does not end with }") }
        let payload = cursor..<(line.endIndex - 1)
        guard payload.count == length else { throw .lengthMismatch(expected: length, actual: payload.count) }
        let actual = CRC32C.hex(CRC32C.checksum(line[payload]))
        let expected = String(decoding: crcBytes, as: UTF8.self)
        guard actual == expected else { throw .checksumMismatch(expected: expected, actual: actual) }
        return payload
    }

    /// The payload of a file that is exactly one frame and its newline (snapshot.json, its index), checked.
    static func wholeFilePayload(_ bytes: [UInt8]) throws(DecodeError) -> Range<Int> {
        guard bytes.last == 0x0A else { throw .malformed("it does not end with a newline: it was cut short") }
        return try payloadRange(in: bytes[0..<(bytes.count - 1)])
    }

    /// The checksum and payload length a frame's header declares, read but not checked against the
    /// payload (`payloadRange` does that); nil when the bytes do not begin with a header.
    static func declared(_ bytes: ArraySlice<UInt8>) -> (crc: UInt32, length: Int)? {
        let start = bytes.startIndex
        let crcStart = start + prefix.count
        guard bytes.count > prefix.count + 8 + middle.count, bytes[start..<crcStart].elementsEqual(prefix),
              bytes[crcStart..<(crcStart + 8)].allSatisfy({ isHex($0) }),
              let crc = UInt32(String(decoding: bytes[crcStart..<(crcStart + 8)], as: UTF8.self), radix: 16) else { return nil }
        var cursor = crcStart + 8 + middle.count
        var length = 0
        while cursor < bytes.endIndex, cursor - (crcStart + 8 + middle.count) < 12, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
            length = length * 10 + Int(bytes[cursor] - 0x30)
            cursor += 1
        }
        return cursor > crcStart + 8 + middle.count ? (crc, length) : nil
    }

    /// How far `bytes` go as the start of a frame's header (`{"crc":"<8 hex>","len":<digits>,"rec":`).
    public enum HeaderStart: Equatable, Sendable {
        /// The header is all there: the whole line (frame and newline) is this long.
        case complete(lineLength: Int)
        /// The bytes stop inside the header, and every one of them is as a header begins.
        case partial
        /// They do not begin the way every frame begins.
        case invalid
    }

    public static func headerStart(_ bytes: ArraySlice<UInt8>) -> HeaderStart {
        var cursor = bytes.startIndex
        /// Matches `part` as far as the bytes go: nil when it all matched, else whether it matched up to the end.
        func expect(_ part: [UInt8]) -> HeaderStart? {
            for byte in part {
                guard cursor < bytes.endIndex else { return .partial }
                guard bytes[cursor] == byte else { return .invalid }
                cursor += 1
            }
            return nil
        }
        if let stop = expect(prefix) { return stop }
        for _ in 0..<8 {
            guard cursor < bytes.endIndex else { return .partial }
            guard isHex(bytes[cursor]) else { return .invalid }
            cursor += 1
        }
        if let stop = expect(middle) { return stop }
        var length = 0
        let digitsStart = cursor
        while cursor < bytes.endIndex, bytes[cursor] >= 0x30, bytes[cursor] <= 0x39 {
            guard cursor - digitsStart < 12 else { return .invalid }
            length = length * 10 + Int(bytes[cursor] - 0x30)
            cursor += 1
        }
        guard cursor < bytes.endIndex else { return .partial }
        guard cursor > digitsStart else { return .invalid }
        if let stop = expect(recKey) { return stop }
        return .complete(lineLength: cursor - bytes.startIndex + length + suffix.count)
    }

    static func isHex(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66)
    }
}
