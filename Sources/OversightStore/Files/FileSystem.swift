/// Every file operation the store makes, behind one protocol, so that tests can crash it at any
/// sync point (an in-memory model of what survives a power cut), fail its n-th call, or kill it.
/// Paths are absolute. Handles are opaque numbers the implementation hands out.
public protocol FileSystem: AnyObject {
    /// Opens an existing file for appending (creating it with `mode` if absent).
    func openForAppend(_ path: String, mode: UInt32) throws(IOFailure) -> Int32
    /// Creates a new file for writing; fails if it exists.
    func createExclusive(_ path: String, mode: UInt32) throws(IOFailure) -> Int32
    /// One write call; may write fewer bytes than given.
    func write(_ handle: Int32, _ bytes: ArraySlice<UInt8>) throws(IOFailure) -> Int
    /// Makes a file's data durable (fdatasync).
    func dataSync(_ handle: Int32) throws(IOFailure)
    /// Makes a file's data and metadata durable (fsync).
    func sync(_ handle: Int32) throws(IOFailure)
    func truncate(_ handle: Int32, to size: Int) throws(IOFailure)
    func close(_ handle: Int32)
    func rename(_ from: String, _ to: String) throws(IOFailure)
    /// A hard link: the new name shares the bytes, so later renames leave them intact.
    func link(_ from: String, _ to: String) throws(IOFailure)
    func remove(_ path: String) throws(IOFailure)
    func makeDirectory(_ path: String, mode: UInt32) throws(IOFailure)
    /// Makes a directory's entries (creates, renames, removals) durable.
    func syncDirectory(_ path: String) throws(IOFailure)
    /// A whole file, or nil when there is none.
    func read(_ path: String) throws(IOFailure) -> [UInt8]?
    /// Names in a directory (not `.` or `..`), sorted; empty when it does not exist.
    func list(_ path: String) throws(IOFailure) -> [String]
    func exists(_ path: String) -> Bool
    func isDirectory(_ path: String) -> Bool
    /// Tries to take the exclusive lock on `path` for this process's lifetime.
    func lock(_ path: String) throws(IOFailure) -> LockOutcome
    /// Gives up a lock this object took (a no-op when it holds none).
    func unlock(_ path: String)
    /// The permission bits of a file or directory.
    func mode(_ path: String) -> UInt32?
    func setMode(_ path: String, _ mode: UInt32) throws(IOFailure)
}

public enum LockOutcome: Equatable, Sendable {
    case acquired
    /// Another process holds it; its pid if it wrote one.
    case heldBy(pid: Int32?)
}

/// A failed system call, with its errno and what the store was doing.
public struct IOFailure: Error, Equatable, Sendable, CustomStringConvertible {
    public var errno: Int32
    public var operation: String
    public var path: String

    public init(errno: Int32, operation: String, path: String) {
        self.errno = errno
        self.operation = operation
        self.path = path
    }

    public var description: String { "\(operation) \(path): \(IOFailure.explain(errno))" }

    /// errno in words a user can act on.
    public static func explain(_ code: Int32) -> String {
        switch code {
        case 28: return "the disk is full (ENOSPC); free some space and try again"
        case 5: return "the disk reported an input/output error (EIO)"
        case 27: return "the file has reached the size limit (EFBIG)"
        case 13: return "permission denied (EACCES)"
        case 1: return "operation not permitted (EPERM)"
        case 2: return "no such file or directory (ENOENT)"
        case 17: return "it already exists (EEXIST)"
        case 30: return "the file system is read-only (EROFS)"
        case 122: return "the disk quota is exceeded (EDQUOT)"
        case 20: return "a part of the path is not a directory (ENOTDIR)"
        case 21: return "it is a directory (EISDIR)"
        default: return "error \(code)"
        }
    }
}
