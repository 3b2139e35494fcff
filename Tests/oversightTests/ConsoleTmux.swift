import Foundation
import OversightTestSupport
import Testing

/// The built `oversight` running in a private tmux server at a fixed size: keys in, the screen
/// out by `capture-pane`, polled (never slept on) until what a test waits for appears.
final class ConsoleTmux {
    let socket = "oversight-test-\(UUID().uuidString.prefix(8))"
    let scratch: ScratchDirectory
    /// Where the wrapper writes what happened after the console ended.
    var exitFile: String { scratch.appending("exit.txt") }
    var sttyFile: String { scratch.appending("stty.txt") }
    var pidFile: String { scratch.appending("pid.txt") }
    var logPath: String { scratch.appending("state/oversight/console.log") }

    /// Starts `oversight <arguments>` inside `sh`, which afterwards records the exit status and
    /// `stty -a`, so a test can check that the terminal was given back sane. `wrapper` goes before
    /// the binary (`store-torture exec --fsize N --`, say).
    init(arguments: [String], size: (width: Int, height: Int) = (80, 24), environment: [String: String] = [:],
         scratch: ScratchDirectory, wrapper: [String] = []) throws {
        self.scratch = scratch
        var env = ["TERM": "xterm-256color", "LANG": "C.UTF-8", "TZ": "UTC", "XDG_DATA_HOME": scratch.appending("xdg"),
                   "XDG_STATE_HOME": scratch.appending("state")]
        for (key, value) in environment { env[key] = value }
        let exports = env.sorted { $0.key < $1.key }.map { "\($0.key)=\(ConsoleTmux.quote($0.value))" }.joined(separator: " ")
        let command = (wrapper + [BuiltBinary.path()] + arguments).map(ConsoleTmux.quote).joined(separator: " ")
        let script = """
        sh -c 'echo $$ > \(pidFile); exec env \(exports.replacingOccurrences(of: "'", with: "'\\''")) \
        \(command.replacingOccurrences(of: "'", with: "'\\''"))'; echo "EXIT:$?" > \(exitFile); stty -a > \(sttyFile); sleep 600
        """
        // The server this starts keeps whatever output it inherits open: give it none, or reading would never end.
        try run(["-f", "/dev/null", "new-session", "-d", "-x", String(size.width), "-y", String(size.height), script], capture: false)
        _ = try? tmux("set-option", "-g", "status", "off")
        socketPath = value("#{socket_path}")
    }

    /// The server's socket file, removed after the server is killed so tests leave nothing behind.
    private var socketPath = ""

    deinit { kill() }

    func kill() {
        _ = try? tmux("kill-server")
        if socketPath.hasSuffix(socket) { unlink(socketPath) }
    }

    static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    @discardableResult
    func tmux(_ arguments: String...) throws -> String { try run(arguments) }

    /// Runs tmux with a clean signal mask: a test runner's threads block most signals, and a tmux
    /// server (or console) inheriting that mask never hears SIGCHLD, SIGWINCH or SIGTERM.
    @discardableResult
    func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let argv = ["tmux", "-L", socket] + arguments
        var output: [Int32] = [-1, -1]
        if capture { guard pipe(&output) == 0 else { throw SpawnFailure(errno: errno) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        if capture {
            posix_spawn_file_actions_adddup2(&actions, output[1], 1)
            posix_spawn_file_actions_addclose(&actions, output[0])
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var cArguments = argv.map { strdup($0) } + [nil]
        defer { for pointer in cArguments { free(pointer) } }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, "tmux", &actions, &attributes, &cArguments, environ)
        if capture { close(output[1]) }
        guard spawned == 0 else {
            if capture { close(output[0]) }
            throw SpawnFailure(errno: spawned)
        }
        var data = [UInt8]()
        if capture {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(output[0], &buffer, buffer.count)
                if count <= 0 { break }
                data += buffer[0..<count]
            }
            close(output[0])
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return String(decoding: data, as: UTF8.self)
    }

    struct SpawnFailure: Error { var errno: Int32 }

    /// When the last keys were sent. Separate `send-keys` commands reach the console 2–10 ms apart,
    /// faster than any hand, which the console rightly takes for a paste; so keys go at a person's
    /// pace, at least `keyGap` apart. (`type` sends its text at once, as a paste: into a field that is
    /// text either way.)
    private var lastSent = Date.distantPast
    static let keyGap: TimeInterval = 0.06

    private func paced(_ arguments: [String]) {
        let wait = ConsoleTmux.keyGap - Date().timeIntervalSince(lastSent)
        if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
        _ = try? run(arguments)
        lastSent = Date()
    }

    /// Keys by tmux name: "Enter", "Escape", "F1", "Down", "NPage", one at a person's pace.
    func press(_ keys: String...) { for key in keys { paced(["send-keys", key]) } }
    /// Text sent in one go, as a paste without bracketed paste would arrive.
    func type(_ text: String) { paced(["send-keys", "-l", text]) }
    /// Text typed a key at a time at a person's pace (`gap` apart).
    func typeByHand(_ text: String, gap: TimeInterval = 0.09) {
        for character in text {
            let wait = gap - Date().timeIntervalSince(lastSent)
            if wait > 0 { usleep(useconds_t(wait * 1_000_000)) }
            _ = try? run(["send-keys", "-l", String(character)])
            lastSent = Date()
        }
    }

    /// The pause a person makes after saving before giving a command (the console sets aside keys
    /// that run on from the typing that saved).
    func pauseAfterSave() { usleep(1_200_000) }

    var screen: String { (try? tmux("capture-pane", "-p")) ?? "" }
    var screenWithEscapes: String { (try? tmux("capture-pane", "-p", "-e")) ?? "" }
    var lines: [String] { screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    func value(_ format: String) -> String {
        ((try? tmux("display-message", "-p", format)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    var cursorY: Int? { Int(value("#{cursor_y}")) }

    func resize(width: Int, height: Int) { _ = try? tmux("resize-window", "-x", String(width), "-y", String(height)) }

    /// Polls the screen until `condition` holds (10 s at most); returns the last screen seen.
    @discardableResult
    func waitUntil(_ what: String, timeout: Double = 10, _ condition: (String) -> Bool,
                   sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = screen
            if condition(last) { return last }
            usleep(50_000)
        }
        Issue.record("Timed out waiting for \(what). The screen was:\n\(last)", sourceLocation: sourceLocation)
        return last
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        waitUntil("“\(text)”", timeout: timeout, { $0.contains(text) }, sourceLocation: sourceLocation)
    }

    /// The screen's lines trimmed and joined by spaces, so that a message wrapped over lines reads whole.
    static func flowing(_ screen: String) -> String {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// Waits for text that may be wrapped over several lines (a long status message or question).
    @discardableResult
    func waitForWrapped(_ text: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        ConsoleTmux.flowing(waitUntil("“\(text)” (wrapped)", timeout: timeout, { ConsoleTmux.flowing($0).contains(text) },
                                      sourceLocation: sourceLocation))
    }

    /// What the wrapper recorded once the console ended (status line, `stty -a`).
    func ending(timeout: Double = 10) -> (exit: String, stty: String)? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let exit = try? String(contentsOfFile: exitFile, encoding: .utf8),
               let stty = try? String(contentsOfFile: sttyFile, encoding: .utf8), !stty.isEmpty {
                return (exit.trimmingCharacters(in: .whitespacesAndNewlines), stty)
            }
            usleep(50_000)
        }
        return nil
    }
}
