import OversightDomain

/// The strict JSON reader the store checks every file with (RFC 8259 plus the store's rules).
///
/// Unlike Foundation it refuses trailing commas, duplicate keys, a byte order mark, nesting deeper
/// than ``Options/maxDepth``, invalid UTF-8, lone surrogates, raw control characters in strings,
/// non-JSON numbers (`01`, `+1`, `.5`, `1.`, `NaN`) and integers beyond ±2^53, each with a
/// ``JSONSyntaxError`` that says where and what to do. Every value in the result knows its offset.
///
/// ```swift
/// let value = try JSONParser.parse(bytes)
/// ```
public struct JSONParser {
    /// Limits on what the parser accepts.
    public struct Options: Sendable {
        /// The deepest nesting of arrays and objects accepted (the top-level value is depth 1).
        public var maxDepth: Int

        public init(maxDepth: Int = 64) { self.maxDepth = maxDepth }
    }

    /// Parses one JSON value filling all of `bytes`; offsets count from the first byte.
    public static func parse(_ bytes: [UInt8], options: Options = Options()) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in parseResult(buffer, options: options) }.get()
    }

    /// Parses one JSON value filling all of `bytes` (a payload sliced from a file); offsets count from
    /// the slice's first byte, so add the slice's start to place them in the file.
    public static func parse(_ bytes: ArraySlice<UInt8>, options: Options = Options()) throws(JSONSyntaxError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { buffer in parseResult(buffer, options: options) }.get()
    }

    /// Parses JSON text (for tests and small inputs).
    public static func parse(_ text: String, options: Options = Options()) throws(JSONSyntaxError) -> JSONValue {
        try parse(Array(text.utf8), options: options)
    }

    /// Parses one JSON value filling all of `buffer`.
    public static func parse(_ buffer: UnsafeBufferPointer<UInt8>, options: Options = Options()) throws(JSONSyntaxError) -> JSONValue {
        var parser = JSONParser(buffer, options: options)
        defer { parser.release() }
        return try parser.parseDocument()
    }

    private static func parseResult(_ buffer: UnsafeBufferPointer<UInt8>, options: Options) -> Result<JSONValue, JSONSyntaxError> {
        do throws(JSONSyntaxError) { return .success(try parse(buffer, options: options)) } catch { return .failure(error) }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let options: Options
    var index = 0
    /// Elements of the arrays being read, innermost last; each array takes its own when it closes.
    var elementStack = ElementStack<JSONValue>()
    /// Members of the objects being read, innermost last.
    var memberStack = ElementStack<JSONObject.Member>()
    /// Bytes of a string with escapes, decoded.
    var scratch: [UInt8] = []
    /// The bytes of the string just read when it was ASCII without escapes (so its bytes are its text).
    var lastPlainString: Range<Int>?

    init(_ bytes: UnsafeBufferPointer<UInt8>, options: Options) {
        self.bytes = bytes
        self.options = options
    }

    /// Frees the element stacks; every parser must be released once.
    mutating func release() {
        elementStack.release()
        memberStack.release()
    }

    mutating func parseDocument() throws(JSONSyntaxError) -> JSONValue {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            throw fail(.byteOrderMark, at: 0,
                       "the file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM")
        }
        skipWhitespace()
        guard index < bytes.count else {
            throw fail(.emptyInput, at: index, bytes.isEmpty
                       ? "the input is empty; expected a JSON value"
                       : "the input holds only whitespace; expected a JSON value")
        }
        let value = try parseValue(depth: 0)
        skipWhitespace()
        if index < bytes.count {
            throw fail(.trailingContent, at: index,
                       "\(describeCharacter(at: index)) after the end of the JSON value; a file holds exactly one value, so remove what follows it")
        }
        return value
    }

    // MARK: Values

    mutating func parseValue(depth: Int) throws(JSONSyntaxError) -> JSONValue {
        let start = index
        switch bytes[index] {
        case UInt8(ascii: "{"):
            return JSONValue(.object(try parseObject(depth: depth + 1)), offset: start)
        case UInt8(ascii: "["):
            return JSONValue(.array(try parseArray(depth: depth + 1)), offset: start)
        case UInt8(ascii: "\""):
            return JSONValue(.string(try parseString()), offset: start)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONValue(.number(try parseNumber()), offset: start)
        case UInt8(ascii: "t"):
            try expectWord("true")
            return JSONValue(.bool(true), offset: start)
        case UInt8(ascii: "f"):
            try expectWord("false")
            return JSONValue(.bool(false), offset: start)
        case UInt8(ascii: "n"):
            try expectWord("null")
            return JSONValue(.null, offset: start)
        default:
            throw unexpectedInsteadOfValue()
        }
    }

    mutating func parseArray(depth: Int) throws(JSONSyntaxError) -> [JSONValue] {
        let start = index
        if depth > options.maxDepth { throw tooDeep(at: start) }
        index += 1
        let base = elementStack.count
        skipWhitespace()
        guard index < bytes.count else { throw unterminated(.unterminatedArray, at: start) }
        if bytes[index] == UInt8(ascii: "]") {
            index += 1
            return []
        }
        while true {
            let position = elementStack.count - base
            do throws(JSONSyntaxError) {
                elementStack.push(try parseValue(depth: depth))
            } catch {
                throw error.inside(.index(position))
            }
            skipWhitespace()
            guard index < bytes.count else { throw unterminated(.unterminatedArray, at: start) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                let comma = index
                index += 1
                skipWhitespace()
                guard index < bytes.count else { throw unterminated(.unterminatedArray, at: start) }
                if bytes[index] == UInt8(ascii: "]") {
                    throw fail(.trailingComma, at: comma, "trailing comma before ]; remove the comma after the last element")
                }
            case UInt8(ascii: "]"):
                index += 1
                return elementStack.pop(from: base)
            default:
                throw fail(.unexpectedCharacter, at: index,
                           "expected , or ] after an array element, found \(describeCharacter(at: index))")
            }
        }
    }

    mutating func parseObject(depth: Int) throws(JSONSyntaxError) -> JSONObject {
        let start = index
        if depth > options.maxDepth { throw tooDeep(at: start) }
        index += 1
        let base = memberStack.count
        // Keys written in strictly ascending byte order (as a sorted-keys encoder writes them) cannot
        // repeat, so they need no search; once the order breaks, small objects are checked by a
        // linear scan and large ones by an index.
        var previousKey: Range<Int>? = nil
        var ascending = true
        var keyIndex: [String: Int]? = nil
        skipWhitespace()
        guard index < bytes.count else { throw unterminated(.unterminatedObject, at: start) }
        if bytes[index] == UInt8(ascii: "}") {
            index += 1
            return JSONObject()
        }
        while true {
            guard bytes[index] == UInt8(ascii: "\"") else { throw unexpectedInsteadOfKey() }
            let keyOffset = index
            let key = try parseString()
            if ascending, let plain = lastPlainString, previousKey.map({ precedes($0, plain) }) ?? true {
                previousKey = plain
            } else if let first = firstOffset(of: key, from: base, index: &keyIndex) {
                throw fail(.duplicateKey, at: keyOffset, "duplicate key \(DisplayText.quoted(key))", firstKeyOffset: first)
            } else {
                ascending = false
            }
            skipWhitespace()
            guard index < bytes.count else { throw unterminated(.unterminatedObject, at: start) }
            guard bytes[index] == UInt8(ascii: ":") else {
                throw fail(.unexpectedCharacter, at: index,
                           "expected : after the key \(DisplayText.quoted(key)), found \(describeCharacter(at: index))")
            }
            index += 1
            skipWhitespace()
            guard index < bytes.count else { throw unterminated(.unterminatedObject, at: start) }
            let value: JSONValue
            do throws(JSONSyntaxError) {
                value = try parseValue(depth: depth)
            } catch {
                throw error.inside(.key(DisplayText.safeKey(key)))
            }
            memberStack.push(JSONObject.Member(key: key, keyOffset: keyOffset, value: value))
            keyIndex?[key] = keyOffset
            skipWhitespace()
            guard index < bytes.count else { throw unterminated(.unterminatedObject, at: start) }
            switch bytes[index] {
            case UInt8(ascii: ","):
                let comma = index
                index += 1
                skipWhitespace()
                guard index < bytes.count else { throw unterminated(.unterminatedObject, at: start) }
                if bytes[index] == UInt8(ascii: "}") {
                    throw fail(.trailingComma, at: comma, "trailing comma before }; remove the comma after the last member")
                }
            case UInt8(ascii: "}"):
                index += 1
                return JSONObject(memberStack.pop(from: base))
            default:
                throw fail(.unexpectedCharacter, at: index,
                           "expected , or } after the value of \(DisplayText.quoted(key)), found \(describeCharacter(at: index))")
            }
        }
    }

    /// Whether the bytes of `earlier` sort strictly before those of `later` (eight at a time, then singly).
    private func precedes(_ earlier: Range<Int>, _ later: Range<Int>) -> Bool {
        let common = min(earlier.count, later.count)
        let raw = UnsafeRawPointer(bytes.baseAddress!)
        var offset = 0
        while offset + 8 <= common {
            let left = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: earlier.lowerBound + offset, as: UInt64.self))
            let right = UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: later.lowerBound + offset, as: UInt64.self))
            if left != right { return left < right }
            offset += 8
        }
        for offset in offset..<common {
            let left = bytes[earlier.lowerBound + offset]
            let right = bytes[later.lowerBound + offset]
            if left != right { return left < right }
        }
        return earlier.count < later.count
    }

    /// Where `key` already appears in the object being read, if it does.
    private func firstOffset(of key: String, from base: Int, index keyIndex: inout [String: Int]?) -> Int? {
        if let keyIndex { return keyIndex[key] }
        let count = memberStack.count - base
        for position in base..<memberStack.count where memberStack[position].key == key {
            return memberStack[position].keyOffset
        }
        if count >= 16 {
            var built: [String: Int] = [:]
            for position in base..<memberStack.count { built[memberStack[position].key] = memberStack[position].keyOffset }
            keyIndex = built
        }
        return nil
    }

    mutating func expectWord(_ word: StaticString) throws(JSONSyntaxError) {
        let start = index
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        if bytes.count - index >= expected.count {
            var matches = true
            for offset in 0..<expected.count where bytes[index + offset] != expected[offset] {
                matches = false
                break
            }
            if matches {
                index += expected.count
                return
            }
        }
        throw unknownWord(at: start)
    }

    @inline(__always)
    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                skipIndentation()
            default:
                return
            }
        }
    }

    /// Pretty-printed files indent each line with a run of spaces: step over it eight at a time.
    @inline(__always)
    mutating func skipIndentation() {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        while index + 8 <= bytes.count, raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) == 0x2020_2020_2020_2020 {
            index += 8
        }
    }
}
