import Foundation
import OversightDomain
import OversightStore

/// Writes data/store/snapshot.json in the store's own format, then reads it back the way a store
/// would and checks it holds exactly what was written.
enum StoreWriter {
    static let fileName = "snapshot.json"

    /// Returns the number of bytes written.
    static func write(_ dataset: Dataset, to directory: URL) throws -> Int {
        let bytes = try SnapshotCodec.encode(SnapshotPayload(seq: 0, data: dataset))
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(bytes).write(to: directory.appendingPathComponent(fileName), options: .atomic)
        } catch {
            throw GeneratorError("cannot write \(directory.appendingPathComponent(fileName).path): \(error.localizedDescription)")
        }
        try verify(directory.appendingPathComponent(fileName), holds: dataset)
        return bytes.count
    }

    /// Checks the written directory with the same code as `oversight validate` and `Store.open`,
    /// and compares what a store reads back with what was meant to be written.
    static func verify(_ url: URL, holds dataset: Dataset) throws {
        let directory = url.deletingLastPathComponent().path
        let problems = StoreValidator.validate(directory, checkPermissions: false)
        guard problems.isEmpty else {
            throw GeneratorError("\(url.path) fails validation after writing:\n" + problems.prefix(20).map { "  \($0)" }.joined(separator: "\n"))
        }
        let store: Store
        do {
            store = try Store.open(directory, options: StoreOptions(readOnly: true))
        } catch {
            throw GeneratorError("\(url.path) does not open as a store: \(error)")
        }
        var expected = dataset
        expected.normalise()
        guard store.dataset == expected, store.lastSeq == 0 else {
            throw GeneratorError("\(url.path) reads back differently from what was written")
        }
    }
}
