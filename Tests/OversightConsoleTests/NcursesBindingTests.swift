import Foundation
import OversightConsole
import OversightTerminal
import Testing

/// The ncurses backend itself, on a pipe instead of a terminal (`newterm` reading the pipe,
/// drawing to /dev/null): the bytes a terminal sends become the right keys, a resize arrives as
/// an event, and what is drawn reads back with wide characters counted once.
@Suite(.serialized) struct NcursesBindingTests {
    /// Runs `body` with a terminal reading keys from a pipe; ncurses has one screen at a time.
    func withTerminal(_ size: Size = Size(width: 40, height: 10), _ body: (NcursesTerminal, Int32) throws -> Void) throws {
        setenv("TERM", "xterm-256color", 1)
        var fds: [Int32] = [0, 0]
        #expect(pipe(&fds) == 0)
        let terminal = try NcursesTerminal.onPipe(inputFD: fds[0], size: size, options: .init(hideCursor: false))
        defer {
            terminal.restore()
            close(fds[1])
        }
        try body(terminal, fds[1])
    }

    func send(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
    }

    func keys(_ terminal: NcursesTerminal) -> [Key] {
        terminal.nextEvents().compactMap { if case .key(let key, _) = $0 { return key } else { return nil } }
    }

    @Test func functionKeysArrowsAndPagesDecode() throws {
        try withTerminal { terminal, input in
            send("\u{1B}OP\u{1B}[21~\u{1B}[5~\u{1B}[6~\u{1B}OA\u{1B}OB\u{1B}OH\u{1B}OF", to: input)
            #expect(keys(terminal) == [.function(1), .function(10), .pageUp, .pageDown, .up, .down, .home, .end])
        }
    }

    @Test func lettersEnterBackspaceTabAndControlKeysDecode() throws {
        try withTerminal { terminal, input in
            send("jQ?é\r\u{7F}\t\u{12}\u{1B}[Z", to: input)
            #expect(keys(terminal) == [.character("j"), .character("Q"), .character("?"), .character("é"), .enter, .backspace, .tab,
                                       .control("r"), .backTab])
        }
    }

    @Test func wideCharactersArriveWhole() throws {
        try withTerminal { terminal, input in
            send("£国é", to: input)
            #expect(keys(terminal) == [.character("£"), .character("国"), .character("é")])
        }
    }

    @Test func returnIsEnterAndALineFeedOrAltEnterIsANewLine() throws {
        try withTerminal { terminal, input in
            send("\r\n\u{1B}\r", to: input)
            #expect(keys(terminal) == [.enter, .control("j"), .control("j")])
        }
    }

    @Test func aBracketedPasteArrivesAsOneTextWithItsLineBreaksAndEscapes() throws {
        try withTerminal { terminal, input in
            send("a\u{1B}[200~one\rtwo\u{1B}[2J\u{1B}OAthree\u{1B}[201~b", to: input)
            #expect(keys(terminal) == [.character("a"), .paste("one\rtwo\u{1B}[2J\u{1B}[0~three"), .character("b")],
                    "the arrow inside the paste stands as a neutral sequence, to be cleaned and counted")
        }
    }

    @Test func anEscapeSequenceNoKeyMatchesArrivesWholeAsAnUnknownKeyNotAsEscAndLettersOrText() throws {
        try withTerminal { terminal, input in
            send("x\u{1B}[2Jy\u{1B}]2;PWNED\u{07}z\u{1B}[1;5A", to: input)
            #expect(keys(terminal) == [.character("x"), .unknown("\u{1B}[2J"), .character("y"), .unknown("\u{1B}]2;PWNED\u{07}"),
                                       .character("z"), .unknown("Ctrl-↑")])
        }
    }

    /// PuTTY's defaults under TERM=xterm, and Windows Terminal's and xterm's keys in either cursor mode.
    @Test func puttyAndWindowsTerminalKeysDecode() throws {
        try withTerminal { terminal, input in
            send("\u{1B}[1~\u{1B}[4~\u{1B}[11~\u{1B}[12~\u{1B}[13~\u{1B}[14~\u{1B}[H\u{1B}[F\u{1B}[A\u{1B}[D\u{1B}[3~", to: input)
            #expect(keys(terminal) == [.home, .end, .function(1), .function(2), .function(3), .function(4), .home, .end, .up, .left,
                                       .delete])
        }
    }

    /// The numeric keypad in application mode (PuTTY once ncurses turns keypad mode on) types digits and Enter.
    @Test func theKeypadInApplicationModeTypesDigitsAndEnter() throws {
        try withTerminal { terminal, input in
            send("\u{1B}Oq\u{1B}Ou\u{1B}On\u{1B}Op\u{1B}Om\u{1B}OM", to: input)
            #expect(keys(terminal) == [.character("1"), .character("5"), .character("."), .character("0"), .character("-"), .enter])
        }
    }

    /// Keys read together carry the same time, which is how the typing guard tells a paste from fingers.
    @Test func keysReadTogetherCarryOneTime() throws {
        try withTerminal { terminal, input in
            send("update", to: input)
            let times = terminal.nextEvents().compactMap { if case .key(_, let at) = $0 { return at } else { return nil } }
            #expect(times.count == 6 && Set(times).count == 1, "\(times)")
        }
    }

    @Test func escapeTwiceIsTwoEscapes() throws {
        try withTerminal { terminal, input in
            send("\u{1B}\u{1B}", to: input)
            var all: [Key] = []
            for _ in 0..<3 where all.count < 2 { all += keys(terminal) }
            #expect(all == [.escape, .escape])
        }
    }

    @Test func aLoneEscapeArrivesAsEscAfterTheShortDelay() throws {
        try withTerminal { terminal, input in
            send("\u{1B}", to: input)
            #expect(keys(terminal) == [.escape])
        }
    }

    @Test func aResizeArrivesAsAnEventWithTheNewSize() throws {
        try withTerminal { terminal, _ in
            terminal.resize(to: Size(width: 60, height: 16))
            #expect(terminal.nextEvents() == [.resize(Size(width: 60, height: 16))])
            #expect(terminal.size == Size(width: 60, height: 16))
        }
    }

    @Test func aSignalArrivesAsAnEventThroughThePipe() throws {
        try withTerminal { terminal, _ in
            kill(getpid(), SIGTERM)
            #expect(terminal.nextEvents() == [.signal(SIGTERM)])
        }
    }

    @Test func wideAndAccentedCharactersAreDrawnOneColumnPerColumn() throws {
        try withTerminal(Size(width: 20, height: 3)) { terminal, _ in
            var grid = Grid(width: 20, height: 3)
            grid.write("国民保健 Ω", x: 0, y: 0)
            grid.write("|", x: 19, y: 0)
            grid.write("Zoë – £2m", x: 0, y: 1, role: .segment3)
            grid.write("Evil\u{1B}[2J name", x: 0, y: 2)
            terminal.draw(grid)
            #expect(terminal.screenLine(0) == "国民保健 Ω         |", "the bar sits in column 20 only if 国 counts two")
            #expect(terminal.screenLine(1).hasPrefix("Zoë – £2m"))
            #expect(terminal.screenLine(2).hasPrefix("Evil name"))
        }
    }
}
