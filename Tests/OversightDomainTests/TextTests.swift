import OversightDomain
import Testing

@Suite("Text on its way in")
struct TextTests {
    @Test("escape sequences are removed whole, not just their ESC")
    func escapes() {
        let pasted = "Board \u{1B}[31mred\u{1B}[0m note\u{1B}]0;title\u{07} end\u{1B}c"
        let result = TextSanitiser.clean(pasted, multiline: false)
        #expect(result.text == "Board red note end")
        #expect(result.removed == 4)
    }

    @Test("controls go, line breaks follow the field")
    func controls() {
        #expect(TextSanitiser.clean("a\r\nb\u{0}c\u{202E}d", multiline: true).text == "a\nbcd")
        #expect(TextSanitiser.clean("a\nb\tc", multiline: false).text == "a b c")
        #expect(TextSanitiser.clean("£ – é 国", multiline: false).removed == 0)
    }

    @Test("text rules name the first problem")
    func rules() {
        #expect(TextRules.problem(in: "ok", multiline: false, limit: 10) == nil)
        #expect(TextRules.problem(in: "   ", multiline: false, limit: 10, required: true) == "must not be empty")
        #expect(TextRules.problem(in: "x\u{1B}", multiline: false, limit: 10)?.contains("U+1B") == true)
        #expect(TextRules.problem(in: "12345678901", multiline: false, limit: 10)?.contains("limit is 10") == true)
    }
}
