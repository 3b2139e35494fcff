import Foundation
import OversightDomain

/// Turns a snapshot payload into the bytes of snapshot.json and back.
public enum SnapshotCodec {
    /// Sorted keys make the file deterministic: the same dataset always gives the same bytes.
    static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// The framed file: one frame holding the pretty-printed payload.
    public static func encode(_ payload: SnapshotPayload) throws -> [UInt8] {
        Frame.encode(Array(try encoder(pretty: true).encode(payload)))
    }

    /// The dataset a snapshot file holds, read the way a store reads one (frame, checksum, payload): for
    /// building a new store on another's data (`oversight init --demo` builds on the bundled one).
    public static func dataset(in bytes: [UInt8]) throws(StoreError) -> Dataset {
        switch Store.readSnapshot(bytes) {
        case .success(let decoded):
            var dataset = decoded.value.data
            dataset.normalise()
            return dataset
        case .failure(let failure):
            throw .unreadable("The snapshot is not usable (\(failure)).")
        }
    }
}
