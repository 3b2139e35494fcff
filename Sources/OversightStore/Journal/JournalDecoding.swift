import Dispatch
import Foundation

/// Decodes a journal's lines on every core: each line is a document of its own, and decoding is
/// most of what opening a store with a long journal costs. Replay stays in order, on one thread.
enum JournalDecoding {
    /// One result per line, in line order.
    static func decode(_ lines: [JournalScan.Line], of bytes: [UInt8]) -> [Result<PayloadCoding.Decoded<JournalEntry>, any Error>] {
        // A handful of lines is quicker on this thread than handing out.
        guard lines.count > 16 else { return lines.map { line in Result { try PayloadCoding.decodeEntry(bytes[line.payload]) } } }
        let results = ResultSlots(count: lines.count)
        let chunks = min(lines.count, 4 * max(1, ProcessInfo.processInfo.activeProcessorCount))
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            var index = chunk * lines.count / chunks
            let end = (chunk + 1) * lines.count / chunks
            while index < end {
                let line = lines[index]
                results.set(index, Result { try PayloadCoding.decodeEntry(bytes[line.payload]) })
                index += 1
            }
        }
        return results.values
    }

    /// Slots each worker fills at its own indices; no two workers touch the same slot. A raw buffer,
    /// not an array, because an array shared between threads would be one value written concurrently.
    private final class ResultSlots: @unchecked Sendable {
        typealias Slot = Result<PayloadCoding.Decoded<JournalEntry>, any Error>?
        private let slots: UnsafeMutablePointer<Slot>
        private let count: Int

        init(count: Int) {
            self.count = count
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil, count: count)
        }

        deinit {
            slots.deinitialize(count: count)
            slots.deallocate()
        }

        func set(_ index: Int, _ value: Result<PayloadCoding.Decoded<JournalEntry>, any Error>) {
            slots[index] = value
        }

        var values: [Result<PayloadCoding.Decoded<JournalEntry>, any Error>] {
            (0..<count).map { slots[$0]! }
        }
    }
}
