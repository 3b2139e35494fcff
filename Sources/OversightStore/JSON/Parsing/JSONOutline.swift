/// A quick look at a JSON document's shape, without reading its values: where a member's value
/// starts and ends, and where an array's elements are. It checks nothing beyond brackets and quotes,
/// so what it finds must still be parsed by `JSONParser`; it only says which bytes to parse on
/// their own (a snapshot's scorecards, a chunk per core, each parse's tree freed as soon as it is
/// decoded). Anything it cannot follow gives nil, and the caller parses the whole document instead.
struct JSONOutline {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// The byte range of the value at `path` (object keys from the root), keys matched as written.
    func range(of path: [String]) -> Range<Int>? {
        guard let start = skipWhitespace(from: 0), let end = valueEnd(from: start) else { return nil }
        var range = start..<end
        for key in path {
            guard let member = memberRange(key, inObjectAt: range.lowerBound) else { return nil }
            range = member
        }
        return range
    }

    /// The ranges of the elements of the array that starts at `start`; nil on anything but
    /// `[ value , value … ]` (a trailing comma included).
    func elements(ofArrayAt start: Int) -> [Range<Int>]? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "["), var index = skipWhitespace(from: start + 1) else { return nil }
        var result: [Range<Int>] = []
        if bytes[index] == UInt8(ascii: "]") { return result }
        while true {
            guard let end = valueEnd(from: index) else { return nil }
            result.append(index..<end)
            guard let next = skipWhitespace(from: end) else { return nil }
            switch bytes[next] {
            case UInt8(ascii: ","):
                guard let following = skipWhitespace(from: next + 1), bytes[following] != UInt8(ascii: "]") else { return nil }
                index = following
            case UInt8(ascii: "]"):
                return result
            default:
                return nil
            }
        }
    }

    private func memberRange(_ key: String, inObjectAt start: Int) -> Range<Int>? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{"), var index = skipWhitespace(from: start + 1) else { return nil }
        if bytes[index] == UInt8(ascii: "}") { return nil }
        let wanted = Array(key.utf8)
        while true {
            guard bytes[index] == UInt8(ascii: "\""), let keyEnd = stringEnd(from: index) else { return nil }
            let matches = keyEnd - index - 2 == wanted.count && wanted.indices.allSatisfy { bytes[index + 1 + $0] == wanted[$0] }
            guard let colon = skipWhitespace(from: keyEnd), bytes[colon] == UInt8(ascii: ":"),
                  let valueStart = skipWhitespace(from: colon + 1), let valueEnd = valueEnd(from: valueStart) else { return nil }
            if matches { return valueStart..<valueEnd }
            guard let next = skipWhitespace(from: valueEnd), bytes[next] == UInt8(ascii: ","),
                  let following = skipWhitespace(from: next + 1) else { return nil }
            index = following
        }
    }

    /// The first byte at or after `index` that is not JSON whitespace; nil at the end.
    private func skipWhitespace(from index: Int) -> Int? {
        var index = index
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): index += 1
            default: return index
            }
        }
        return nil
    }

    /// Just past the string whose opening quote is at `index`.
    private func stringEnd(from index: Int) -> Int? {
        var index = index + 1
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""): return index + 1
            case UInt8(ascii: "\\"): index += 2
            default: index += 1
            }
        }
        return nil
    }

    /// Just past the value that starts at `index`: a string, an object or array (brackets counted
    /// outside strings), or a bare literal (up to the next delimiter).
    private func valueEnd(from index: Int) -> Int? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""):
            return stringEnd(from: index)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var position = index
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\""):
                    guard let end = stringEnd(from: position) else { return nil }
                    position = end
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return position + 1 }
                default:
                    break
                }
                position += 1
            }
            return nil
        default:
            var position = index
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), UInt8(ascii: " "),
                     UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                    return position > index ? position : nil
                default:
                    position += 1
                }
            }
            return position > index ? position : nil
        }
    }
}
