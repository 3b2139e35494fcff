import Glibc

/// A child process whose standard output and error come back on a pipe, for the tests that crash,
/// kill or race real processes. Spawned with posix_spawn; every descriptor the parent opens for it
/// is close-on-exec, so children started at the same time by other tests never inherit them.
public final class ChildProcess {
    public let pid: pid_t
    private var output: Int32
    private var pending: [UInt8] = []
    private var reaped: Termination?

    public enum Termination: Equatable, Sendable, CustomStringConvertible {
        case exited(Int32)
        case signalled(Int32)

        public var description: String {
            switch self {
            case .exited(let code): return "exited with \(code)"
            case .signalled(let signal): return "killed by signal \(signal)"
            }
        }
    }

    public struct SpawnFailure: Error, CustomStringConvertible {
        public var errno: Int32
        public var description: String { "could not start the child process (errno \(errno))" }
    }

    public init(_ executable: String, _ arguments: [String]) throws(SpawnFailure) {
        // pipe2 is not visible from Swift; holding one lock from pipe() to the spawn keeps another
        // test's child from inheriting this pipe before it is marked close-on-exec.
        ChildProcess.spawnLock.lock()
        defer { ChildProcess.spawnLock.unlock() }
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw SpawnFailure(errno: errno) }
        _ = fcntl(ends[0], F_SETFD, FD_CLOEXEC)
        _ = fcntl(ends[1], F_SETFD, FD_CLOEXEC)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 2)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child: pid_t = 0
        let result = posix_spawn(&child, executable, &actions, nil, argv, environ)
        close(ends[1])
        guard result == 0 else {
            close(ends[0])
            throw SpawnFailure(errno: result)
        }
        pid = child
        output = ends[0]
    }

    private static let spawnLock = SpawnLock()

    deinit {
        if reaped == nil {
            _ = Glibc.kill(pid, SIGKILL)
            _ = wait()
        }
        if output >= 0 { close(output) }
    }

    /// The next line of output (without its newline), or nil at the end of output.
    public func readLine() -> String? {
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            var chunk = [UInt8](repeating: 0, count: 4_096)
            let count = chunk.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 {
                guard !pending.isEmpty else { return nil }
                let line = String(decoding: pending, as: UTF8.self)
                pending = []
                return line
            }
            pending += chunk[0..<count]
        }
    }

    /// Every remaining line of output, up to the end (when the child and anything it started have exited).
    public func readAllLines() -> [String] {
        var lines: [String] = []
        while let line = readLine() { lines.append(line) }
        return lines
    }

    public func kill(_ signal: Int32) {
        _ = Glibc.kill(pid, signal)
    }

    /// Whether the child has not ended yet (asked without waiting; an ended child is reaped).
    public var isRunning: Bool {
        guard reaped == nil else { return false }
        var status: Int32 = 0
        var result = waitpid(pid, &status, WNOHANG)
        while result < 0 && errno == EINTR { result = waitpid(pid, &status, WNOHANG) }
        guard result == pid else { return result == 0 }
        let signal = status & 0x7F
        reaped = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
        return false
    }

    /// Waits for the child to end and says how.
    @discardableResult
    public func wait() -> Termination {
        if let reaped { return reaped }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        // The wait status: low 7 bits the signal (0 when it exited), next 8 bits the exit code.
        let signal = status & 0x7F
        let result: Termination = signal == 0 ? .exited((status >> 8) & 0xFF) : .signalled(signal)
        reaped = result
        return result
    }
}

/// A plain mutex (the Synchronization module's needs a newer macOS than the package targets).
private final class SpawnLock: @unchecked Sendable {
    private var mutex = pthread_mutex_t()

    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }

    func lock() { pthread_mutex_lock(&mutex) }
    func unlock() { pthread_mutex_unlock(&mutex) }
}
