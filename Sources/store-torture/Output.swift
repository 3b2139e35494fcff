import Glibc

/// Lines for the parent test, written straight to the descriptor: nothing is buffered, so a line
/// is either wholly in the pipe or was never written when the process dies.
enum Output {
    static func say(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }

    static func fail(_ message: String) -> Never {
        say("failure " + message.replacingNewlines())
        exit(2)
    }
}

extension String {
    func replacingNewlines() -> String { split(separator: "\n", omittingEmptySubsequences: false).joined(separator: " ") }
}
