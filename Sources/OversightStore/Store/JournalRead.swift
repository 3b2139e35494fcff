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

    /// Starts reading `bytes`, on a thread of its own when it is long; `wait` gives the result.
    static func start(_ bytes: [UInt8], maxRecordBytes: Int) -> Pending {
        guard bytes.count >= threadThreshold else { return Pending(done: JournalRead(bytes, maxRecordBytes: maxRecordBytes)) }
        return Pending { JournalRead(bytes, maxRecordBytes: maxRecordBytes) }
    }

    typealias Pending = OwnThread<JournalRead>
}
