import Foundation

/// Diagnostics while curses owns the screen go to a file, never to stdout or stderr:
/// $XDG_STATE_HOME/oversight/console.log, else ~/.local/state/oversight/console.log.
public final class ConsoleLog {
    public let path: String?
    private var handle: FileHandle?

    public init(path: String? = ConsoleLog.defaultPath()) {
        self.path = path
        guard let path else { return }
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        handle = FileHandle(forWritingAtPath: path)
        _ = try? handle?.seekToEnd()
    }

    deinit { try? handle?.close() }

    /// The open log file, for standard error to point at while curses owns the screen.
    public var fileDescriptor: Int32? { handle?.fileDescriptor }

    public static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/oversight/console.log" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.local/state/oversight/console.log" }
        return nil
    }

    public func write(_ line: String) {
        guard let handle else { return }
        let stamp = ISO8601DateFormatter().string(from: Date())
        handle.write(Data("\(stamp) [\(getpid())] \(line)\n".utf8))
    }
}
