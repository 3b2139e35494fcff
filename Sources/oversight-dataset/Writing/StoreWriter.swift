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

    /// Unframes, decodes and validates the file, and compares it with what was meant to be written.
    static func verify(_ url: URL, holds dataset: Dataset) throws {
        let bytes = [UInt8](try Data(contentsOf: url))
        guard bytes.last == UInt8(ascii: "\n") else { throw GeneratorError("\(url.path) does not end with a newline") }
        let line = bytes[..<(bytes.count - 1)]
        let range: Range<Int>
        do {
            range = try Frame.payloadRange(in: line)
        } catch {
            throw GeneratorError("\(url.path) is not a valid frame: \(error)")
        }
        let payload: SnapshotPayload
        do {
            payload = try JSONDecoder().decode(SnapshotPayload.self, from: Data(bytes[range]))
        } catch {
            throw GeneratorError("\(url.path) does not decode as a snapshot: \(error)")
        }
        let problems = DatasetValidator.problems(in: payload.data)
        guard problems.isEmpty else {
            throw GeneratorError("\(url.path) fails validation after writing:\n" + problems.prefix(20).map { "  \($0)" }.joined(separator: "\n"))
        }
        guard payload.data == dataset, payload.seq == 0, payload.schemaVersion == SnapshotPayload.currentSchemaVersion else {
            throw GeneratorError("\(url.path) reads back differently from what was written")
        }
    }
}
