import Foundation
import OversightConsole
import OversightDomain

/// A form being filled in when the console had to close (the SSH window shut, the terminal went,
/// a signal), kept so that nothing typed is lost.
public struct Draft: Codable, Sendable {
    public var form: Form
    /// Whose typing it is: another user of the same account and store is not offered it.
    public var user: String
    public var kept: Timestamp

    public init(form: Form, user: String, kept: Timestamp) {
        self.form = form
        self.user = user
        self.kept = kept
    }
}

/// Where drafts are kept: one private file per store in the state directory
/// ($XDG_STATE_HOME/oversight/drafts, else ~/.local/state/oversight/drafts), never in the store,
/// which holds only what was saved. The directory is 0700 and the file 0600 from the moment it is
/// made (it can hold a board's confidential notes), written whole to a scratch file and renamed.
public struct DraftFile: Sendable {
    public let path: String

    /// The draft file of a store, or nil when there is no state directory to keep it in.
    public init?(store directory: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
        let base: String
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            base = state
        } else if let home = environment["HOME"], home.hasPrefix("/") {
            base = home + "/.local/state"
        } else {
            return nil
        }
        path = base + "/oversight/drafts/" + DraftFile.name(for: directory)
    }

    public init(path: String) { self.path = path }

    /// `draft-<hash of the store's path>.json`: a stable name per store that says nothing of its path.
    static func name(for directory: String) -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in URL(fileURLWithPath: directory).standardizedFileURL.path.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return "draft-" + String(hash, radix: 16) + ".json"
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public func save(_ draft: Draft) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(draft)
        let directory = (path as NSString).deletingLastPathComponent
        try makeDirectory(directory)
        let scratch = path + ".tmp"
        unlink(scratch)
        let fd = open(scratch, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw Failure(description: "cannot create \(scratch): \(String(cString: strerror(errno)))") }
        var written = 0
        let ok = data.withUnsafeBytes { bytes -> Bool in
            while written < bytes.count {
                let count = write(fd, bytes.baseAddress! + written, bytes.count - written)
                if count <= 0 { return false }
                written += count
            }
            return fsync(fd) == 0
        }
        close(fd)
        guard ok, rename(scratch, path) == 0 else {
            unlink(scratch)
            throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// The draft kept for this store, if any (one that cannot be read is left where it is, for the user).
    public func load() -> Draft? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return try? JSONDecoder().decode(Draft.self, from: data)
    }

    public func remove() { unlink(path) }

    /// Makes the directories down to `directory`, the last ones private.
    private func makeDirectory(_ directory: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue { return }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                attributes: [.posixPermissions: 0o700])
        chmod(directory, 0o700)
        chmod((directory as NSString).deletingLastPathComponent, 0o700)
    }
}
