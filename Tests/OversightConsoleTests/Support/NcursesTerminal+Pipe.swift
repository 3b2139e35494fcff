@preconcurrency import CNcursesw
import Foundation
import OversightConsole
@testable import OversightTerminal

/// The binding tests' terminal: real ncurses, reading keys from a pipe and drawing to /dev/null,
/// with what it drew read back from ncurses' own buffer. Test-only, so it lives with the tests.
extension NcursesTerminal {
    /// For binding tests: ncurses reading keys from a pipe (write escape sequences into `inputFD`)
    /// and drawing to /dev/null at a fixed size; what it drew is read back with `screenLine`.
    static func onPipe(inputFD: Int32, size: Size, options: Options = Options()) throws -> NcursesTerminal {
        setenv("LINES", String(size.height), 1)
        setenv("COLUMNS", String(size.width), 1)
        defer { unsetenv("LINES"); unsetenv("COLUMNS") }
        guard let input = fdopen(inputFD, "r"), let output = fopen("/dev/null", "w") else {
            throw NcursesTerminal.OpenError.cannotStart("could not open the test pipe")
        }
        let terminal = try NcursesTerminal(input: inputFD, inputFile: input, output: output, options: options, log: nil)
        terminal.ownedFiles = [input, output]
        return terminal
    }

    /// What row `y` of the screen holds, read back from ncurses' own buffer (wide characters once).
    /// Room for every column's character and its combining marks: counting one per column cut a
    /// row holding marks short.
    func screenLine(_ y: Int) -> String {
        let room = Int(cnc_getmaxx()) * 6
        var buffer = [wchar_t](repeating: 0, count: room + 1)
        let count = mvwinnwstr(cnc_stdscr(), Int32(y), 0, &buffer, Int32(room))
        guard count > 0 else { return "" }
        return String(String.UnicodeScalarView(buffer.prefix(Int(count)).compactMap { Unicode.Scalar(UInt32(bitPattern: $0)) }))
    }

    /// Changes the size as a window manager would; ncurses queues KEY_RESIZE.
    func resize(to newSize: Size) {
        resizeterm(Int32(newSize.height), Int32(newSize.width))
    }
}
