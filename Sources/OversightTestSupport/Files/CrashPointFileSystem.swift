import Glibc
import OversightStore

/// A file system that ends the process with `_exit(137)` at one chosen call, to test recovery from
/// a real crash at every point: before or after the k-th call that can change the disk, or in the
/// middle of the k-th write (half its bytes written: the torn line a kill during a long write leaves).
/// Before dying it reports where, so that the test can count which steps were crashed.
public final class CrashPointFileSystem: InterposedFileSystem {
    public enum Moment: String, Sendable, CaseIterable {
        case before
        case after
        /// Only writes count: the k-th write is cut in half.
        case midWrite = "mid-write"
    }

    public let crashAt: Int?
    public let moment: Moment
    private let report: (String) -> Void
    private var tracker = CompactionTracker()
    private var writes = 0
    private var armed: CompactionTracker.Step?

    /// `crashAt` nil runs without crashing (the calls are still counted).
    public init(base: FileSystem, crashAt: Int?, moment: Moment, report: @escaping (String) -> Void) {
        self.crashAt = crashAt
        self.moment = moment
        self.report = report
        super.init(base: base)
    }

    private func die(_ call: FileCall, _ step: CompactionTracker.Step) -> Never {
        report("crash \(step.rawValue) \(moment.rawValue) \(call)")
        _exit(137)
    }

    override func willCall(_ call: FileCall) throws(IOFailure) {
        guard call.isMutating else { return }
        let step = tracker.observe(call)
        if call.operation == .write { writes += 1 }
        guard mutatingCalls == crashAt else { return }
        switch moment {
        case .before: die(call, step)
        case .after: armed = step
        case .midWrite: break
        }
    }

    override func didCall(_ call: FileCall) {
        if let step = armed { die(call, step) }
    }

    public override func write(_ handle: Int32, _ bytes: ArraySlice<UInt8>) throws(IOFailure) -> Int {
        if moment == .midWrite, crashAt == writes + 1 {
            // Half the bytes reach the file, then the process dies, as a kill during a long write leaves it.
            let step = tracker.observe(FileCall(.write, path(of: handle)))
            _ = try? base.write(handle, bytes.prefix(max(1, bytes.count / 2)))
            die(FileCall(.write, path(of: handle)), step)
        }
        return try super.write(handle, bytes)
    }
}
