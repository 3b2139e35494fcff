import OversightDomain
import Testing
@testable import OversightStore

/// Every kind of input the strict parser refuses, with the message and the exact line:column.
@Suite("JSON parser refusals")
struct JSONParserRejectionTests {
    @Test("a trailing comma in an array is refused at the comma")
    func trailingCommaInArray() {
        #expect(located(syntaxError("[1,2,]")) == "1:5: trailing comma before ]; remove the comma after the last element")
        let nested = syntaxError("{\n  \"a\": [1,\n    2,\n  ]\n}")
        #expect(located(nested) == "3:6: trailing comma before ]; remove the comma after the last element")
        #expect(nested?.kind == .trailingComma)
        #expect(nested?.path == DataPath([.key("a")]))
    }

    @Test("a trailing comma in an object is refused at the comma")
    func trailingCommaInObject() {
        #expect(located(syntaxError(#"{"a":1,}"#)) == "1:7: trailing comma before }; remove the comma after the last member")
        #expect(located(syntaxError("{\n  \"a\": 1,\n}")) == "2:9: trailing comma before }; remove the comma after the last member")
    }

    @Test("a duplicate key is refused at the second one, naming where the first is")
    func duplicateKey() {
        let error = syntaxError("{\n  \"region\": 1,\n  \"region\": 2\n}")
        #expect(located(error) == #"3:3: duplicate key "region" (its first appearance is at line 2, column 3); keep only one"#)
        #expect(error?.kind == .duplicateKey)
        #expect(error?.firstKeyOffset == 4)
    }

    @Test("a duplicate key in a large object (indexed lookup) is refused too")
    func duplicateKeyInLargeObject() {
        let members = (0..<40).map { "\"k\($0)\":\($0)" }.joined(separator: ",")
        let error = syntaxError("{" + members + ",\"k7\":0}")
        #expect(error?.kind == .duplicateKey)
        #expect(error?.message.hasPrefix(#"duplicate key "k7" (its first appearance is at line 1, column "#) == true)
    }

    @Test("a duplicate is caught however it is written: after sorted keys, escaped, or canonically equal")
    func duplicateKeySpellings() {
        #expect(located(syntaxError(#"{"a":1,"b":2,"c":3,"a":4}"#))
                == #"1:20: duplicate key "a" (its first appearance is at line 1, column 2); keep only one"#)
        #expect(syntaxError(#"{"a":1,"\u0061":2}"#)?.kind == .duplicateKey)
        // Swift compares strings by canonical equivalence, so these two would collide in a dictionary.
        #expect(syntaxError(#"{"\u00e9":1,"e\u0301":2}"#)?.kind == .duplicateKey)
        #expect(syntaxError(#"{"a":1,"b":2,"ab":3,"B":4}"#) == nil)
    }

    @Test("duplicate keys in different objects are fine")
    func sameKeyInSiblingObjects() {
        #expect(syntaxError(#"[{"a":1},{"a":2},{"b":{"a":3}}]"#) == nil)
    }

    @Test("a UTF-8 byte order mark is refused with the advice to save without it")
    func byteOrderMark() {
        let error = syntaxError(bytes: [0xEF, 0xBB, 0xBF] + Array("{}".utf8))
        #expect(located(error) == "1:1: the file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM")
        #expect(error?.kind == .byteOrderMark)
    }

    @Test("nesting deeper than the limit is refused where it goes too deep")
    func tooDeep() {
        let limit = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(syntaxError(limit) == nil)
        let over = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        #expect(located(syntaxError(over)) == "1:65: arrays and objects are nested more than 64 levels deep here; the limit is 64")
        let objects = #"{"a":{"a":{"a":1}}}"#
        #expect(syntaxError(objects, maxDepth: 3) == nil)
        let error = syntaxError(objects, maxDepth: 2)
        #expect(error?.kind == .tooDeep)
        #expect(error?.column == 11)
        #expect(error?.path == DataPath([.key("a"), .key("a")]))
    }

    @Test("deep nesting far past the limit is refused without exhausting the stack")
    func veryDeep() {
        let error = syntaxError(String(repeating: "[", count: 100_000))
        #expect(error?.kind == .tooDeep)
    }

