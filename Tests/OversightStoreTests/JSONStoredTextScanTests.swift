import OversightDomain
import Testing
@testable import OversightStore

/// Every string and key holding a character stored text may not hold is reported, with which one.
@Suite("Stored text scan")
struct JSONStoredTextScanTests {
    @Test("an ESC in a string value is named as a terminal escape")
    func escape() throws {
        let text = "{\n  \"notes\": [\"ok\", \"ab\\u001b[2J\"]\n}"
        let problems = StoredTextScan.problems(in: try JSONParser.parse(text))
        #expect(located(problems, in: text)
                == ["2:19 $.notes[1]: character 3 is an ESC (U+001B) control character; terminal escape codes are not allowed in stored text"])
        #expect(problems.map(\.kind) == [.disallowedCharacter])
    }

    @Test("C0, DEL, C1 and bidi controls are all refused; newlines are allowed",
          arguments: [
            (#""a\tb""#, "character 2 is a TAB (U+0009) control character; control characters are not allowed in stored text"),
            (#""\u0000""#, "character 1 is a NUL (U+0000) control character; control characters are not allowed in stored text"),
            (#""x\u007f""#, "character 2 is a DEL (U+007F) control character; control characters are not allowed in stored text"),
            (#""\u009b31m""#, "character 1 is a CSI (U+009B) control character; terminal escape codes are not allowed in stored text"),
            (#""\u0085""#, "character 1 is a C1 NEL (U+0085) control character; control characters are not allowed in stored text"),
            ("\"£é国\u{202E}txt\"",
             "character 4 is a RIGHT-TO-LEFT OVERRIDE (U+202E) character; bidirectional controls can make text display differently from what is stored"),
            (#""\u2066""#,
             "character 1 is a LEFT-TO-RIGHT ISOLATE (U+2066) character; bidirectional controls can make text display differently from what is stored"),
          ])
    func refused(text: String, message: String) throws {
        let problems = StoredTextScan.problems(in: try JSONParser.parse(text))
        #expect(problems.map(\.message) == [message])
    }

    @Test("plain text, newlines and other Unicode pass")
    func allowed() throws {
        let value = try JSONParser.parse(#"{"a": "line one\nline two", "b": ["£é国😀", "‘quotes’ — dash"], "c": 1, "d": null}"#)
        #expect(StoredTextScan.problems(in: value).isEmpty)
    }

    @Test("a key holding a control character is reported at the key, its path made safe to print")
    func key() throws {
        let text = #"{"ok": 1, "bad\u0007key": 2}"#
        let problems = StoredTextScan.problems(in: try JSONParser.parse(text))
        #expect(located(problems, in: text)
                == [#"1:11 $["bad\u0007key"]: character 4 of the key is a BEL (U+0007) control character; control characters are not allowed in stored text"#])
    }

    @Test("one problem per string, in document order, under a path prefix")
    func severalStrings() throws {
        let value = try JSONParser.parse(#"[{"x": "\u001b\u001b"}, "fine", "\u0001"]"#)
        let problems = StoredTextScan.problems(in: value, at: DataPath([.key("rec")]))
        #expect(problems.map(\.path.description) == ["$.rec[0].x", "$.rec[2]"])
    }
}
