import Foundation
import OversightDomain

/// How the store turns payload bytes (already checked by their frame's CRC) into values and back.
/// Reading goes through the strict JSON reader, so a field this version does not know (written by a
/// newer oversight, say) is noticed rather than silently dropped on the next save.
/// Journal payloads are compact, one line; the snapshot's is pretty-printed for people reading it.
enum PayloadCoding {
    /// A decoded payload and the fields in it that no type asked for.
    struct Decoded<T> {
        var value: T
        var unknownFields: [JSONProblem]
    }

    /// The whole payload, undo window decoded (for tests and tools that need every byte as values).
    static func decodeSnapshot(_ bytes: ArraySlice<UInt8>) throws -> Decoded<SnapshotPayload> {
        try decode(SnapshotPayload.self, bytes)
    }

    /// The payload as a store opens it: the undo window left as parsed JSON until an undo needs it.
    static func decodeStoredSnapshot(_ bytes: ArraySlice<UInt8>) throws -> Decoded<StoredSnapshot> {
        if let decoded = SnapshotDecoding.streamed(bytes) { return decoded }
        let value = try JSONParser.parse(bytes)
        if let decoded = SnapshotDecoding.parallel(value) { return decoded }
        let (decoded, unknown) = try JSONValueDecoder().decodeReportingUnknownFields(StoredSnapshot.self, from: value)
        return Decoded(value: decoded, unknownFields: unknown)
    }

    static func decodeEntry(_ bytes: ArraySlice<UInt8>) throws -> Decoded<JournalEntry> {
        try decode(JournalEntry.self, bytes)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ bytes: ArraySlice<UInt8>) throws -> Decoded<T> {
        let value = try JSONParser.parse(bytes)
        let (decoded, unknown) = try JSONValueDecoder().decodeReportingUnknownFields(type, from: value)
        return Decoded(value: decoded, unknownFields: unknown)
    }

    static func encodeEntry(_ entry: JournalEntry) throws -> [UInt8] {
        Array(try SnapshotCodec.encoder(pretty: false).encode(entry))
    }

    /// Reads just the schema version, so that a newer store is recognised before its payload is trusted.
    static func schemaVersion(_ bytes: ArraySlice<UInt8>) -> Int? {
        integerMember("schemaVersion", of: bytes)
    }

    static func entryVersion(_ bytes: ArraySlice<UInt8>) -> Int? {
        integerMember("v", of: bytes)
    }

    private static func integerMember(_ key: String, of bytes: ArraySlice<UInt8>) -> Int? {
        guard let value = try? JSONParser.parse(bytes), case .object(let object) = value.content,
              case .number(let number)? = object[key]?.content else { return nil }
        return number.integerValue.map(Int.init)
    }
}

extension Array where Element == JSONProblem {
    /// "unknown field $.data.x (and 2 more)": the start of a read-only reason.
    var summary: String {
        guard let first else { return "" }
        return "\(first.description)" + (count > 1 ? " (and \(count - 1) more)" : "")
    }
}
