import OversightStore

/// A file system that fails calls on purpose, as SQLite's I/O-error tests do: the n-th call that
/// can fail gets `errno` (once, or that call and every later one). When the n-th call is a write,
/// it fails the way a full disk does: a short write (half the bytes land and the call succeeds),
/// then the write of the rest fails, so that the store's cut-back path runs.
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
    private var shortWriteDone = false
    private var passShortWrite = false
    private var failNextWrite = false
    private var forceFailure = false

    public init(base: FileSystem, failingCall: Int, errno: Int32, persistence: Persistence) {
        self.failingCall = failingCall
        self.errno = errno
        self.persistence = persistence
        super.init(base: base)
    }

    /// Whether the n-th call has been reached (so the run went far enough to test it).
    public var reachedFailingCall: Bool { calls >= failingCall }

    private func failsAt(_ number: Int) -> Bool {
        persistence == .once ? number == failingCall : number >= failingCall
    }

    override func willCall(_ call: FileCall) throws(IOFailure) {
        if passShortWrite { return }
        guard forceFailure || failsAt(calls) else { return }
        injected += 1
        failedCalls.append(call)
        throw IOFailure(errno: errno, operation: call.operation.rawValue + " (injected)", path: call.path)
    }

    public override func write(_ handle: Int32, _ bytes: ArraySlice<UInt8>) throws(IOFailure) -> Int {
        if failNextWrite {
            failNextWrite = false
            forceFailure = true
            defer { forceFailure = false }
            return try super.write(handle, bytes)
        }
        if failsAt(calls + 1), !shortWriteDone, bytes.count > 1 {
            shortWriteDone = true
            passShortWrite = true
            defer { passShortWrite = false }
            let written = try super.write(handle, bytes.prefix(bytes.count / 2))
            failNextWrite = persistence == .once
            return written
        }
        return try super.write(handle, bytes)
    }
}
