import Dispatch
import Foundation

/// Work split over every core, results back in order: opening a store decodes its journal lines
/// and the snapshot's scorecards this way, since decoding is most of what an open costs.
enum ParallelMap {
    /// Chunks to hand out: a few per core, so that one slow chunk does not leave a core idle.
    static var chunks: Int { 4 * max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `body(0) … body(count - 1)`, run concurrently, in index order.
    static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in slots.set(index, body(index)) }
        return slots.values
    }

    /// `first()` and `second()` run at the same time, on two cores where there are two.
    static func both<A, B>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let a = Slots<A>(count: 1), b = Slots<B>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { a.set(0, first()) } else { b.set(0, second()) }
        }
        return (a.values[0], b.values[0])
    }

    /// Each index's result, written by whichever worker ran it; no two workers touch the same slot,
    /// and the slots are read only after `concurrentPerform` has returned. A raw buffer, not an
    /// array, because an array shared between threads would be one value written concurrently.
    private final class Slots<T>: @unchecked Sendable {
        private let storage: UnsafeMutablePointer<T?>
        private let count: Int

        init(count: Int) {
            self.count = count
            storage = .allocate(capacity: count)
            storage.initialize(repeating: nil, count: count)
        }

        deinit {
            storage.deinitialize(count: count)
            storage.deallocate()
        }

        func set(_ index: Int, _ value: T) { storage[index] = value }

        var values: [T] { (0..<count).map { storage[$0]! } }
    }
}
