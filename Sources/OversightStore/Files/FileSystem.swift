/// Every file operation the store makes, behind one protocol, so that tests can crash it at any
/// sync point (an in-memory model of what survives a power cut), fail its n-th call, or kill it.
/// Paths are absolute. Handles are opaque numbers the implementation hands out.
///
/// No call follows a symbolic link in the last part of a path, and no call reads, writes or
/// changes the mode of anything but a plain file (or, for the directory calls, a directory): a
/// link, a FIFO, a device or a socket where the store expects a file is an error that names it.
/// (The store's own directory may be reached through a link the user made; see `isDirectory`.)
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
    /// Removes an empty directory (a failed create takes back the ones it made).
    func removeDirectory(_ path: String) throws(IOFailure)
    /// Makes a directory's entries (creates, renames, removals) durable.
    func syncDirectory(_ path: String) throws(IOFailure)
    /// A whole file, or nil when there is none: at most as many bytes as the file held when it was
    /// opened (a file that grows meanwhile is read as it was).
    func read(_ path: String) throws(IOFailure) -> [UInt8]?
    /// At most the first `count` bytes of a file, or nil when there is none (also a check that it can be read).
    func readPrefix(_ path: String, count: Int) throws(IOFailure) -> [UInt8]?
    /// At most `count` bytes of a file from `offset` on (fewer where it ends), or nil when there is
    /// none: a part of a large file, read without holding the rest.
    func read(_ path: String, from offset: Int, count: Int) throws(IOFailure) -> [UInt8]?
    /// What is at `path`, or nil when nothing is. With `followingLinks`, a link is looked through
    /// (only for the store's own directory, which a user may reach through a link they made).
    func status(_ path: String, followingLinks: Bool) throws(IOFailure) -> FileStatus?
    /// Names in a directory (not `.` or `..`), sorted; empty when it does not exist.
    func list(_ path: String) throws(IOFailure) -> [String]
    /// Whether anything is at `path` (a link counts, whatever it points at).
    func exists(_ path: String) -> Bool
    /// Whether `path` is a directory, looking through a link (the store's own directory only).
    func isDirectory(_ path: String) -> Bool
    /// Tries to take the exclusive lock on `path` for this process's lifetime.
    func lock(_ path: String) throws(IOFailure) -> LockOutcome
    /// Gives up a lock this object took (a no-op when it holds none).
    func unlock(_ path: String)
    /// The permission bits of a file or directory (of a link itself, never its target).
    func mode(_ path: String) -> UInt32?
    /// Changes the permission bits of a plain file or a directory; refuses a link or anything else.
    func setMode(_ path: String, _ mode: UInt32) throws(IOFailure)
}

extension FileSystem {
    /// What is at `path` itself (a link is reported as a link).
    public func status(_ path: String) throws(IOFailure) -> FileStatus? { try status(path, followingLinks: false) }
}

/// What kind of thing is at a path, its size, permissions, owner and identity.
public struct FileStatus: Equatable, Sendable {
    public enum Kind: String, Sendable {
        case file, directory, symbolicLink, namedPipe, characterDevice, blockDevice, socket, unknown

        /// In words, with an article: "a symbolic link".
        public var described: String {
            switch self {
            case .file: return "a file"
            case .directory: return "a directory"
            case .symbolicLink: return "a symbolic link"
            case .namedPipe: return "a named pipe (FIFO)"
            case .characterDevice: return "a character device"
            case .blockDevice: return "a block device"
            case .socket: return "a socket"
            case .unknown: return "something that is neither a file nor a directory"
            }
        }
    }

    public var kind: Kind
    public var size: Int
    public var mode: UInt32
    public var owner: UInt32
    /// The device and inode: the same file under whatever name (a rename keeps it; a new file does not).
    public var identity: [UInt64]
    /// A link's target, when it is a link.
    public var linkTarget: String?

    public init(kind: Kind, size: Int, mode: UInt32, owner: UInt32, identity: [UInt64], linkTarget: String? = nil) {
        self.kind = kind
        self.size = size
        self.mode = mode
        self.owner = owner
        self.identity = identity
        self.linkTarget = linkTarget
    }
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
    /// What was found instead of a file, when that is why (a link, a FIFO, a device, a socket).
    public var found: FileStatus.Kind?

    public init(errno: Int32, operation: String, path: String, found: FileStatus.Kind? = nil) {
        self.errno = errno
        self.operation = operation
        self.path = path
        self.found = found
    }

    /// The error for something other than a plain file where one was expected.
    public static func notAFile(_ kind: FileStatus.Kind, operation: String, path: String) -> IOFailure {
        IOFailure(errno: kind == .symbolicLink ? 40 : kind == .directory ? 21 : 22, operation: operation, path: path, found: kind)
    }

    public var description: String {
        if let found {
            return "\(operation) \(path): it is \(found.described), not a file; oversight never \(found == .symbolicLink ? "follows links" : "reads or writes anything but plain files") in a store"
        }
        return "\(operation) \(path): \(IOFailure.explain(errno))"
    }

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
        case 40: return "it is a symbolic link, which oversight does not follow (ELOOP)"
        case 6: return "it is a device or FIFO with nothing on the other end (ENXIO)"
        default: return "error \(code)"
        }
    }
}
