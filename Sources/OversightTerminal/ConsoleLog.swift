import Foundation
import Glibc

/// Diagnostics while curses owns the screen go to a file, never to stdout or stderr:
/// $XDG_STATE_HOME/oversight/console.log, else ~/.local/state/oversight/console.log.
///
/// It says what happened (what failed, and why), never what the user wrote: no note, rationale
/// or name goes in it. It is private (0600, even if it was created looser before), and written
/// with write(2): a full disk or a file-size limit loses a log line, never the session.
public final class ConsoleLog {
    public let path: String?
    private var fd: Int32 = -1

    public init(path: String? = ConsoleLog.defaultPath()) {
        self.path = path
        guard let path else { return }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        // O_NOFOLLOW: a link in place of the log is not written through.
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            close(fd)
            fd = -1
            return
        }
        if info.st_mode & 0o077 != 0 { _ = fchmod(fd, 0o600) }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// The open log file, for standard error to point at while curses owns the screen.
    public var fileDescriptor: Int32? { fd >= 0 ? fd : nil }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/oversight/console.log" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/oversight/console.log" }
        return nil
    }

    public func write(_ line: String) {
        guard fd >= 0 else { return }
        let stamp = ISO8601DateFormatter().string(from: Date())
        let bytes = Array("\(stamp) [\(getpid())] \(line)\n".utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return }
            written += count
        }
    }
}
