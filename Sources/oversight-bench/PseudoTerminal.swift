import Foundation
import Glibc

/// A program run on a real pseudo-terminal, as a person's terminal runs it, to time its first
/// frame: from the spawn to the moment its output holds every marker (the console's hint bar,
/// VisiData's first row). util-linux `script` makes the pseudo-terminal (Swift's Glibc does not
/// import posix_openpt), so both programs pay the same small cost of it; the size comes from LINES
/// and COLUMNS, which ncurses and Python's curses both honour.
enum PseudoTerminal {
    struct Run {
        var firstFrameMs: Double?
        var output: String
    }

    static var available: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/script") }

    static func firstFrame(_ argv: [String], environment: [String: String], markers: [String], timeout: Double = 20) -> Run {
        var input: [Int32] = [-1, -1], output: [Int32] = [-1, -1]
        guard pipe(&input) == 0, pipe(&output) == 0 else { return Run(output: "no pipe") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 0)
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, output[1], 2)
        for fd in input + output { posix_spawn_file_actions_addclose(&actions, fd) }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let command = argv.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let cEnvironment = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
        let parts: [String] = ["/usr/bin/script", "-qfec", command, "/dev/null"]
        let cArguments = parts.map { strdup($0) } + [nil]
        defer { (cEnvironment + cArguments).forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, "/usr/bin/script", &actions, nil, cArguments, cEnvironment)
        close(input[0])
        close(output[1])
        // The write end of its input stays open until the end, so the program never reads end-of-input.
        defer { close(input[1]); close(output[0]) }
        guard spawned == 0 else { return Run(output: "could not start script") }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var seen: Double?
        let deadline = start + UInt64(timeout * 1e9)
        while seen == nil, DispatchTime.now().uptimeNanoseconds < deadline {
            var fd = pollfd(fd: output[0], events: Int16(POLLIN), revents: 0)
            guard poll(&fd, 1, 50) > 0 else { continue }
            let count = read(output[0], &buffer, buffer.count)
            if count <= 0 { break }
            bytes += buffer[0..<count]
            // Markers are looked for in the text with the escape sequences taken out (colours split words).
            let text = visible(bytes)
            if markers.allSatisfy({ text.contains($0) }) { seen = Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000 }
        }
        // script passes SIGTERM on to the program it runs, then ends.
        kill(pid, SIGTERM)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        // The program may still be finishing what it does after its first frame (the console reads the
        // rest of the store before it looks at a key or a signal): the next measurement waits for it.
        waitUntilGone(argv)
        return Run(firstFrameMs: seen, output: visible(bytes))
    }

    /// Waits (up to ten seconds) until no process runs with exactly these arguments.
    static func waitUntilGone(_ argv: [String]) {
        let wanted = argv.joined(separator: "\0") + "\0"
        let deadline = DispatchTime.now().uptimeNanoseconds + 10_000_000_000
        while DispatchTime.now().uptimeNanoseconds < deadline {
            let running = ((try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []).contains { entry in
                guard Int(entry) != nil, let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { return false }
                return String(decoding: data, as: UTF8.self) == wanted
            }
            if !running { return }
            usleep(20_000)
        }
    }

    /// The output without CSI and OSC sequences.
    static func visible(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == 0x1B, i + 1 < bytes.count {
                if bytes[i + 1] == UInt8(ascii: "[") {
                    i += 2
                    while i < bytes.count, !(0x40...0x7E).contains(bytes[i]) { i += 1 }
                    i += 1
                    continue
                }
                if bytes[i + 1] == UInt8(ascii: "]") {
                    while i < bytes.count, bytes[i] != 0x07 { i += 1 }
                    i += 1
                    continue
                }
                i += 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
