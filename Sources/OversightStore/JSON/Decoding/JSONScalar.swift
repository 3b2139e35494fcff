/// A type read straight from one JSON scalar (strings, booleans, numbers), with the rules the store
/// holds to: integers only from integer literals, no integer rounded or wrapped, no infinite double.
protocol JSONScalar: Decodable {
    static func read(_ value: JSONValue) -> Result<Self, ScalarFailure>
}

/// Why a scalar could not be read, before it is placed on a coding path.
struct ScalarFailure: Error {
    enum Kind { case mismatch, null, invalid }
    let kind: Kind
    let message: String

    static func expected(_ what: String, _ value: JSONValue) -> ScalarFailure {
        if case .null = value.content { return ScalarFailure(kind: .null, message: "expected \(what), found null") }
        return ScalarFailure(kind: .mismatch, message: "expected \(what), found \(value.valueDescription)")
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
        return .failure(.expected("a string", value))
    }
}

extension Bool: JSONScalar {
    static func read(_ value: JSONValue) -> Result<Bool, ScalarFailure> {
        if case .bool(let flag) = value.content { return .success(flag) }
        return .failure(.expected("true or false", value))
    }
}

extension Double: JSONScalar {
    static func read(_ value: JSONValue) -> Result<Double, ScalarFailure> {
        guard case .number(let number) = value.content else { return .failure(.expected("a number", value)) }
        let result = number.doubleValue
        guard result.isFinite else {
            return .failure(ScalarFailure(kind: .invalid, message: "the number \(number.literal) is too large to store"))
        }
        return .success(result)
    }
}

extension Float: JSONScalar {
    static func read(_ value: JSONValue) -> Result<Float, ScalarFailure> {
        guard case .number(let number) = value.content else { return .failure(.expected("a number", value)) }
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
        guard case .number(let number) = value.content else { return .failure(.expected("a whole number", value)) }
        guard let integer = number.integerValue else {
            return .failure(ScalarFailure(kind: .mismatch,
                                          message: "expected a whole number, found the number \(number.literal)"))
        }
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
