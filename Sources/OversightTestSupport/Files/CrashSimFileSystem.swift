import OversightStore

/// A file system in memory over a `SimulatedDisk`, so that a test can cut the power at any sync
/// point and open the store on what would be left. It behaves like POSIX for the running program
/// (open handles follow their file across renames, appends go to the end, links share bytes) and
/// keeps what a power cut could lose apart from what it could not.
public final class CrashSimFileSystem: FileSystem {
    public var disk: SimulatedDisk
    /// Called just before each sync (file or directory) with the disk as it is then, and the call:
    /// every sync point is a moment a power cut could strike.
    public var onSyncPoint: ((SimulatedDisk, String) -> Void)?
    /// Called after each append through a handle opened with `openForAppend`, with the path it was opened by.
    public var onAppend: ((String, ArraySlice<UInt8>) -> Void)?

    struct Handle {
        var inode: Int
        var path: String
        var append: Bool
        var position = 0
    }

    private var handles: [Int32: Handle] = [:]
    private var nextHandle: Int32 = 3
    private var locks: Set<String> = []

    public init(disk: SimulatedDisk = SimulatedDisk()) {
        self.disk = disk
    }

    /// Number of handles still open (a leak check for tests).
    public var openHandleCount: Int { handles.count }

    private func failure(_ code: Int32, _ operation: String, _ path: String) -> IOFailure {
        IOFailure(errno: code, operation: operation, path: path)
    }

    private func handle(_ handle: Int32, _ operation: String) throws(IOFailure) -> Handle {
        guard let found = handles[handle] else { throw failure(9, operation, "fd \(handle)") }
        return found
    }

    private func newHandle(_ value: Handle) -> Int32 {
        let id = nextHandle
        nextHandle += 1
        handles[id] = value
        return id
    }

    private func requireParentDirectory(_ path: String, _ operation: String) throws(IOFailure) {
        let parent = SimulatedDisk.parent(of: path)
        guard let inode = disk.inode(at: parent) else { throw failure(2, operation, path) }
        guard inode.isDirectory else { throw failure(20, operation, path) }
    }

    private func bind(_ path: String, to inode: Int) {
        disk.names[path] = inode
        disk.pendingEntries[SimulatedDisk.parent(of: path), default: []].append(.bind(path, inode))
    }

    private func newInode(directory: Bool, mode: UInt32) -> Int {
        let id = disk.nextInode
        disk.nextInode += 1
        disk.inodes[id] = SimulatedDisk.Inode(isDirectory: directory, mode: mode)
        return id
    }

    public func openForAppend(_ path: String, mode: UInt32) throws(IOFailure) -> Int32 {
        if let id = disk.names[path] {
            guard !disk.inodes[id]!.isDirectory else { throw failure(21, "open", path) }
            return newHandle(Handle(inode: id, path: path, append: true))
        }
        try requireParentDirectory(path, "open")
        let id = newInode(directory: false, mode: mode)
        bind(path, to: id)
        return newHandle(Handle(inode: id, path: path, append: true))
    }

    public func createExclusive(_ path: String, mode: UInt32) throws(IOFailure) -> Int32 {
        guard disk.names[path] == nil else { throw failure(17, "create", path) }
        try requireParentDirectory(path, "create")
        let id = newInode(directory: false, mode: mode)
        bind(path, to: id)
        return newHandle(Handle(inode: id, path: path, append: false))
    }

    public func write(_ handle: Int32, _ bytes: ArraySlice<UInt8>) throws(IOFailure) -> Int {
        var open = try self.handle(handle, "write")
        var inode = disk.inodes[open.inode]!
        let offset = open.append ? inode.current.count : open.position
        if inode.current.count < offset { SimulatedDisk.resize(&inode.current, to: offset) }
        let overlap = min(inode.current.count - offset, bytes.count)
        inode.current.replaceSubrange(offset..<(offset + overlap), with: bytes.prefix(overlap))
        inode.current += bytes.dropFirst(overlap)
        inode.pending.append(.write(offset: offset, bytes: Array(bytes)))
        disk.inodes[open.inode] = inode
        open.position = offset + bytes.count
        handles[handle] = open
        if open.append { onAppend?(open.path, bytes) }
        return bytes.count
    }

    private func syncFile(_ handle: Int32, _ operation: String) throws(IOFailure) {
        let open = try self.handle(handle, operation)
        onSyncPoint?(disk, "\(operation) \(open.path)")
        disk.inodes[open.inode]!.durable = disk.inodes[open.inode]!.current
        disk.inodes[open.inode]!.pending = []
    }

    public func dataSync(_ handle: Int32) throws(IOFailure) { try syncFile(handle, "fdatasync") }

    public func sync(_ handle: Int32) throws(IOFailure) { try syncFile(handle, "fsync") }

    public func truncate(_ handle: Int32, to size: Int) throws(IOFailure) {
        let open = try self.handle(handle, "ftruncate")
        SimulatedDisk.resize(&disk.inodes[open.inode]!.current, to: size)
        disk.inodes[open.inode]!.pending.append(.truncate(size))
    }

    public func close(_ handle: Int32) {
        handles[handle] = nil
    }

