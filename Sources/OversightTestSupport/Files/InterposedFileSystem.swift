import Glibc
import OversightStore

/// A file system that passes every call on to another one, announcing each call first, so that
/// a subclass can count calls, fail one, or stop the process at one.
public class InterposedFileSystem: FileSystem {
    public let base: FileSystem
    private var handlePaths: [Int32: String] = [:]
    /// Calls that could fail (every call but close, unlock and the queries that cannot), so far.
    public private(set) var calls = 0
    /// Calls that could change the disk, so far (including any that were made to fail).
    public private(set) var mutatingCalls = 0
    /// When set, each write passes on at most this many bytes: the short writes a real disk may
    /// return, which the store must loop on.
    public var maxWriteChunk: Int?
    /// When set, each write then waits this long: a slow disk, so that a kill often lands mid-line.
    public var writeDelayMicroseconds: UInt32 = 0
    private var counts: [FileCall.Operation: Int] = [:]

    /// How many calls of one kind were made.
    public func calls(of operation: FileCall.Operation) -> Int { counts[operation] ?? 0 }

    public init(base: FileSystem) {
        self.base = base
    }

    /// Called before every call that can fail; throwing fails the call without passing it on.
    func willCall(_ call: FileCall) throws(IOFailure) {}
    /// Called after a call has succeeded.
    func didCall(_ call: FileCall) {}

    /// The path a handle was opened by.
    public func path(of handle: Int32) -> String { handlePaths[handle] ?? "fd \(handle)" }

    private func call<T>(_ call: FileCall, _ body: () throws(IOFailure) -> T) throws(IOFailure) -> T {
        calls += 1
        counts[call.operation, default: 0] += 1
        if call.isMutating { mutatingCalls += 1 }
        try willCall(call)
        let result = try body()
        didCall(call)
        return result
    }

    public func openForAppend(_ path: String, mode: UInt32) throws(IOFailure) -> Int32 {
        let handle = try call(FileCall(.openForAppend, path)) { () throws(IOFailure) in try base.openForAppend(path, mode: mode) }
        handlePaths[handle] = path
        return handle
    }

    public func createExclusive(_ path: String, mode: UInt32) throws(IOFailure) -> Int32 {
        let handle = try call(FileCall(.createExclusive, path)) { () throws(IOFailure) in try base.createExclusive(path, mode: mode) }
        handlePaths[handle] = path
        return handle
    }

    public func write(_ handle: Int32, _ bytes: ArraySlice<UInt8>) throws(IOFailure) -> Int {
        let piece = maxWriteChunk.map { bytes.prefix(max(1, $0)) } ?? bytes
        let written = try call(FileCall(.write, path(of: handle))) { () throws(IOFailure) in try base.write(handle, piece) }
        if writeDelayMicroseconds > 0 { usleep(writeDelayMicroseconds) }
        return written
    }

    public func dataSync(_ handle: Int32) throws(IOFailure) {
        try call(FileCall(.dataSync, path(of: handle))) { () throws(IOFailure) in try base.dataSync(handle) }
    }

    public func sync(_ handle: Int32) throws(IOFailure) {
        try call(FileCall(.sync, path(of: handle))) { () throws(IOFailure) in try base.sync(handle) }
    }

    public func truncate(_ handle: Int32, to size: Int) throws(IOFailure) {
        try call(FileCall(.truncate, path(of: handle))) { () throws(IOFailure) in try base.truncate(handle, to: size) }
    }

    public func close(_ handle: Int32) {
        handlePaths[handle] = nil
        base.close(handle)
    }

    public func rename(_ from: String, _ to: String) throws(IOFailure) {
        try call(FileCall(.rename, from, target: to)) { () throws(IOFailure) in try base.rename(from, to) }
    }

    public func link(_ from: String, _ to: String) throws(IOFailure) {
        try call(FileCall(.link, from, target: to)) { () throws(IOFailure) in try base.link(from, to) }
    }

    public func remove(_ path: String) throws(IOFailure) {
        try call(FileCall(.remove, path)) { () throws(IOFailure) in try base.remove(path) }
    }

    public func makeDirectory(_ path: String, mode: UInt32) throws(IOFailure) {
        try call(FileCall(.makeDirectory, path)) { () throws(IOFailure) in try base.makeDirectory(path, mode: mode) }
    }

    public func removeDirectory(_ path: String) throws(IOFailure) {
        try call(FileCall(.removeDirectory, path)) { () throws(IOFailure) in try base.removeDirectory(path) }
    }

    public func syncDirectory(_ path: String) throws(IOFailure) {
        try call(FileCall(.syncDirectory, path)) { () throws(IOFailure) in try base.syncDirectory(path) }
    }

    public func read(_ path: String) throws(IOFailure) -> [UInt8]? {
        try call(FileCall(.read, path)) { () throws(IOFailure) in try base.read(path) }
    }

    public func readPrefix(_ path: String, count: Int) throws(IOFailure) -> [UInt8]? {
        try call(FileCall(.read, path)) { () throws(IOFailure) in try base.readPrefix(path, count: count) }
    }

    public func read(_ path: String, from offset: Int, count: Int) throws(IOFailure) -> [UInt8]? {
        try call(FileCall(.read, path)) { () throws(IOFailure) in try base.read(path, from: offset, count: count) }
    }

    /// A query like `exists`: passed on, not counted (it changes nothing and a test never fails it).
    public func status(_ path: String, followingLinks: Bool) throws(IOFailure) -> FileStatus? {
        try base.status(path, followingLinks: followingLinks)
    }

    public func list(_ path: String) throws(IOFailure) -> [String] {
        try call(FileCall(.list, path)) { () throws(IOFailure) in try base.list(path) }
    }

    public func exists(_ path: String) -> Bool { base.exists(path) }

    public func isDirectory(_ path: String) -> Bool { base.isDirectory(path) }

    public func lock(_ path: String) throws(IOFailure) -> LockOutcome {
        try call(FileCall(.lock, path)) { () throws(IOFailure) in try base.lock(path) }
    }

    public func unlock(_ path: String) { base.unlock(path) }

    public func mode(_ path: String) -> UInt32? { base.mode(path) }

    public func setMode(_ path: String, _ mode: UInt32) throws(IOFailure) {
        try call(FileCall(.setMode, path)) { () throws(IOFailure) in try base.setMode(path, mode) }
    }
}
