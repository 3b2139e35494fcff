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
        switch read(bytes) {
        case .success(let decoded):
            var dataset = decoded.value.data
            dataset.normalise()
            return dataset
        case .failure(let failure):
            throw .unreadable("The snapshot is not usable (\(failure)).")
        }
    }

    /// Why snapshot bytes do not read as a snapshot.
    enum ReadFailure: Error, CustomStringConvertible {
        case frame(Frame.DecodeError)
        case newer(Int)
        case payload(String)

        var description: String {
            switch self {
            case .frame(let error): return error.description
            case .newer(let version): return "store format \(version)"
            case .payload(let why): return why
            }
        }
    }

    /// A snapshot file is exactly one frame and a newline.
    static func read(_ bytes: [UInt8]) -> Result<PayloadCoding.Decoded<StoredSnapshot>, ReadFailure> {
        let range: Range<Int>
        do {
            range = try Frame.wholeFilePayload(bytes)
        } catch {
            return .failure(.frame(error))
        }
        do {
            return .success(try PayloadCoding.decodeStoredSnapshot(bytes[range]))
        } catch {
            if let version = PayloadCoding.schemaVersion(bytes[range]), version > SnapshotPayload.currentSchemaVersion {
                return .failure(.newer(version))
            }
            return .failure(.payload("its checksum is right but its content is not a snapshot: \(error)"))
        }
    }
}
