/// Numbers: the RFC 8259 grammar exactly, the literal kept, integers held to ±2^53.
extension JSONParser {
    mutating func parseNumber() throws(JSONSyntaxError) -> JSONNumber {
        let start = index
        if bytes[index] == UInt8(ascii: "-") {
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                if index < bytes.count, bytes[index].isLetter { throw unknownWord(at: start) }
                throw fail(.invalidNumber, at: start, "a minus sign must be followed by digits")
            }
        }
        let digitsStart = index
        var magnitude: UInt64 = 0
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) {
                let text = literalText(from: start)
                throw fail(.invalidNumber, at: start,
                           "numbers cannot have leading zeros (\(text)); remove them, or store a code like this as a string")
            }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                if index - digitsStart < 18 { magnitude = magnitude * 10 + UInt64(bytes[index] - UInt8(ascii: "0")) }
                index += 1
            }
        }
        let integerDigits = index - digitsStart
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)]), as: UTF8.self)
                throw fail(.invalidNumber, at: start,
                           "a decimal point must be followed by digits; write \(text).0 or \(text)")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else {
                throw fail(.invalidNumber, at: start, "an exponent (e or E) must be followed by digits")
            }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        let literalBytes = UnsafeBufferPointer(rebasing: bytes[start..<index])
        if isInteger, integerDigits > 16 || (integerDigits == 16 && magnitude > UInt64(JSONNumber.exactIntegerLimit)) {
            let literal = String(decoding: literalBytes, as: UTF8.self)
            throw fail(.inexactInteger, at: start,
                       "the integer \(literal) is beyond ±2^53 (9007199254740992), so it cannot be read exactly; store it as a string")
        }
        return JSONNumber(checkedLiteral: literalBytes)
    }

    @inline(__always)
    func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }
}
