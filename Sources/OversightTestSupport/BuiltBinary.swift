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
    }

    /// Runs the binary with arguments, an environment kept away from the real home, and optional stdin.
    public static func run(_ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
                           name: String = "oversight") throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path(name))
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
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
