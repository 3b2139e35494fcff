import Foundation

/// A file the user pointed the importer at: its path as typed (for messages) and its bytes exactly as
/// downloaded (for the sha256 that names the release).
public struct NOFFile: Sendable {
    public var path: String
    public var bytes: [UInt8]

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
    }

    /// The name without its folder, as the release records it.
    public var name: String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }

    /// Reads a file from disk, or says why it cannot be read.
    public static func load(_ path: String) throws(NOFImportError) -> NOFFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw NOFImportError(file: path, "there is no such file; check the path")
        }
        guard !isDirectory.boolValue else {
            throw NOFImportError(file: path, "this is a folder; name the CSV files inside it (for example \(path)/*.csv)")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw NOFImportError(file: path, "the file cannot be read; check its permissions")
        }
        return NOFFile(path: path, bytes: Array(data))
    }
}
