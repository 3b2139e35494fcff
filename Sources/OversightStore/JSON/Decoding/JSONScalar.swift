/// A type read straight from one JSON scalar (strings, booleans, numbers), with the rules the store
/// holds to: integers only from integer literals, no integer rounded or wrapped, no infinite double.
protocol JSONScalar: Decodable {
    static func read(_ value: JSONValue) -> Result<Self, ScalarFailure>
}

/// What a scalar reader expected, for its refusal.
enum ScalarExpectation {
    case string, number, wholeNumber, boolean
}

/// Why a scalar could not be read, before it is placed on a coding path.
struct ScalarFailure: Error {
    enum Kind { case mismatch, null, invalid }
    let kind: Kind
    let message: String

    /// `expected a string, found a number`. Decoders probe with `try?` (a metric value tries a string
    /// before a number), so the common refusals are whole literals and cost no allocation; a found
    /// string is quoted, since that is what a person needs to see.
    static func expected(_ expectation: ScalarExpectation, _ value: JSONValue) -> ScalarFailure {
        let message: String
        switch (expectation, value.content) {
        case (_, .null):
            return ScalarFailure(kind: .null, message: nullMessage(expectation))
        case (_, .string):
            message = "expected \(describe(expectation)), found \(value.valueDescription)"
        case (.string, .number): message = "expected a string, found a number"
        case (.string, .bool(true)): message = "expected a string, found true"
        case (.string, .bool(false)): message = "expected a string, found false"
        case (.string, .array): message = "expected a string, found an array"
        case (.string, .object): message = "expected a string, found an object"
        case (.number, .bool(true)): message = "expected a number, found true"
        case (.number, .bool(false)): message = "expected a number, found false"
        case (.number, .array): message = "expected a number, found an array"
        case (.number, .object): message = "expected a number, found an object"
        case (.wholeNumber, .number): message = "expected a whole number, found \(value.valueDescription)"
        case (.wholeNumber, .bool(true)): message = "expected a whole number, found true"
        case (.wholeNumber, .bool(false)): message = "expected a whole number, found false"
        case (.wholeNumber, .array): message = "expected a whole number, found an array"
        case (.wholeNumber, .object): message = "expected a whole number, found an object"
        case (.boolean, .number): message = "expected true or false, found a number"
        case (.boolean, .array): message = "expected true or false, found an array"
        case (.boolean, .object): message = "expected true or false, found an object"
        default: message = "expected \(describe(expectation)), found \(value.valueDescription)"
        }
        return ScalarFailure(kind: .mismatch, message: message)
    }

    private static func describe(_ expectation: ScalarExpectation) -> String {
        switch expectation {
        case .string: return "a string"
        case .number: return "a number"
        case .wholeNumber: return "a whole number"
        case .boolean: return "true or false"
        }
    }

    private static func nullMessage(_ expectation: ScalarExpectation) -> String {
        switch expectation {
        case .string: return "expected a string, found null"
        case .number: return "expected a number, found null"
        case .wholeNumber: return "expected a whole number, found null"
        case .boolean: return "expected true or false, found null"
        }
    }

    func decodingError<T>(_ type: T.Type, codingPath: [any CodingKey]) -> DecodingError {
        let context = DecodingError.Context(codingPath: codingPath, debugDescription: message)
        switch kind {
        case .mismatch: return .typeMismatch(type, context)
        case .null: return .valueNotFound(type, context)
        case .invalid: return .dataCorrupted(context)
        }
    }
}

extension String: JSONScalar {
    static func read(_ value: JSONValue) -> Result<String, ScalarFailure> {
        if case .string(let text) = value.content { return .success(text) }
        return .failure(.expected(.string, value))
    }
}

extension Bool: JSONScalar {
    static func read(_ value: JSONValue) -> Result<Bool, ScalarFailure> {
        if case .bool(let flag) = value.content { return .success(flag) }
        return .failure(.expected(.boolean, value))
    }
}

extension Double: JSONScalar {
    static func read(_ value: JSONValue) -> Result<Double, ScalarFailure> {
        guard case .number(let number) = value.content else { return .failure(.expected(.number, value)) }
        let result = number.doubleValue
        guard result.isFinite else {
            return .failure(ScalarFailure(kind: .invalid, message: "the number \(number.literal) is too large to store"))
        }
        return .success(result)
    }
}

extension Float: JSONScalar {
    static func read(_ value: JSONValue) -> Result<Float, ScalarFailure> {
        guard case .number(let number) = value.content else { return .failure(.expected(.number, value)) }
        guard let result = Float(number.literal), result.isFinite else {
            return .failure(ScalarFailure(kind: .invalid, message: "the number \(number.literal) is too large to store"))
        }
        return .success(result)
    }
}

/// Every fixed-width integer reads the same way: an integer literal that fits.
protocol JSONInteger: JSONScalar, FixedWidthInteger {}

extension JSONInteger {
    static func read(_ value: JSONValue) -> Result<Self, ScalarFailure> {
        guard case .number(let number) = value.content else { return .failure(.expected(.wholeNumber, value)) }
        guard let integer = number.integerValue else { return .failure(.expected(.wholeNumber, value)) }
        guard let result = Self(exactly: integer) else {
            return .failure(ScalarFailure(kind: .invalid,
                                          message: "the number \(number.literal) is out of range (\(Self.min) to \(Self.max))"))
        }
        return .success(result)
    }
}

extension Int: JSONInteger {}
extension Int8: JSONInteger {}
extension Int16: JSONInteger {}
extension Int32: JSONInteger {}
extension Int64: JSONInteger {}
extension UInt: JSONInteger {}
extension UInt8: JSONInteger {}
extension UInt16: JSONInteger {}
extension UInt32: JSONInteger {}
extension UInt64: JSONInteger {}
