import Foundation
import OversightDomain

/// How the store turns payload bytes (already checked by their frame's CRC) into values and back.
/// Journal payloads are compact, one line; the snapshot's is pretty-printed for people reading it.
enum PayloadCoding {
    static func decodeSnapshot(_ bytes: ArraySlice<UInt8>) throws -> SnapshotPayload {
        try JSONDecoder().decode(SnapshotPayload.self, from: Data(bytes))
    }

    static func decodeEntry(_ bytes: ArraySlice<UInt8>) throws -> JournalEntry {
        try JSONDecoder().decode(JournalEntry.self, from: Data(bytes))
    }

    static func encodeEntry(_ entry: JournalEntry) throws -> [UInt8] {
        Array(try SnapshotCodec.encoder(pretty: false).encode(entry))
    }

    /// Reads just the schema version, so that a newer store is recognised before its payload is trusted.
    static func schemaVersion(_ bytes: ArraySlice<UInt8>) -> Int? {
        struct Version: Decodable { var schemaVersion: Int }
        return try? JSONDecoder().decode(Version.self, from: Data(bytes)).schemaVersion
    }

    static func entryVersion(_ bytes: ArraySlice<UInt8>) -> Int? {
        struct Version: Decodable { var v: Int }
        return try? JSONDecoder().decode(Version.self, from: Data(bytes)).v
    }
}
