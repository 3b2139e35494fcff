import Foundation
import Glibc
import OversightDomain

/// The one way the command line writes to a terminal (or a pipe): every string it prints, its own
/// and the argument parser's, goes through `TerminalOutput.clean`, so that no escape sequence or
/// control character from a journal, a user name, a CSV file or an argument reaches the screen.
/// This module's `print` is the gate (it hides the standard library's, so a command written
/// tomorrow is cleaned too), with `printError` for standard error. The console's own gate is the
/// grid (`CellText`); both use the domain's `TextSanitiser`.
enum TerminalOutput {
    /// Text as it may be shown: escape sequences and control characters removed whole (newlines
    /// and tabs kept, as line and column breaks), the same rules the store applies to text typed in.
    static func clean(_ text: String) -> String {
        guard needsCleaning(text) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.split(separator: "\t", omittingEmptySubsequences: false)
                .map { TextSanitiser.clean(String($0), multiline: false).text }
                .joined(separator: "\t")
        }.joined(separator: "\n")
    }

    /// A quick look at the bytes: C0 controls other than tab and newline, DEL, C1 (C2 80…9F) and
    /// the bidirectional overrides (E2 80 AA…AE, E2 81 A6…A9) are what cleaning removes.
    static func needsCleaning(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F { return true }
            if previous.1 == 0xC2, (0x80...0x9F).contains(byte) { return true }
            if previous.0 == 0xE2, previous.1 == 0x80, (0xAA...0xAE).contains(byte) { return true }
            if previous.0 == 0xE2, previous.1 == 0x81, (0xA6...0xA9).contains(byte) { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Writes all of `text` to a descriptor with write(2) (no buffering to lose at exit, and no
    /// Foundation exception when the other end has gone or the file-size limit is reached).
    static func write(_ text: String, to fd: Int32) {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }

    /// The command-line arguments that are not valid UTF-8: Swift would replace their bytes with
    /// U+FFFD without a word, and a note saved so would have lost what was typed.
    static func invalidArguments() -> [(index: Int, shown: String)] {
        var found: [(Int, String)] = []
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
            if String(validating: bytes, as: UTF8.self) == nil {
                found.append((index, String(decoding: bytes, as: UTF8.self)))
            }
        }
        return found
    }
}

/// Prints to standard output, cleaned: the standard library's `print`, through the gate. Every
/// `print` in this module resolves to this one.
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    let text = items.map { String(describing: $0) }.joined(separator: separator)
    TerminalOutput.write(TerminalOutput.clean(text) + terminator, to: STDOUT_FILENO)
}

/// Diagnostics go to stderr so that stdout stays clean for data; cleaned like everything else.
func printError(_ text: String) {
    TerminalOutput.write(TerminalOutput.clean(text) + "\n", to: STDERR_FILENO)
}

/// Asks a yes/no question on standard output and reads the answer; anything but y or yes is no.
func ask(_ question: String) -> Bool {
    print(question + " [y/N] ", terminator: "")
    let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
    return answer == "y" || answer == "yes"
}
