import Foundation

/// Work done on a thread of its own while the caller goes on; `wait` gives its result. For work
/// beside a `ParallelMap` on the caller's side: a `concurrentPerform` inside another (as inside
/// `ParallelMap.both`) runs on one thread, so the two would not share the cores.
final class OwnThread<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the thread before it signals `done`, read only after `wait`.
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        Thread.detachNewThread { [self] in
            result = work()
            done.signal()
        }
    }

    /// Work already done here, where it is too small to be worth a thread.
    init(done value: Value) {
        result = value
        done.signal()
    }

    func wait() -> Value {
        done.wait()
        done.signal()  // a second wait returns at once
        return result!
    }
}
