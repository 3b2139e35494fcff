import Dispatch
import Foundation

/// Independent pieces of work on every core, results in order: the session works out several
/// periods' segments at once (opening the console needs two, a metric's screen every period).
enum Concurrently {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(body) }
        let results = Results<R>(count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { index in results.set(index, body(items[index])) }
        return results.values
    }

    /// One slot per item, each written by the one worker that ran it and read only after
    /// `concurrentPerform` has returned; the lock keeps the array itself from being written twice at once.
    private final class Results<R: Sendable>: @unchecked Sendable {
        private var slots: [R?]
        private let lock = NSLock()

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: R) {
            lock.lock()
            slots[index] = value
            lock.unlock()
        }

        var values: [R] { slots.map { $0! } }
    }
}
