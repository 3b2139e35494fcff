import CCrashGuard
@preconcurrency import CNcursesw
import Foundation
import OversightConsole

/// The real terminal, through ncursesw. The only file that touches C curses: locale and screen
/// set-up, colour pairs from the theme, painting a grid, reading keys, and restoring the terminal.
///
/// Input waits in `poll(2)` on the keyboard and a signal pipe (no CPU while idle, no race with a
/// signal arriving just before a blocking read), then drains `get_wch` without waiting; ncurses
/// still assembles escape sequences with its 25 ms ESC delay and reports KEY_RESIZE itself.
public final class NcursesTerminal: Terminal {
    public let glyphs: Glyphs
    public let theme: Theme
    public private(set) var size: Size
    private let screen: OpaquePointer
    private let inputFD: Int32
    /// Files opened for a test terminal, closed on restore.
    var ownedFiles: [UnsafeMutablePointer<FILE>] = []
    /// Curses attributes and colour pair for each role, plain and on the selected row.
    private var looks: [Look: (attrs: attr_t, pair: Int16)] = [:]
    private var colour = false
    private var pairsByColours: [[Int16]: Int16] = [:]

    private struct Look: Hashable {
        var role: StyleRole
        var selected: Bool
    }
    private let signalPipe: (read: Int32, write: Int32)
    private var closed = false
    private var emptyReads = 0
    private let log: ConsoleLog?
    private let outputFile: UnsafeMutablePointer<FILE>
    /// The text of a bracketed paste still arriving (its end mark not read yet).
    private var pasting: String?
    /// Key codes we give the terminal's bracketed-paste marks (ESC [200~ and ESC [201~), past any
    /// code ncurses hands out itself.
    static let pasteStart: Int32 = 0x6000
    static let pasteEnd: Int32 = 0x6001
    /// Key codes for the numeric keypad's characters in application keypad mode (PuTTY, after the
    /// `ESC =` that ncurses sends with keypad()), which terminfo for xterm does not list.
    static let keypadBase: Int32 = 0x6010
    static let keypadCharacters = Array("0123456789*+,-./")

    /// What terminals people use send that their terminfo entry may not say, taught to ncurses so
    /// that they are keys and not unknown sequences: PuTTY's defaults under TERM=xterm (Home
    /// `ESC [1~`, End `ESC [4~`, F1–F4 `ESC [11~`…`ESC [14~`, the keypad in application mode),
    /// Windows Terminal's and xterm's Home and End in either cursor mode, rxvt's, and the Linux console's F1–F5.
    static var extraKeys: [(String, Int32)] {
        var keys: [(String, Int32)] = [
            ("\u{1B}[1~", KEY_HOME), ("\u{1B}[4~", KEY_END), ("\u{1B}[7~", KEY_HOME), ("\u{1B}[8~", KEY_END),
            ("\u{1B}[H", KEY_HOME), ("\u{1B}[F", KEY_END), ("\u{1B}OH", KEY_HOME), ("\u{1B}OF", KEY_END),
            ("\u{1B}[A", KEY_UP), ("\u{1B}[B", KEY_DOWN), ("\u{1B}[C", KEY_RIGHT), ("\u{1B}[D", KEY_LEFT),
            ("\u{1B}OA", KEY_UP), ("\u{1B}OB", KEY_DOWN), ("\u{1B}OC", KEY_RIGHT), ("\u{1B}OD", KEY_LEFT),
            ("\u{1B}[5~", KEY_PPAGE), ("\u{1B}[6~", KEY_NPAGE), ("\u{1B}[3~", KEY_DC), ("\u{1B}[Z", KEY_BTAB),
            ("\u{1B}OM", KEY_ENTER),
        ]
        for n in 1...4 { keys.append(("\u{1B}[\(10 + n)~", cnc_key_f(Int32(n)))) }
        for n in 1...4 { keys.append(("\u{1B}O" + String(Character(Unicode.Scalar(UInt8(0x4F + n)))), cnc_key_f(Int32(n)))) }
        for (n, final) in "ABCDE".enumerated() { keys.append(("\u{1B}[[" + String(final), cnc_key_f(Int32(n + 1)))) }
        // ESC O p … ESC O y are the digits, then * + , - . / (VT100 application keypad).
        for (final, index) in zip("pqrstuvwxyjklmno", keypadCharacters.indices) {
            keys.append(("\u{1B}O" + String(final), keypadBase + Int32(index)))
        }
        return keys
    }

