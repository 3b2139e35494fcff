import Glibc

/// A quick look at a JSON document's shape, without reading its values: where a member's value
/// starts and ends, and where an array's elements are. It checks nothing beyond brackets and quotes,
/// so what it finds must still be parsed by `JSONParser`; it only says which bytes to parse on
/// their own (a snapshot's scorecards, a chunk per core, each parse's tree freed as soon as it is
/// decoded). Anything it cannot follow gives nil, and the caller parses the whole document instead.
struct JSONOutline {
    let bytes: UnsafeBufferPointer<UInt8>

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Where the value at `path` (object keys from the root, matched as written) starts. Only the
    /// members before it on the way are stepped over: the value itself is not scanned here.
    func start(of path: [String]) -> Int? {
        guard var start = skipWhitespace(from: 0) else { return nil }
        for key in path {
            guard let member = memberStart(key, inObjectAt: start) else { return nil }
            start = member
        }
        return start
    }

    /// The ranges of the elements of the array that starts at `start`, and where the array ends
    /// (just past its `]`); nil on anything but `[ value , value … ]` (a trailing comma included).
    func elements(ofArrayAt start: Int) -> (elements: [Range<Int>], end: Int)? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "["), var index = skipWhitespace(from: start + 1) else { return nil }
        var result: [Range<Int>] = []
        if bytes[index] == UInt8(ascii: "]") { return (result, index + 1) }
        while true {
            guard let end = valueEnd(from: index) else { return nil }
            result.append(index..<end)
            guard let next = skipWhitespace(from: end) else { return nil }
            switch bytes[next] {
            case UInt8(ascii: ","):
                guard let following = skipWhitespace(from: next + 1), bytes[following] != UInt8(ascii: "]") else { return nil }
                index = following
            case UInt8(ascii: "]"):
                return (result, next + 1)
            default:
                return nil
            }
        }
    }

    private func memberStart(_ key: String, inObjectAt start: Int) -> Int? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "{"), var index = skipWhitespace(from: start + 1) else { return nil }
        if bytes[index] == UInt8(ascii: "}") { return nil }
        let wanted = Array(key.utf8)
        while true {
            guard bytes[index] == UInt8(ascii: "\""), let keyEnd = stringEnd(from: index) else { return nil }
            let matches = keyEnd - index - 2 == wanted.count && wanted.indices.allSatisfy { bytes[index + 1 + $0] == wanted[$0] }
            guard let colon = skipWhitespace(from: keyEnd), bytes[colon] == UInt8(ascii: ":"),
                  let valueStart = skipWhitespace(from: colon + 1) else { return nil }
            if matches { return valueStart }
            guard let valueEnd = valueEnd(from: valueStart), let next = skipWhitespace(from: valueEnd),
                  bytes[next] == UInt8(ascii: ","), let following = skipWhitespace(from: next + 1) else { return nil }
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

    /// Just past the string whose opening quote is at `index`: the next quote not escaped (one
    /// preceded by an even run of backslashes), found with `memchr`, since strings are most of a file.
    private func stringEnd(from index: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        var position = index + 1
        while position < bytes.count {
            guard let found = memchr(base + position, Int32(UInt8(ascii: "\"")), bytes.count - position) else { return nil }
            let quote = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            var back = quote - 1
            while back > index, base[back] == UInt8(ascii: "\\") {
                backslashes += 1
                back -= 1
            }
            if backslashes % 2 == 0 { return quote + 1 }
            position = quote + 1
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
                let byte = bytes[position]
                // Most bytes outside strings are indentation, digits and punctuation: the four
                // brackets share the bits 0x59 under the mask 0xD9, so one test lets the rest through.
                if byte & 0xD9 != 0x59 && byte != UInt8(ascii: "\"") {
                    position += 1
                    continue
                }
                switch byte {
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
