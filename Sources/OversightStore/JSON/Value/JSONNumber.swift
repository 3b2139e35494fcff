/// A JSON number as written. The literal is kept so that an integer is read exactly, never through
/// a `Double`, and so that `1`, `1.0` and `1e0` stay distinguishable (only the first is an integer).
public struct JSONNumber: Equatable, Sendable, CustomStringConvertible {
    /// The largest integer magnitude the store accepts: 2^53, beyond which a `Double` cannot tell neighbours apart.
    public static let exactIntegerLimit: Int64 = 1 << 53

    /// The number's text exactly as it appeared (`-0`, `92.5`, `1e+16`).
    public let literal: String

    /// A number from literal text that the parser has already checked against the JSON grammar.
    init(checkedLiteral literal: String) { self.literal = literal }

    /// A number from JSON literal text; nil when the text is not a JSON number or is an integer beyond ±2^53.
    public init?(literal: String) {
        var bytes = Array(literal.utf8)
        let valid = bytes.withUnsafeMutableBufferPointer { buffer -> Bool in
            var parser = JSONParser(UnsafeBufferPointer(buffer), options: .init())
            guard (try? parser.parseNumber()) != nil else { return false }
            return parser.index == buffer.count
        }
        guard valid else { return nil }
        self.literal = literal
    }

    public init(_ value: Int) {
        self.literal = String(value)
    }

    /// A number from a finite `Double`, written in Swift's shortest round-tripping form.
    public init?(_ value: Double) {
        guard value.isFinite else { return nil }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        self.literal = text
    }

    /// Whether the literal is an integer: no fraction and no exponent.
    public var isIntegerLiteral: Bool {
        !literal.utf8.contains { $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }
    }

    /// The exact integer, when the literal is an integer (within ±2^53 for parsed numbers).
    public var integerValue: Int64? {
        guard isIntegerLiteral else { return nil }
        return Int64(literal)
    }

    /// The nearest `Double` (correctly rounded).
    public var doubleValue: Double { DecimalText.double(literal) }

    public var description: String { literal }

    /// Numbers are equal when they hold the same value (`1`, `1.0` and `1e0` are equal).
    public static func == (lhs: JSONNumber, rhs: JSONNumber) -> Bool {
        if lhs.literal == rhs.literal { return true }
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

    /// The value of a literal that matches the JSON number grammar.
    static func double(_ literal: String) -> Double {
        if let fast = exactDouble(literal.utf8) { return fast }
        return Double(literal) ?? .nan
    }

    /// Clinger's fast path: when the digits fit in 2^53 and the power of ten is exact, one
    /// multiplication or division gives the correctly rounded result.
    static func exactDouble(_ utf8: String.UTF8View) -> Double? {
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
