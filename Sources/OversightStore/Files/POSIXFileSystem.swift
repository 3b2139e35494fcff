import Glibc

/// The real file system: the system calls themselves, no buffering, no Foundation.
/// (Foundation's atomic write skips the directory fsync and picks its own modes.)
///
/// Every file is opened with O_NOFOLLOW (a link in a store is an error, never followed) and
/// O_NONBLOCK (a FIFO cannot hold the open waiting for a writer), and is checked with fstat to be a
/// plain file before a byte is read or written; reads stop at the size fstat gave, so a device such
/// as /dev/zero cannot fill memory. Paths are checked with lstat first, so that a device is not even
/// opened.
public final class POSIXFileSystem: FileSystem {
    public init() {}

    deinit { releaseLocks() }

    private func fail(_ operation: String, _ path: String) -> IOFailure {
        IOFailure(errno: errno, operation: operation, path: path)
    }

    /// The path each open handle was opened by, so that a failed write names the file, not a number.
    private var handlePaths: [Int32: String] = [:]

    private func name(_ handle: Int32) -> String { handlePaths[handle] ?? "fd \(handle)" }

    static func kind(_ mode: mode_t) -> FileStatus.Kind {
        switch mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        case S_IFIFO: return .namedPipe
        case S_IFCHR: return .characterDevice
        case S_IFBLK: return .blockDevice
        case S_IFSOCK: return .socket
        default: return .unknown
        }
    }

    /// Refuses, before opening it, anything at `path` that is not a plain file (nothing there is fine).
    private func requirePlainFileOrNothing(_ path: String, _ operation: String) throws(IOFailure) {
        var info = stat()
        if lstat(path, &info) != 0 {
            if errno == ENOENT { return }
            throw fail(operation, path)
        }
        let kind = POSIXFileSystem.kind(info.st_mode)
        guard kind == .file else { throw .notAFile(kind, operation: operation, path: path) }
    }

    /// Opens a file that must be a plain file, with O_NOFOLLOW and O_NONBLOCK, and checks what was
    /// opened (the path could have changed between the lstat and the open). Returns nil for ENOENT
    /// when `missingIsNil`.
    private func openPlainFile(_ path: String, _ flags: Int32, mode: UInt32 = 0, operation: String) throws(IOFailure) -> Int32 {
        try requirePlainFileOrNothing(path, operation)
        let fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else {
            if errno == ELOOP { throw .notAFile(.symbolicLink, operation: operation, path: path) }
            throw fail(operation, path)
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let failure = fail("stat", path)
            _ = Glibc.close(fd)
            throw failure
        }
        let kind = POSIXFileSystem.kind(info.st_mode)
        guard kind == .file else {
            _ = Glibc.close(fd)
            throw .notAFile(kind, operation: operation, path: path)
        }
        // O_NONBLOCK only mattered for the open; a plain file never blocks, but say so plainly.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    public func openForAppend(_ path: String, mode: UInt32) throws(IOFailure) -> Int32 {
        let fd = try openPlainFile(path, O_WRONLY | O_APPEND | O_CREAT, mode: mode, operation: "open")
        handlePaths[fd] = path
        return fd
    }

    public func createExclusive(_ path: String, mode: UInt32) throws(IOFailure) -> Int32 {
        // O_EXCL never follows a link (an existing name, link or not, is EEXIST).
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw fail("create", path) }
        handlePaths[fd] = path
        return fd
    }

    public func write(_ handle: Int32, _ bytes: ArraySlice<UInt8>) throws(IOFailure) -> Int {
        while true {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(handle, buffer.baseAddress, buffer.count)
            }
            if written >= 0 { return written }
            if errno == EINTR { continue }
            throw fail("write", name(handle))
        }
    }

    public func dataSync(_ handle: Int32) throws(IOFailure) {
        guard fdatasync(handle) == 0 else { throw fail("fdatasync", name(handle)) }
    }

    public func sync(_ handle: Int32) throws(IOFailure) {
        guard fsync(handle) == 0 else { throw fail("fsync", name(handle)) }
    }

    public func truncate(_ handle: Int32, to size: Int) throws(IOFailure) {
        guard ftruncate(handle, off_t(size)) == 0 else { throw fail("ftruncate", name(handle)) }
    }

    public func close(_ handle: Int32) {
        handlePaths[handle] = nil
        _ = Glibc.close(handle)
    }

    /// rename(2) renames a link itself, never its target.
    public func rename(_ from: String, _ to: String) throws(IOFailure) {
        guard Glibc.rename(from, to) == 0 else { throw fail("rename", from) }
    }

    /// link(2) on Linux links a link itself, never its target; the store only links files it checked.
    public func link(_ from: String, _ to: String) throws(IOFailure) {
        guard Glibc.link(from, to) == 0 else { throw fail("link", to) }
    }

    /// unlink(2) removes a link itself, never its target.
    public func remove(_ path: String) throws(IOFailure) {
        guard unlink(path) == 0 else { throw fail("unlink", path) }
    }

    public func makeDirectory(_ path: String, mode: UInt32) throws(IOFailure) {
        guard mkdir(path, mode_t(mode)) == 0 else { throw fail("mkdir", path) }
    }

    public func removeDirectory(_ path: String) throws(IOFailure) {
        guard rmdir(path) == 0 else { throw fail("rmdir", path) }
    }

    public func syncDirectory(_ path: String) throws(IOFailure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw fail("open directory", path) }
        defer { _ = Glibc.close(fd) }
        guard fsync(fd) == 0 else { throw fail("fsync directory", path) }
    }

    public func read(_ path: String) throws(IOFailure) -> [UInt8]? {
        try read(path, limit: nil)
    }

    public func readPrefix(_ path: String, count: Int) throws(IOFailure) -> [UInt8]? {
        try read(path, limit: count)
    }

    public func read(_ path: String, from offset: Int, count: Int) throws(IOFailure) -> [UInt8]? {
        try read(path, from: offset, limit: count)
    }

    /// The file's bytes from `offset` up to the size fstat gave when it was opened (and at most `limit`, if any).
    private func read(_ path: String, from offset: Int = 0, limit: Int?) throws(IOFailure) -> [UInt8]? {
        let fd: Int32
        do {
            fd = try openPlainFile(path, O_RDONLY, operation: "open")
        } catch {
            if error.errno == ENOENT && error.found == nil { return nil }
            throw error
        }
        defer { _ = Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw fail("stat", path) }
        let size = max(0, min(Int(info.st_size) - offset, limit ?? Int.max))
        // Straight into the array's unfilled storage: zeroing it first took a twentieth of the time
        // to open a large snapshot. Only the bytes read are counted as the array's.
        var failure: IOFailure?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
            filled = 0
            while filled < size {
                let count = pread(fd, buffer.baseAddress! + filled, size - filled, off_t(offset + filled))
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = fail("read", path)
                    return
                }
                if count == 0 { break }
                filled += count
            }
        }
        if let failure { throw failure }
        return bytes
    }

    public func status(_ path: String, followingLinks: Bool) throws(IOFailure) -> FileStatus? {
        var info = stat()
        let result = followingLinks ? stat(path, &info) : lstat(path, &info)
        guard result == 0 else {
            if errno == ENOENT { return nil }
            throw fail("stat", path)
        }
        let kind = POSIXFileSystem.kind(info.st_mode)
        var target: String?
        if kind == .symbolicLink {
            var buffer = [CChar](repeating: 0, count: 4_096)
            let count = readlink(path, &buffer, buffer.count - 1)
            if count >= 0 { target = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) }
        }
        return FileStatus(kind: kind, size: Int(info.st_size), mode: UInt32(info.st_mode & 0o7777), owner: UInt32(info.st_uid),
                          identity: [UInt64(info.st_dev), UInt64(info.st_ino)], linkTarget: target)
    }

    public func list(_ path: String) throws(IOFailure) -> [String] {
        guard let dir = opendir(path) else {
            if errno == ENOENT { return [] }
            throw fail("opendir", path)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    public func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    public func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// flock, never fcntl locks: closing any descriptor of the file would silently drop an fcntl lock.
    /// The descriptor stays open (and so the lock held) until the process exits; the kernel then releases it.
    /// LOCK must be a plain file: a link there is refused, never truncated through.
    public func lock(_ path: String) throws(IOFailure) -> LockOutcome {
        let fd = try openPlainFile(path, O_RDWR | O_CREAT, mode: 0o600, operation: "open")
        if flock(fd, LOCK_EX | LOCK_NB) == 0 {
            // Leave our pid in the lock file so a second process can say who holds the store.
            let pid = Array("\(getpid())\n".utf8)
            _ = ftruncate(fd, 0)
            _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
            heldLocks.append((path, fd))
            return .acquired
        }
        let busy = errno == EWOULDBLOCK
        let failure = fail("flock", path)
        _ = Glibc.close(fd)
        guard busy else { throw failure }
        let text = (try? readPrefix(path, count: 32)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return .heldBy(pid: Int32(text.split(separator: "\n").first.map(String.init) ?? ""))
    }

    private var heldLocks: [(path: String, fd: Int32)] = []

    public func unlock(_ path: String) {
        for lock in heldLocks where lock.path == path { _ = Glibc.close(lock.fd) }
        heldLocks.removeAll { $0.path == path }
    }

    /// Releases every lock this object took.
    public func releaseLocks() {
        for lock in heldLocks { _ = Glibc.close(lock.fd) }
        heldLocks.removeAll()
    }

    public func mode(_ path: String) -> UInt32? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode & 0o7777)
    }

    /// chmod(2) follows links; this opens the file or directory itself (O_NOFOLLOW) and changes
    /// what it opened (fchmod), so a link's target is never touched.
    public func setMode(_ path: String, _ mode: UInt32) throws(IOFailure) {
        var info = stat()
        guard lstat(path, &info) == 0 else { throw fail("chmod", path) }
        let kind = POSIXFileSystem.kind(info.st_mode)
        guard kind == .file || kind == .directory else { throw .notAFile(kind, operation: "chmod", path: path) }
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | (kind == .directory ? O_DIRECTORY : 0))
        guard fd >= 0 else { throw fail("chmod", path) }
        defer { _ = Glibc.close(fd) }
        guard fstat(fd, &info) == 0, POSIXFileSystem.kind(info.st_mode) == kind else { throw .notAFile(.unknown, operation: "chmod", path: path) }
        guard fchmod(fd, mode_t(mode)) == 0 else { throw fail("chmod", path) }
    }
}