    @Test("invalid UTF-8 inside a string is refused at its first byte",
          arguments: [
            ([0xFF], "0xFF"), ([0xC0, 0x80], "0xC0 0x80"), ([0xED, 0xA0, 0x80], "0xED 0xA0 0x80"),
            ([0xE2, 0x82], "0xE2 0x82"), ([0xF4, 0x90, 0x80, 0x80], "0xF4 0x90 0x80 0x80"), ([0x80], "0x80"),
          ] as [([UInt8], String)])
    func invalidUTF8(sequence: [UInt8], shown: String) {
        let error = syntaxError(bytes: Array(#"["ab"#.utf8) + sequence + Array(#"c"]"#.utf8))
        #expect(located(error) == "1:5: invalid UTF-8 (bytes \(shown)); save the file as UTF-8")
        #expect(error?.kind == .invalidUTF8)
    }

    @Test("invalid UTF-8 outside a string is refused too")
    func invalidUTF8OutsideString() {
        #expect(located(syntaxError(bytes: [0x5B, 0xFE, 0x5D])) == "1:2: invalid UTF-8 (bytes 0xFE); save the file as UTF-8")
    }

    @Test("a lone high surrogate is refused at its escape")
    func loneHighSurrogate() {
        #expect(located(syntaxError(#"["\uD800"]"#))
                == #"1:3: lone surrogate \uD800: a high surrogate must be followed by a low surrogate \uDC00–\uDFFF"#)
        #expect(syntaxError(#"["\uD83Dx"]"#)?.kind == .loneSurrogate)
    }

    @Test("a lone low surrogate is refused at its escape")
    func loneLowSurrogate() {
        #expect(located(syntaxError(#"["ab\uDC00"]"#))
                == #"1:5: lone surrogate \uDC00: a low surrogate must follow a high surrogate \uD800–\uDBFF"#)
    }

    @Test("a high surrogate followed by something other than a low surrogate is refused")
    func mismatchedSurrogates() {
        #expect(located(syntaxError(#"["\uD800\u0041"]"#))
                == #"1:3: high surrogate \uD800 is followed by \u0041, which is not a low surrogate (\uDC00–\uDFFF)"#)
        #expect(syntaxError(#"["\uD800\uD800"]"#)?.kind == .loneSurrogate)
    }

    @Test("bad escapes are refused at the backslash")
    func badEscapes() {
        #expect(located(syntaxError(#"["a\x"]"#)) == #"1:4: invalid escape \x; use \" \\ \/ \b \f \n \r \t or \uXXXX"#)
        #expect(located(syntaxError(#"["\u12G4"]"#)) == #"1:3: \u must be followed by four hex digits (0–9, A–F)"#)
        #expect(syntaxError(#"["\u12"]"#)?.kind == .invalidEscape)
    }

    @Test("raw control characters inside a string are refused with the escape to use")
    func rawControlCharacters() {
        #expect(located(syntaxError("[\"a\tb\"]")) == #"1:4: a raw tab inside a string; write it as \t"#)
        #expect(located(syntaxError("[\"a\u{1}b\"]")) == #"1:4: a raw control character (U+0001) inside a string; write it as \u0001"#)
        #expect(located(syntaxError("{\"a\": \"one\ntwo\"}"))
                == #"1:11: a line break inside a string; write it as \n, or add the missing closing quote before the line ends"#)
        #expect(syntaxError("[\"\u{1B}[31m\"]")?.kind == .controlCharacter)
    }

    @Test("numbers outside the JSON grammar are refused with the fix",
          arguments: [
            ("[01]", "1:2: numbers cannot have leading zeros (01); remove them, or store a code like this as a string"),
            ("[-007]", "1:2: numbers cannot have leading zeros (-007); remove them, or store a code like this as a string"),
            ("[+1]", "1:2: a number cannot start with +; remove the +"),
            ("[.5]", "1:2: a number needs a digit before the decimal point; write 0.5"),
            ("[1.]", "1:2: a decimal point must be followed by digits; write 1.0 or 1"),
            ("[-2.e3]", "1:2: a decimal point must be followed by digits; write -2.0 or -2"),
            ("[1e]", "1:2: an exponent (e or E) must be followed by digits"),
            ("[1e+]", "1:2: an exponent (e or E) must be followed by digits"),
            ("[-]", "1:2: a minus sign must be followed by digits"),
            ("[NaN]", "1:2: NaN is not a JSON number; store null for a missing value"),
            ("[Infinity]", "1:2: Infinity is not a JSON number; store a finite number or null"),
            ("[-Infinity]", "1:2: -Infinity is not a JSON number; store a finite number or null"),
          ])
    func invalidNumbers(text: String, expected: String) {
        #expect(located(syntaxError(text)) == expected)
    }

    @Test("integers beyond ±2^53 are refused because they cannot be read exactly")
    func inexactIntegers() {
        #expect(syntaxError("9007199254740992") == nil)
        #expect(syntaxError("-9007199254740992") == nil)
        #expect(located(syntaxError("[9007199254740993]"))
                == "1:2: the integer 9007199254740993 is beyond ±2^53 (9007199254740992), so it cannot be read exactly; store it as a string")
        #expect(syntaxError("-9007199254740993")?.kind == .inexactInteger)
        #expect(syntaxError("12345678901234567890")?.kind == .inexactInteger)
        #expect(syntaxError("123456789012345678901234567890")?.kind == .inexactInteger)
        // Not integers: a fraction or exponent says the writer accepted a Double.
        #expect(syntaxError("9007199254740993.0") == nil)
        #expect(syntaxError("1e300") == nil)
    }

    @Test("empty input is refused")
    func emptyInput() {
        #expect(located(syntaxError("")) == "1:1: the input is empty; expected a JSON value")
        #expect(located(syntaxError("  \n ")) == "2:2: the input holds only whitespace; expected a JSON value")
    }

    @Test("anything after the value is refused where it starts")
    func trailingContent() {
        let expected = "1:4: “x” after the end of the JSON value; a file holds exactly one value, so remove what follows it"
        #expect(located(syntaxError("{} x")) == expected)
        #expect(syntaxError("[1]\n[2]")?.kind == .trailingContent)
        #expect(syntaxError("1 2")?.line == 1)
    }

    @Test("an unterminated string is reported where it starts")
    func unterminatedString() {
        #expect(located(syntaxError(#"{"a": "abc"#)) == #"1:7: this string is never closed; add " at its end"#)
        #expect(syntaxError(#"["ab\"#)?.kind == .unterminatedString)
        #expect(syntaxError(#"["ab\"#)?.column == 2)
    }

    @Test("an unterminated array or object is reported where the innermost open one starts")
    func unterminatedContainers() {
        #expect(located(syntaxError("[1,\n 2")) == "1:1: this array is never closed; add ] at its end")
        #expect(located(syntaxError(#"{"a": 1"#)) == "1:1: this object is never closed; add } at its end")
        let nested = syntaxError("{\"a\": [1, {\"b\": 2}")
        #expect(located(nested) == "1:7: this array is never closed; add ] at its end")
        #expect(nested?.path == DataPath([.key("a")]))
        #expect(syntaxError("[")?.kind == .unterminatedArray)
        #expect(syntaxError("{\"a\":")?.kind == .unterminatedObject)
    }

    @Test("other mistakes are named in words")
    func otherMistakes() {
        #expect(located(syntaxError("{'a': 1}")) == "1:2: single quotes are not allowed; put the key in double quotes")
        #expect(located(syntaxError("{a: 1}")) == #"1:2: object keys must be in double quotes; write "a""#)
        #expect(located(syntaxError("[tru]")) == #"1:2: unexpected word "tru"; expected a value (a string needs double quotes)"#)
        #expect(located(syntaxError("[True]")) == #"1:2: "True" is not JSON; write true, false or null in lower case"#)
        #expect(located(syntaxError("[1 2]")) == "1:4: expected , or ] after an array element, found “2”")
        #expect(located(syntaxError(#"{"a" 1}"#)) == #"1:6: expected : after the key "a", found “1”"#)
        #expect(located(syntaxError("[1,,2]")) == "1:4: expected a value, found “,”")
        #expect(located(syntaxError("// note\n{}")) == "1:1: comments are not allowed in JSON; remove it")
    }

    @Test("an error deep in a document carries the JSON path to it")
    func errorPath() {
        let error = syntaxError(#"{"a": {"b": [1, 2, tru]}}"#)
        #expect(error?.path == DataPath([.key("a"), .key("b"), .index(2)]))
        #expect(error?.description == #"1:20: $.a.b[2]: unexpected word "tru"; expected a value (a string needs double quotes)"#)
    }
}
