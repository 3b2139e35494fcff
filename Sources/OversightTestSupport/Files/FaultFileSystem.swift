import OversightStore

/// A file system that fails calls on purpose, as SQLite's I/O-error tests do: the n-th call that
/// can fail gets `errno` (once, or that call and every later one). A failed write first lets half
/// its bytes through, as a short write followed by a failing retry would, so that the store's
/// cut-back path runs.
public final class FaultFileSystem: InterposedFileSystem {
    public enum Persistence: String, Sendable, CaseIterable {
        case once
        case persistent
    }

    public let failingCall: Int
    public let errno: Int32
    public let persistence: Persistence
    /// How many calls were made to fail.
    public private(set) var injected = 0
    /// The calls that were made to fail, in order.
    public private(set) var failedCalls: [FileCall] = []
    private var pendingWrite: (handle: Int32, bytes: ArraySlice<UInt8>)?

    public init(base: FileSystem, failingCall: Int, errno: Int32, persistence: Persistence) {
        self.failingCall = failingCall
        self.errno = errno
        self.persistence = persistence
        super.init(base: base)
    }

    /// Whether the n-th call has been reached (so the run went far enough to test it).
    public var reachedFailingCall: Bool { calls >= failingCall }

    override func willCall(_ call: FileCall) throws(IOFailure) {
        let fails = persistence == .once ? calls == failingCall : calls >= failingCall
        guard fails else { return }
        injected += 1
        failedCalls.append(call)
        if call.operation == .write, let pending = pendingWrite, pending.bytes.count > 1 {
            _ = try? base.write(pending.handle, pending.bytes.prefix(pending.bytes.count / 2))
        }
        throw IOFailure(errno: errno, operation: call.operation.rawValue + " (injected)", path: call.path)
    }

    public override func write(_ handle: Int32, _ bytes: ArraySlice<UInt8>) throws(IOFailure) -> Int {
        pendingWrite = (handle, bytes)
        defer { pendingWrite = nil }
        return try super.write(handle, bytes)
    }
}