    public func rename(_ from: String, _ to: String) throws(IOFailure) {
        guard let id = disk.names[from] else { throw failure(2, "rename", from) }
        guard !disk.inodes[id]!.isDirectory else { throw failure(21, "rename", from) }
        try requireParentDirectory(to, "rename")
        if let existing = disk.names[to], disk.inodes[existing]!.isDirectory { throw failure(21, "rename", to) }
        disk.names[to] = id
        disk.names[from] = nil
        let fromParent = SimulatedDisk.parent(of: from)
        let toParent = SimulatedDisk.parent(of: to)
        if fromParent == toParent {
            disk.pendingEntries[toParent, default: []].append(.rename(from, to))
        } else {
            disk.pendingEntries[toParent, default: []].append(.bind(to, id))
            disk.pendingEntries[fromParent, default: []].append(.unbind(from))
        }
    }

    public func link(_ from: String, _ to: String) throws(IOFailure) {
        guard let id = disk.names[from] else { throw failure(2, "link", from) }
        guard !disk.inodes[id]!.isDirectory else { throw failure(1, "link", from) }
        guard disk.names[to] == nil else { throw failure(17, "link", to) }
        try requireParentDirectory(to, "link")
        bind(to, to: id)
    }

    public func remove(_ path: String) throws(IOFailure) {
        guard let id = disk.names[path] else { throw failure(2, "unlink", path) }
        guard !disk.inodes[id]!.isDirectory else { throw failure(21, "unlink", path) }
        disk.names[path] = nil
        disk.pendingEntries[SimulatedDisk.parent(of: path), default: []].append(.unbind(path))
    }

    public func makeDirectory(_ path: String, mode: UInt32) throws(IOFailure) {
        guard disk.names[path] == nil else { throw failure(17, "mkdir", path) }
        try requireParentDirectory(path, "mkdir")
        bind(path, to: newInode(directory: true, mode: mode))
    }

    public func removeDirectory(_ path: String) throws(IOFailure) {
        guard let id = disk.names[path] else { throw failure(2, "rmdir", path) }
        guard disk.inodes[id]!.isDirectory else { throw failure(20, "rmdir", path) }
        guard !disk.names.keys.contains(where: { $0.hasPrefix(path + "/") }) else { throw failure(39, "rmdir", path) }
        disk.names[path] = nil
        disk.pendingEntries[SimulatedDisk.parent(of: path), default: []].append(.unbind(path))
    }

    public func syncDirectory(_ path: String) throws(IOFailure) {
        guard let inode = disk.inode(at: path), inode.isDirectory else { throw failure(2, "open directory", path) }
        onSyncPoint?(disk, "fsync directory \(path)")
        for change in disk.pendingEntries[path] ?? [] {
            switch change {
            case .bind(let name, let id): disk.durableNames[name] = id
            case .unbind(let name): disk.durableNames[name] = nil
            case .rename(let from, let to):
                if let id = disk.durableNames[from] {
                    disk.durableNames[to] = id
                    disk.durableNames[from] = nil
                }
            }
        }
        disk.pendingEntries[path] = nil
    }

    public func read(_ path: String) throws(IOFailure) -> [UInt8]? {
        guard let inode = disk.inode(at: path) else { return nil }
        guard !inode.isDirectory else { throw failure(21, "read", path) }
        return inode.current
    }

    public func readPrefix(_ path: String, count: Int) throws(IOFailure) -> [UInt8]? {
        try read(path).map { Array($0.prefix(count)) }
    }

    public func read(_ path: String, from offset: Int, count: Int) throws(IOFailure) -> [UInt8]? {
        try read(path).map { Array($0.dropFirst(offset).prefix(count)) }
    }

    /// The simulated disk holds only files and directories (never links, FIFOs or devices).
    public func status(_ path: String, followingLinks: Bool) throws(IOFailure) -> FileStatus? {
        guard let id = disk.names[path], let inode = disk.inodes[id] else { return nil }
        return FileStatus(kind: inode.isDirectory ? .directory : .file, size: inode.current.count, mode: inode.mode,
                          owner: 0, identity: [0, UInt64(id)])
    }

    public func list(_ path: String) throws(IOFailure) -> [String] {
        guard let inode = disk.inode(at: path) else { return [] }
        guard inode.isDirectory else { throw failure(20, "opendir", path) }
        let prefix = path == "/" ? "/" : path + "/"
        return disk.names.keys.compactMap { name -> String? in
            guard name.hasPrefix(prefix), name != prefix else { return nil }
            let rest = name.dropFirst(prefix.count)
            return rest.contains("/") ? nil : String(rest)
        }.sorted()
    }

    public func exists(_ path: String) -> Bool { disk.names[path] != nil }

    public func isDirectory(_ path: String) -> Bool { disk.inode(at: path)?.isDirectory == true }

    public func lock(_ path: String) throws(IOFailure) -> LockOutcome {
        if disk.names[path] == nil {
            try requireParentDirectory(path, "open")
            bind(path, to: newInode(directory: false, mode: 0o600))
        }
        return locks.insert(path).inserted ? .acquired : .heldBy(pid: nil)
    }

    public func unlock(_ path: String) {
        locks.remove(path)
    }

    public func mode(_ path: String) -> UInt32? { disk.inode(at: path)?.mode }

    public func setMode(_ path: String, _ mode: UInt32) throws(IOFailure) {
        guard let id = disk.names[path] else { throw failure(2, "chmod", path) }
        disk.inodes[id]!.mode = mode
    }
}