    public struct Options: Sendable {
        public var monochrome: Bool
        public var ascii: Bool
        /// Hide the cursor's shape; it is still moved to the selected row after every paint.
        public var hideCursor: Bool

        public init(monochrome: Bool = false, ascii: Bool = false, hideCursor: Bool = true) {
            self.monochrome = monochrome
            self.ascii = ascii
            self.hideCursor = hideCursor
        }
    }

    public enum OpenError: Error, CustomStringConvertible {
        case notATerminal
        case cannotStart(String)

        public var description: String {
            switch self {
            case .notATerminal:
                return "The console needs a terminal on standard input and output. For scripts, use `oversight validate` or the other commands."
            case .cannotStart(let why):
                return "Could not start the console: \(why). Check that TERM names your terminal (for example TERM=xterm-256color)."
            }
        }
    }

    /// Chooses UTF-8 or ASCII: the user's locale decides; without one, C.UTF-8 is tried so names
    /// with accents still reach the screen.
    static func setUpLocale(forceASCII: Bool) -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8Locale() { return !forceASCII }
        let environment = ProcessInfo.processInfo.environment
        let asked = ["LC_ALL", "LC_CTYPE", "LANG"].contains { !(environment[$0] ?? "").isEmpty }
        // Nothing asked for (cron, env -i, some SSH set-ups): most terminals are UTF-8, so try it.
        if !asked, setlocale(LC_ALL, "C.UTF-8") != nil, isUTF8Locale() { return !forceASCII }
        return false
    }

    static func isUTF8Locale() -> Bool {
        guard let codeset = cnc_codeset() else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// The terminal the process runs in (standard input and output).
    public convenience init(options: Options, log: ConsoleLog? = nil) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw OpenError.notATerminal }
        try self.init(input: STDIN_FILENO, inputFile: stdin, output: stdout, options: options, log: log, guardCrashes: true)
    }

    /// A terminal on given files (the binding tests open one on a pipe: `Tests/…/NcursesTerminal+Pipe.swift`).
    init(input: Int32, inputFile: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, options: Options,
                 log: ConsoleLog?, guardCrashes: Bool = false) throws {
        self.log = log
        inputFD = input
        outputFile = output
        let unicode = NcursesTerminal.setUpLocale(forceASCII: options.ascii)
        glyphs = unicode ? .unicode : .ascii

        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw OpenError.cannotStart("no pipe for signals (\(String(cString: strerror(errno))))") }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC); _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        signalPipe = (fds[0], fds[1])

        // Before curses changes the terminal's modes: a crash puts back these ones.
        if guardCrashes { ocg_install(input, fileno(output), log?.fileDescriptor ?? -1, log?.path) }
        guard let screen = newterm(nil, output, inputFile) else {
            ocg_remove()
            close(fds[0]); close(fds[1])
            throw OpenError.cannotStart("the terminal type “\(ProcessInfo.processInfo.environment["TERM"] ?? "")” is not known")
        }
        self.screen = screen
        _ = cnc_install_signal_pipe(signalPipe.write)
        cbreak()
        noecho()
        nonl()
        keypad(cnc_stdscr(), true)
        nodelay(cnc_stdscr(), true)
        set_escdelay(25)
        if options.hideCursor { curs_set(0) }
        // Bracketed paste: a paste arrives marked, so its line breaks are text, not Enter (which saves a form).
        define_key("\u{1B}[200~", NcursesTerminal.pasteStart)
        define_key("\u{1B}[201~", NcursesTerminal.pasteEnd)
        for (sequence, code) in NcursesTerminal.extraKeys { define_key(sequence, code) }
        NcursesTerminal.send("\u{1B}[?2004h", to: output)

        colour = !options.monochrome && has_colors()
        theme = colour ? .standard : .monochrome
        size = Size(width: Int(cnc_getmaxx()), height: Int(cnc_getmaxy()))
        if colour {
            start_color()
            use_default_colors()
        }
        for role in StyleRole.allCases {
            for selected in [false, true] { looks[Look(role: role, selected: selected)] = prepare(theme.style(role, selected: selected)) }
        }
        log?.write("terminal \(size.width)x\(size.height), TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "?"), colours \(colour ? Int(cnc_colors()) : 0), \(unicode ? "UTF-8" : "ASCII")")
    }

    deinit { restore() }

    /// Gives the terminal back as it was: always called, on quit, on a signal and on an error.
    public func restore() {
        guard !closed else { return }
        closed = true
        curs_set(1)
        endwin()
        NcursesTerminal.send("\u{1B}[?2004l", to: outputFile)
        delscreen(screen)
        cnc_restore_signals()
        ocg_remove()
        close(signalPipe.read)
        close(signalPipe.write)
        for file in ownedFiles { fclose(file) }
    }

    static func send(_ sequence: String, to file: UnsafeMutablePointer<FILE>) {
        fputs(sequence, file)
        fflush(file)
    }

    // MARK: colours and attributes

    private func colourNumber(_ colour: Style.Colour) -> Int16 {
        switch colour {
        case .terminalDefault: return -1
        case .palette(let index, let fallback): return Int16(cnc_colors() >= 256 ? index : fallback)
        }
    }

    /// Attributes for a style, and a colour pair (made once per distinct pair of colours).
    private func prepare(_ style: Style) -> (attrs: attr_t, pair: Int16) {
        var attrs = cnc_a_normal()
        if style.bold { attrs |= cnc_a_bold() }
        if style.reverse { attrs |= cnc_a_reverse() }
        if style.underline { attrs |= cnc_a_underline() }
        guard colour else { return (attrs, 0) }
        let key = [colourNumber(style.foreground), colourNumber(style.background)]
        if key == [-1, -1] { return (attrs, 0) }
        if let pair = pairsByColours[key] { return (attrs, pair) }
        let pair = Int16(pairsByColours.count + 1)
        guard Int(pair) < Int(COLOR_PAIRS) else { return (attrs, 0) }
        init_pair(pair, key[0], key[1])
        pairsByColours[key] = pair
        return (attrs, pair)
    }

    // MARK: painting

    public func draw(_ grid: Grid) {
        let window = cnc_stdscr()
        let rows = min(grid.height, Int(cnc_getmaxy()))
        let columns = min(grid.width, Int(cnc_getmaxx()))
        for y in 0..<rows {
            var x = 0
            while x < columns {
                let look = Look(role: grid[x, y].role, selected: grid[x, y].selected)
                var run = ""
                let start = x
                while x < columns, grid[x, y].role == look.role, grid[x, y].selected == look.selected {
                    let cell = grid[x, y]
                    if !cell.isContinuation { run += cell.text }
                    x += 1
                }
                let chosen = looks[look] ?? (cnc_a_normal(), 0)
                wattr_set(window, chosen.attrs, chosen.pair, nil)
                wmove(window, Int32(y), Int32(start))
                // Writing the bottom-right cell returns ERR once the text is drawn; nothing is lost.
                _ = waddnstr(window, run, -1)
            }
        }
        wattr_set(window, cnc_a_normal(), 0, nil)
        let cursor = grid.cursor ?? Position(x: 0, y: 0)
        wmove(window, Int32(min(max(0, cursor.y), max(0, rows - 1))), Int32(min(max(0, cursor.x), max(0, columns - 1))))
        wrefresh(window)
    }

    // MARK: input

    public func nextEvents() -> [TerminalEvent] { nextEvents(wakingAfter: nil) }

    public func nextEvents(wakingAfter milliseconds: Int?) -> [TerminalEvent] {
        // Keys ncurses already holds (the rest of a paste, a queued KEY_RESIZE) come first; only
        // when there are none does the loop sleep in poll.
        var events = drainKeys()
        while events.isEmpty {
            var fds = [pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: signalPipe.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, Int32(clamping: milliseconds ?? -1))
            if ready == 0 { return [.idle] }
            if ready < 0 && errno != EINTR { return [.endOfInput] }
            if fds[1].revents & Int16(POLLIN) != 0 {
                var byte: UInt8 = 0
                while read(signalPipe.read, &byte, 1) == 1 { events.append(.signal(Int32(byte))) }
                if !events.isEmpty { return events }
            }
            // Keys (and a KEY_RESIZE after SIGWINCH interrupted the poll).
            events += drainKeys()
            if !events.isEmpty { events += gatherRest() }
            if events.isEmpty, fds[0].revents & Int16(POLLIN) != 0 {
                // Readable yet nothing to read, twice: the terminal has gone.
                emptyReads += 1
                if emptyReads >= 2 { return [.endOfInput] }
            } else {
                emptyReads = 0
            }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0, events.isEmpty { return [.endOfInput] }
        }
        return events
    }

    /// Keys that follow within the burst gap (the rest of a paste split over several reads) are read
    /// now, so that a burst reaches the typing guard whole and its first key is never acted on alone.
    /// Each wait is one burst gap (10 ms, unnoticeable); a paste still flowing keeps it going, up to
    /// half a second.
    private func gatherRest() -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        let deadline = NcursesTerminal.now() + 500
        while NcursesTerminal.now() < deadline {
            var fd = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
            guard poll(&fd, 1, Int32(NcursesTerminal.gatherGap)) > 0, fd.revents & Int16(POLLIN) != 0 else { break }
            let more = drainKeys()
            if more.isEmpty { break }
            events += more
        }
        return events
    }

    /// How long to wait for more of a burst: the typing guard's burst gap.
    static let gatherGap: Int64 = TypingGuard.Pace().burst

    /// What `get_wch` gave, before escape sequences are grouped, with when it was read
    /// (milliseconds on the monotonic clock; nil in the binding tests' scripted inputs).
    enum Input: Equatable {
        case character(UInt32, at: Int64? = nil)
        case code(Int32, at: Int64? = nil)
        case resize(Size)
    }

    /// Milliseconds on the monotonic clock, which wall-clock changes do not move.
    static func now() -> Int64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000 + Int64(time.tv_nsec) / 1_000_000
    }

    private func drainKeys() -> [TerminalEvent] {
        var inputs: [Input] = []
        var events: [TerminalEvent] = []
        var character: wint_t = 0
        // Everything drained together arrived together; the gaps between drains are what the typing guard reads.
        let at = NcursesTerminal.now()
        while true {
            let result = wget_wch(cnc_stdscr(), &character)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                let code = Int32(character)
                if code == KEY_RESIZE {
                    size = Size(width: Int(cnc_getmaxx()), height: Int(cnc_getmaxy()))
                    inputs.append(.resize(size))
                } else if code == NcursesTerminal.pasteStart {
                    pasting = ""
                } else if code == NcursesTerminal.pasteEnd {
                    if let text = pasting {
                        events += NcursesTerminal.events(inputs)
                        inputs = []
                        events.append(.key(.paste(text), at: at))
                    }
                    pasting = nil
                } else if pasting != nil {
                    // A key inside a paste was an escape sequence in the pasted text: a neutral one
                    // stands in for it, so that cleaning the paste removes and counts it.
                    pasting! += "\u{1B}[0~"
                } else {
                    inputs.append(.code(code, at: at))
                }
            } else if pasting != nil {
                if let scalar = Unicode.Scalar(UInt32(character)) { pasting!.unicodeScalars.append(scalar) }
            } else {
                inputs.append(.character(UInt32(character), at: at))
            }
        }
        return events + NcursesTerminal.events(inputs)
    }

    /// Inputs as events. An Esc that arrived with more characters behind it (faster than any
    /// hand, within the 25 ms ncurses waits) is an escape sequence that matched no key: it comes
    /// back whole as pasted text, to be cleaned, never as Esc followed by letters; Alt-Enter is a
    /// new line.
    static func events(_ inputs: [Input]) -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var i = 0
        func character(_ index: Int) -> UInt32? {
            guard index < inputs.count, case .character(let c, _) = inputs[index] else { return nil }
            return c
        }
        while i < inputs.count {
            switch inputs[i] {
            case .resize(let size):
                events.append(.resize(size))
                i += 1
            case .code(let code, let at):
                if let key = key(code: code) { events.append(.key(key, at: at)) }
                i += 1
            case .character(let c, let at):
                // Esc Esc is two presses of Esc (sent together by a fast typist or a script), not a sequence.
                if c == 27, let next = character(i + 1), next != 27 {
                    if next == 13 || next == 10 {
                        events.append(.key(.control("j"), at: at))
                        i += 2
                        continue
                    }
                    let end = endOfSequence(inputs, from: i)
                    var text = ""
                    for index in i..<end { if let scalar = character(index).flatMap(Unicode.Scalar.init) { text.unicodeScalars.append(scalar) } }
                    events.append(.key(.unknown(text), at: at))
                    i = end
                    continue
                }
                if let key = key(character: c) { events.append(.key(key, at: at)) }
                i += 1
            }
        }
        return events
    }

    /// Where an escape sequence starting at `start` ends: CSI up to its final byte, OSC and the
    /// other strings up to BEL or ESC \, an nF sequence up to its final byte, else one character.
    static func endOfSequence(_ inputs: [Input], from start: Int) -> Int {
        func character(_ index: Int) -> UInt32? {
            guard index < inputs.count, case .character(let c, _) = inputs[index] else { return nil }
            return c
        }
        guard let kind = character(start + 1) else { return start + 1 }
        var i = start + 2
        switch kind {
        case 0x5B:
            while let c = character(i), (0x20...0x3F).contains(c) { i += 1 }
            if let c = character(i), (0x40...0x7E).contains(c) { i += 1 }
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:
            while let c = character(i) {
                i += 1
                if c == 7 { break }
                if c == 27, character(i) == 0x5C { i += 1; break }
            }
        case 0x20...0x2F:
            while let c = character(i), (0x20...0x2F).contains(c) { i += 1 }
            if character(i) != nil { i += 1 }
        default:
            break
        }
        return i
    }

    /// A curses key code (`KEY_*`) as a key.
    static func key(code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME, KEY_A1: return .home
        case KEY_END, KEY_C1: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        default:
            for n in 1...12 where code == cnc_key_f(Int32(n)) { return .function(n) }
            let keypad = Int(code - keypadBase)
            if keypadCharacters.indices.contains(keypad) { return .character(keypadCharacters[keypad]) }
            // A key ncurses knows and we do not (Ctrl with an arrow, F13): said to be unknown, by name.
            return .unknown(keyname(code).map { modifiedKeyName(String(cString: $0)) } ?? "key \(code)")
        }
    }

    /// ncurses' names for keys with modifiers (`kUP5`) as people say them (`Ctrl-↑`); others as ncurses names them.
    static func modifiedKeyName(_ name: String) -> String {
        let keys = ["kUP": "↑", "kDN": "↓", "kLFT": "←", "kRIT": "→", "kHOM": "Home", "kEND": "End", "kPRV": "PgUp", "kNXT": "PgDn",
                    "kDC": "Delete", "kIC": "Insert"]
        let modifiers = ["2": "Shift-", "3": "Alt-", "4": "Shift-Alt-", "5": "Ctrl-", "6": "Ctrl-Shift-", "7": "Ctrl-Alt-", "8": "Ctrl-Shift-Alt-"]
        guard let last = name.last, let modifier = modifiers[String(last)], let key = keys[String(name.dropLast())] else { return name }
        return modifier + key
    }

    /// A character from `get_wch` as a key: Enter, Esc, Tab, Backspace, Ctrl-letters, or text.
    static func key(character: UInt32) -> Key? {
        switch character {
        case 13: return .enter
        // Ctrl-J: with nonl() Return arrives as CR, so a line feed is Ctrl-J (a new line in a form).
        case 10: return .control("j")
        case 27: return .escape
        case 9: return .tab
        case 8, 127: return .backspace
        case 1...26: return .control(Character(Unicode.Scalar(character + 96)!))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(character) else { return nil }
            return .character(Character(scalar))
        }
    }
}
