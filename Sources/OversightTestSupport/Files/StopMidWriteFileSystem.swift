import Glibc
import OversightStore

/// A real file system that stops the process half-way through its n-th write to one file: half the
/// bytes reach the file, it reports `stopped <file> <n>`, and it waits, holding everything as it
/// is, until the test kills it (kill -9). So a kill lands mid-line every time it is meant to, not
/// when a random moment happens to fall inside a write.
public final class StopMidWriteFileSystem: InterposedFileSystem {
    /// The file whose writes are counted (the end of its path: "/journal.jsonl").
    public let file: String
    public let stopAt: Int
    private let report: (String) -> Void
    private var writes = 0

    public init(base: FileSystem, file: String, stopAt: Int, report: @escaping (String) -> Void) {
        self.file = file
        self.stopAt = stopAt
        self.report = report
        super.init(base: base)
    }

    public override func write(_ handle: Int32, _ bytes: ArraySlice<UInt8>) throws(IOFailure) -> Int {
        guard path(of: handle).hasSuffix(file) else { return try super.write(handle, bytes) }
        writes += 1
        guard writes == stopAt, bytes.count > 1 else { return try super.write(handle, bytes) }
        _ = try? base.write(handle, bytes.prefix(bytes.count / 2))
        report("stopped \(file) \(writes)")
        while true { pause() }
    }
}
