import Foundation

/// A private temporary directory for one test, removed when the value goes away.
public final class ScratchDirectory {
    public let path: String

    public init(_ label: String = "oversight") {
        let base = FileManager.default.temporaryDirectory.path
        path = base + "/\(label)-\(UUID().uuidString.prefix(8))"
        try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A path inside the directory (not created).
    public func appending(_ name: String) -> String { path + "/" + name }
}
