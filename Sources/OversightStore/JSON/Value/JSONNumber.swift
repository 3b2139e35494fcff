/// A JSON number as written. The literal is kept so that an integer is read exactly, never through
/// a `Double`, and so that `1`, `1.0` and `1e0` stay distinguishable (only the first is an integer).
public struct JSONNumber: Equatable, Sendable, CustomStringConvertible {
    /// The largest integer magnitude the store accepts: 2^53, beyond which a `Double` cannot tell neighbours apart.
    public static let exactIntegerLimit: Int64 = 1 << 53

    /// The literal's bytes: up to 16 held inline (zero-padded; a number never holds a zero byte), so
    /// that the many short numbers of a store file cost no `String`; longer ones as text.
    private enum Storage: Sendable {
        case short(UInt64, UInt64)
        case long(String)
    }

    private let storage: Storage

    /// A number from literal bytes that the parser has already checked against the JSON grammar.
    init(checkedLiteral bytes: UnsafeBufferPointer<UInt8>) {
        guard bytes.count <= 16 else {
            storage = .long(String(decoding: bytes, as: UTF8.self))
            return
        }
        var low: UInt64 = 0
        var high: UInt64 = 0
        for index in 0..<bytes.count {
            if index < 8 {
                low |= UInt64(bytes[index]) << (8 * UInt64(index))
            } else {
                high |= UInt64(bytes[index]) << (8 * UInt64(index - 8))
            }
        }
        storage = .short(low, high)
    }

    /// A number from JSON literal text; nil when the text is not a JSON number or is an integer beyond ±2^53.
    public init?(literal: String) {
        var bytes = Array(literal.utf8)
        let parsed = bytes.withUnsafeMutableBufferPointer { buffer -> JSONNumber? in
            var parser = JSONParser(UnsafeBufferPointer(buffer), options: .init())
            defer { parser.release() }
            guard !buffer.isEmpty, let number = try? parser.parseNumber(), parser.index == buffer.count else { return nil }
            return number
        }
        guard let parsed else { return nil }
        self = parsed
    }

    public init(_ value: Int) {
        self.init(validLiteral: String(value))
    }

    /// A number from a finite `Double`, written in Swift's shortest round-tripping form.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        self.init(validLiteral: text)
    }

    private init(validLiteral text: String) {
        var text = text
        self = text.withUTF8 { JSONNumber(checkedLiteral: $0) }
    }

    /// Calls `body` with the literal's bytes.
    func withLiteralBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        switch storage {
        case .short(let low, let high):
            let count = low == 0 ? 0 : high == 0 ? 8 - low.leadingZeroBitCount / 8 : 16 - high.leadingZeroBitCount / 8
            return withUnsafeBytes(of: (low.littleEndian, high.littleEndian)) { raw in
                body(UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count))
            }
        case .long(var text):
            return text.withUTF8(body)
        }
    }

    /// The number's text exactly as it appeared (`-0`, `92.5`, `1e+16`).
    public var literal: String {
        switch storage {
        case .short: return withLiteralBytes { String(decoding: $0, as: UTF8.self) }
        case .long(let text): return text
        }
    }

    /// The exact integer, when the literal is an integer (within ±2^53 for parsed numbers).
    public var integerValue: Int64? {
        withLiteralBytes { bytes -> Int64? in
            guard !bytes.isEmpty, bytes.count <= 20 else { return nil }
            var negative = false
            var magnitude: Int64 = 0
            for (index, byte) in bytes.enumerated() {
                if index == 0 && byte == UInt8(ascii: "-") {
                    negative = true
                    continue
                }
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                let (times, overflowA) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, overflowB) = times.addingReportingOverflow(Int64(byte - UInt8(ascii: "0")))
                if overflowA || overflowB { return nil }
                magnitude = sum
            }
            return negative ? -magnitude : magnitude
        }
    }

    /// The nearest `Double` (correctly rounded).
    public var doubleValue: Double {
        if let fast = withLiteralBytes(DecimalText.exactDouble) { return fast }
        return Double(literal) ?? .nan
    }

    public var description: String { literal }

    /// Numbers are equal when they hold the same value (`1`, `1.0` and `1e0` are equal).
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if let left = lhs.integerValue, let right = rhs.integerValue { return left == right }
        return lhs.doubleValue == rhs.doubleValue
    }
}

/// Decimal text to `Double`: exact arithmetic for the common short literals, the C library's correctly
/// rounded conversion for the rest.
enum DecimalText {
    /// Powers of ten that a `Double` holds exactly.
    private static let exactPowers: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Clinger's fast path: when the digits fit in 2^53 and the power of ten is exact, one
    /// multiplication or division gives the correctly rounded result.
    static func exactDouble(_ utf8: UnsafeBufferPointer<UInt8>) -> Double? {
        var negative = false
        var mantissa: UInt64 = 0
        var significant = 0
        var fractionDigits = 0
        var inFraction = false
        var exponent = 0
        var exponentNegative = false
        var inExponent = false
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "-"):
                if inExponent { exponentNegative = true } else { negative = true }
            case UInt8(ascii: "+"):
                continue
            case UInt8(ascii: "."):
                inFraction = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                inExponent = true
            default:
                let digit = Int(byte &- UInt8(ascii: "0"))
                if inExponent {
                    exponent = exponent * 10 + digit
                    if exponent > 400 { return nil }
                } else {
                    if mantissa != 0 || digit != 0 { significant += 1 }
                    if significant > 15 { return nil }
                    mantissa = mantissa * 10 + UInt64(digit)
                    if inFraction { fractionDigits += 1 }
                }
            }
        }
        let power = (exponentNegative ? -exponent : exponent) - fractionDigits
        var value = Double(mantissa)
        if power == 0 {
        } else if power > 0 && power <= 22 {
            value *= exactPowers[power]
        } else if power < 0 && power >= -22 {
            value /= exactPowers[-power]
        } else if mantissa == 0 {
        } else {
            return nil
        }
        return negative ? -value : value
    }
}
