import OversightDomain
import Testing
@testable import OversightStore

/// Valid documents the strict parser accepts, and what it reads from them.
@Suite("JSON parser acceptance")
struct JSONParserAcceptanceTests {
    @Test("nested documents keep member order, key offsets and value offsets")
    func nestedDocument() throws {
        let text = #"{"b": [1, {"c": null}], "a": true}"#
        let value = try JSONParser.parse(text)
        guard case .object(let root) = value.content else {
            Issue.record("expected an object, got \(value)")
            return
        }
        #expect(root.keys == ["b", "a"])
        #expect(root.members.map(\.keyOffset) == [1, 24])
        #expect(root["a"] == JSONValue(.bool(true)))
        #expect(root["a"]?.offset == 29)
        guard case .array(let elements)? = root["b"]?.content else {
            Issue.record("expected an array under b")
            return
        }
        #expect(elements.map(\.offset) == [7, 10])
        #expect(value.description == #"{"b":[1,{"c":null}],"a":true}"#)
    }

    @Test("every escape decodes to its character")
    func escapes() throws {
        let value = try JSONParser.parse(#"["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u20AC", "\uD83D\uDE00", "\u0000"]"#)
        #expect(value == JSONValue(.array([
            JSONValue(.string("\"\\/\u{8}\u{C}\n\r\t")),
            JSONValue(.string("Aé€")),
            JSONValue(.string("😀")),
            JSONValue(.string("\u{0}")),
        ])))
    }

    @Test("raw UTF-8 of every length is read as written")
    func unicode() throws {
        let value = try JSONParser.parse(#"{"£é国😀": "Ærøskøbing – 北京 – 🏥"}"#)
        guard case .object(let object) = value.content else {
            Issue.record("expected an object")
            return
        }
        #expect(object.keys == ["£é国😀"])
        #expect(object["£é国😀"] == JSONValue(.string("Ærøskøbing – 北京 – 🏥")))
    }

    @Test("numbers keep their literal, and integers read exactly",
          arguments: [
            ("0", 0.0, Int64(0)), ("-0", -0.0, Int64(0)), ("42", 42, 42), ("-17", -17, -17),
            ("9007199254740992", 9007199254740992, 9007199254740992),
            ("-9007199254740992", -9007199254740992, -9007199254740992),
          ] as [(String, Double, Int64)])
    func integers(literal: String, double: Double, integer: Int64) throws {
        let value = try JSONParser.parse(literal)
        guard case .number(let number) = value.content else {
            Issue.record("expected a number from \(literal)")
            return
        }
        #expect(number.literal == literal)
        #expect(number.integerValue == integer)
        #expect(number.doubleValue == double)
        #expect(number.doubleValue.sign == double.sign)
    }

    @Test("fractions and exponents read as the nearest Double, and are not integers",
          arguments: [
            ("1.5", 1.5), ("-0.0", -0.0), ("92.35", 92.35), ("1e3", 1000), ("1E+3", 1000), ("2.5e-3", 0.0025),
            ("0.30000000000000004", 0.30000000000000004), ("1e300", 1e300), ("5e-324", 5e-324),
            ("123456789012345678901234567890.5", 123456789012345678901234567890.5),
            ("1.7976931348623157e308", 1.7976931348623157e308), ("9007199254740993.0", 9007199254740992),
          ] as [(String, Double)])
    func fractions(literal: String, expected: Double) throws {
        let value = try JSONParser.parse(literal)
        guard case .number(let number) = value.content else {
            Issue.record("expected a number from \(literal)")
            return
        }
        #expect(number.integerValue == nil)
        #expect(number.doubleValue == expected)
        #expect(number.doubleValue.sign == expected.sign)
    }

    @Test("whitespace of all four kinds is allowed around values")
    func whitespace() throws {
        #expect(try JSONParser.parse(" \t\r\n[ 1 ,\r\n 2 ]\n ") == JSONValue(.array([JSONValue(.number(JSONNumber(1))), JSONValue(.number(JSONNumber(2)))])))
    }

    @Test("scalars alone are documents")
    func scalarDocuments() throws {
        #expect(try JSONParser.parse("null") == JSONValue(.null))
        #expect(try JSONParser.parse("false") == JSONValue(.bool(false)))
        #expect(try JSONParser.parse(#""x""#) == JSONValue(.string("x")))
        #expect(try JSONParser.parse("{}") == JSONValue(.object(JSONObject())))
        #expect(try JSONParser.parse("[]") == JSONValue(.array([])))
    }

    @Test("a payload slice is parsed on its own, offsets counted from its start")
    func slice() throws {
        let file = Array(#"xxx{"a":1}yyy"#.utf8)
        let value = try JSONParser.parse(file[3..<10])
        guard case .object(let object) = value.content else {
            Issue.record("expected an object")
            return
        }
        #expect(value.offset == 0)
        #expect(object.members.first?.keyOffset == 1)
    }

    @Test("number equality is by value: 1, 1.0 and 1e0 are equal")
    func numberEquality() {
        #expect(JSONNumber(literal: "1") == JSONNumber(literal: "1.0"))
        #expect(JSONNumber(literal: "1e0") == JSONNumber(1))
        #expect(JSONNumber(literal: "1") != JSONNumber(literal: "2"))
        #expect(JSONNumber(literal: "01") == nil)
        #expect(JSONNumber(literal: "9007199254740993") == nil)
        #expect(JSONNumber(92.5)?.literal == "92.5")
        #expect(JSONNumber(3.0)?.literal == "3")
        #expect(JSONNumber(.infinity) == nil)
    }
}
