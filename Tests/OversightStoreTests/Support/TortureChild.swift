import Foundation
import OversightTestSupport

/// The `store-torture` child process, built beside the test bundle, and what it said.
enum TortureChild {
    /// The executable: next to the test runner in the build directory (`swift test` builds it,
    /// since the test target depends on it), or $STORE_TORTURE.
    static let path: String = {
        if let override = ProcessInfo.processInfo.environment["STORE_TORTURE"] { return override }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("store-torture").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return "store-torture (not found beside \(CommandLine.arguments[0]); build it with `swift build --product store-torture`)"
    }()

    static func start(_ arguments: [String]) throws -> ChildProcess {
        try ChildProcess(path, arguments)
    }

    /// What one run reported, line by line.
    struct Transcript: CustomStringConvertible {
        var lines: [String]

        func values(_ tag: String) -> [String] {
            lines.filter { $0.hasPrefix(tag + " ") }.map { String($0.dropFirst(tag.count + 1)) }
        }

        var acknowledged: Int? { values("ack").compactMap { Int($0) }.max() }
        var attempted: Int? { values("attempt").compactMap { Int($0) }.max() }
        var crash: String? { values("crash").first }
        var done: String? { values("done").first }
        var failures: [String] { values("failure") }
        var description: String { lines.suffix(6).joined(separator: " | ") }
    }
}
