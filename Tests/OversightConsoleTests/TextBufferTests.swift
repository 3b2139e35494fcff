import OversightConsole
import Testing

/// The line-editing rules of a field's text, by character (an accent or a wide character is one step).
@Suite struct TextBufferTests {
    @Test func insertingPutsTheCursorAfterTheText() {
        var buffer = TextBuffer("ac")
        buffer.moveLeft()
        buffer.insert("b")
        #expect(buffer.text == "abc" && buffer.cursor == 2)
    }

    @Test func theCursorStopsAtBothEnds() {
        var buffer = TextBuffer("é")
        buffer.moveRight()
        #expect(buffer.cursor == 1)
        buffer.moveLeft()
        buffer.moveLeft()
        #expect(buffer.cursor == 0)
        buffer.erasePrevious()
        #expect(buffer.text == "é", "Backspace at the start erases nothing")
        buffer.moveToLineEnd()
        buffer.eraseNext()
        #expect(buffer.text == "é", "Delete at the end erases nothing")
    }

    @Test func lineKeysWorkOnTheLineTheCursorIsOn() {
        var buffer = TextBuffer("first\nsecond line")
        buffer.moveToLineStart()
        #expect(buffer.cursor == 6)
        buffer.eraseToLineEnd()
        #expect(buffer.text == "first\n")
        buffer.insert("2nd")
        buffer.eraseToLineStart()
        #expect(buffer.text == "first\n" && buffer.cursor == 6)
    }
}
