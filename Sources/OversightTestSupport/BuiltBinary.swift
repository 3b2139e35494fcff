import Foundation

/// Finds and runs the built `oversight` executable, for end-to-end tests of the command line.
public enum BuiltBinary {
    /// The package root, from this file's place in the source tree.
    public static let packageRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `$OVERSIGHT_BINARY`, else the binary beside the running test bundle, else .build/debug.
    public static func path(_ name: String = "oversight") -> String {
        let env = ProcessInfo.processInfo.environment
        if let override = env["OVERSIGHT_BINARY"], name == "oversight", FileManager.default.isExecutableFile(atPath: override) {
            return override
        }
        var candidates: [String] = []
        if let executable = Bundle.main.executableURL {
            // swift test runs a test runner that lives in the same build directory as the products.
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent(name).path)
        }
        candidates.append(packageRoot + "/.build/debug/" + name)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
    }

    public struct Result {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// How the process ended: `.exit` with `status`, or killed by the signal in `status`.
        public var reason: Process.TerminationReason = .exit
        /// Whether the watchdog had to kill it (it hung).
        public var timedOut = false
    }

    /// Runs the binary with arguments, an environment kept away from the real home, and optional stdin.
    /// `wrapper` runs it through another program (`store-torture exec … --`, to drop privileges or set
    /// a file-size limit); `watchdog` kills it if it has not ended by then: a hang fails the test
    /// instead of stopping the run (it bounds a hang; it measures nothing).
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                           name: String = "oversight", wrapper: [String] = [], watchdog: Double? = nil) throws -> Result {
        let command = wrapper + [path(name)] + arguments
        return try runProgram(command[0], Array(command.dropFirst()), environment: environment, stdin: stdin, watchdog: watchdog)
    }

    /// Runs any program the same way (NO_COLOR, C.UTF-8, UTC, and `environment` on top).
    public static func runProgram(_ executable: String, _ arguments: [String], environment: [String: String] = [:],
                                  stdin: String? = nil, watchdog seconds: Double? = nil) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["LANG"] = "C.UTF-8"
        env["TZ"] = "UTC"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        let watch = Watchdog()
        if let seconds {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + seconds) {
                guard watch.fire() else { return }
                kill(pid, SIGKILL)
            }
        }
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        // Both pipes at once: a child filling one while this waits on the other would never end.
        let errors = PipeReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = errors.wait()
        process.waitUntilExit()
        let timedOut = watch.finish()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self), reason: process.terminationReason, timedOut: timedOut)
    }

    /// Whether the watchdog fired before the process finished.
    private final class Watchdog: @unchecked Sendable {
        private let lock = NSLock()
        private var finished = false
        private var fired = false

        /// True when the watchdog may kill (the process has not finished).
        func fire() -> Bool { lock.withLock { if finished { return false }; fired = true; return true } }
        /// True when the watchdog had fired.
        func finish() -> Bool { lock.withLock { finished = true; return fired } }
    }

    /// Reads a pipe to its end on another thread.
    private final class PipeReader: @unchecked Sendable {
        private var data = Data()
        private let done = DispatchSemaphore(value: 0)

        init(_ handle: FileHandle) {
            DispatchQueue.global().async {
                self.data = handle.readDataToEndOfFile()
                self.done.signal()
            }
        }

        func wait() -> Data {
            done.wait()
            return data
        }
    }
}
