import Foundation
import OversightConsole
import OversightTerminal
import OversightDomain
import Testing

/// Issue 11, item 12: text the grid measures one way and ncurses another leaves stale cells on the
/// screen (everything after it shifts in ncurses' copy, and the grid never repaints the difference).
/// These run in the ncurses suite: ncurses has one screen at a time.
extension NcursesBindingTests {
    static let emojiSamples = [
        "👨‍👩‍👧 family", "👩🏽‍💻 coder", "👍🏽 ok", "🇬🇧 flag", "1️⃣ keycap", "❤️ heart", "🏴󠁧󠁢󠁥󠁮󠁧󠁿 England",
        "e\u{301}te accent", "日本 wide", "Zoë plain",
    ]

    @Test("emoji sequences (ZWJ, skin tones, flags, keycaps, variation selectors) take the same cells in the grid as in ncurses",
          arguments: emojiSamples)
    func emojiCells(sample: String) throws {
        try withTerminal(Size(width: 40, height: 2)) { terminal, _ in
            var grid = Grid(width: 40, height: 2)
            grid.write(sample + " END", x: 0, y: 0)
            grid.write("next row", x: 0, y: 1)
            terminal.draw(grid)
            #expect(terminal.screenLine(0) == grid.line(0), "ncurses holds \(String(reflecting: terminal.screenLine(0))), the grid \(String(reflecting: grid.line(0)))")
            #expect(terminal.screenLine(1) == grid.line(1))
        }
    }
}

/// Issue 11, item 12: an escape sequence that never ends removes itself, not the rest of the text.
@Suite("Terminal text: escape sequences are removed whole, and only themselves")
struct EscapeRemovalTests {
    @Test("an unterminated OSC (or DCS, APC, PM, SOS) drops only its introducer, never the rest of a text",
          arguments: ["\u{1B}]", "\u{1B}P", "\u{1B}_", "\u{1B}^", "\u{1B}X"])
    func unterminatedString(introducer: String) {
        let cleaned = TextSanitiser.clean("Before " + introducer + "0;title and the rest of the note", multiline: true)
        #expect(cleaned.text.contains("the rest of the note"), "\(String(reflecting: cleaned.text))")
        #expect(cleaned.text.hasPrefix("Before "))
        #expect(!cleaned.text.unicodeScalars.contains { $0.value == 0x1B })
        #expect(cleaned.removed >= 1)
    }

    @Test("a terminated OSC is still removed whole")
    func terminatedString() {
        #expect(TextSanitiser.clean("a\u{1B}]0;title\u{07}b", multiline: true).text == "ab")
        #expect(TextSanitiser.clean("a\u{1B}]8;;http://x\u{1B}\\link\u{1B}]8;;\u{1B}\\b", multiline: true).text == "alinkb")
    }

    @Test("the console's last gate keeps the rest of a text after an unterminated OSC too")
    func cellText() {
        #expect(CellText.clean("Minutes \u{1B}]0;agreed by the board").contains("agreed by the board"))
    }
}
