import Foundation

/// journal.jsonl as an open reads it: its bytes, their lines, and each line decoded. A long journal
/// is scanned and decoded on a thread of its own while the snapshot is read (`start`), since the
/// two are independent until replay; on a store with a decade of history that was a sixth of the
/// open, after everything else.
struct JournalRead {
    let bytes: [UInt8]
    let scan: JournalScan
    let decoded: [JournalDecoding.Decoded]

    init(_ bytes: [UInt8], maxRecordBytes: Int) {
        self.bytes = bytes
        scan = JournalScan(bytes, maxRecordBytes: maxRecordBytes)
        decoded = JournalDecoding.decode(scan.lines, of: bytes)
    }

    /// Below this a journal is read on the caller's thread: a thread costs more than it saves.
    static let threadThreshold = 64 << 10

    /// Starts reading `bytes`; `wait` gives the result.
    static func start(_ bytes: [UInt8], maxRecordBytes: Int) -> Pending {
        Pending(bytes, maxRecordBytes: maxRecordBytes)
    }

    final class Pending: @unchecked Sendable {
        private let done = DispatchSemaphore(value: 0)
        /// Written once by the reading thread before it signals `done`, read only after `wait`.
        private var result: JournalRead?

        fileprivate init(_ bytes: [UInt8], maxRecordBytes: Int) {
            guard bytes.count >= JournalRead.threadThreshold else {
                result = JournalRead(bytes, maxRecordBytes: maxRecordBytes)
                done.signal()
                return
            }
            // A thread, not `ParallelMap.both`: the snapshot's read spreads over every core through
            // `ParallelMap`, and a `concurrentPerform` inside another runs on one thread.
            Thread.detachNewThread { [self] in
                result = JournalRead(bytes, maxRecordBytes: maxRecordBytes)
                done.signal()
            }
        }

        func wait() -> JournalRead {
            done.wait()
            done.signal()  // a second wait returns at once
            return result!
        }
    }
}
