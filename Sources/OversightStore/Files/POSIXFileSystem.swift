import Glibc

/// The real file system: the system calls themselves, no buffering, no Foundation.
/// (Foundation's atomic write skips the directory fsync and picks its own modes.)
public final class POSIXFileSystem: FileSystem {
    public init() {}

    deinit { releaseLocks() }

    private func fail(_ operation: String, _ path: String) -> IOFailure {
        IOFailure(errno: errno, operation: operation, path: path)
    }

    /// The path each open handle was opened by, so that a failed write names the file, not a number.
    private var handlePaths: [Int32: String] = [:]

    private func name(_ handle: Int32) -> String { handlePaths[handle] ?? "fd \(handle)" }

    public func openForAppend(_ path: String, mode: UInt32) throws(IOFailure) -> Int32 {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, mode_t(mode))
        guard fd >= 0 else { throw fail("open", path) }
        handlePaths[fd] = path
        return fd
    }

    public func createExclusive(_ path: String, mode: UInt32) throws(IOFailure) -> Int32 {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode_t(mode))
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

    public func rename(_ from: String, _ to: String) throws(IOFailure) {
        guard Glibc.rename(from, to) == 0 else { throw fail("rename", from) }
    }

    public func link(_ from: String, _ to: String) throws(IOFailure) {
        guard Glibc.link(from, to) == 0 else { throw fail("link", to) }
    }

    public func remove(_ path: String) throws(IOFailure) {
        guard unlink(path) == 0 else { throw fail("unlink", path) }
    }

    public func makeDirectory(_ path: String, mode: UInt32) throws(IOFailure) {
        guard mkdir(path, mode_t(mode)) == 0 else { throw fail("mkdir", path) }
    }

    public func syncDirectory(_ path: String) throws(IOFailure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw fail("open directory", path) }
        defer { _ = Glibc.close(fd) }
        guard fsync(fd) == 0 else { throw fail("fsync directory", path) }
    }

    public func read(_ path: String) throws(IOFailure) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw fail("open", path)
        }
        defer { _ = Glibc.close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw fail("stat", path) }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var total = 0
        while true {
            if total == bytes.count { bytes.append(contentsOf: repeatElement(0, count: 65_536)) }
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(fd, buffer.baseAddress! + total, buffer.count - total)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw fail("read", path)
            }
            if count == 0 { break }
            total += count
        }
        bytes.removeSubrange(total...)
        return bytes
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
        return stat(path, &info) == 0
    }

    public func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// flock, never fcntl locks: closing any descriptor of the file would silently drop an fcntl lock.
    /// The descriptor stays open (and so the lock held) until the process exits; the kernel then releases it.
    public func lock(_ path: String) throws(IOFailure) -> LockOutcome {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw fail("open", path) }
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
        let text = (try? read(path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
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
        guard stat(path, &info) == 0 else { return nil }
        return UInt32(info.st_mode & 0o7777)
    }

    public func setMode(_ path: String, _ mode: UInt32) throws(IOFailure) {
        guard chmod(path, mode_t(mode)) == 0 else { throw fail("chmod", path) }
    }
}
