import Foundation
import OversightDomain
import OversightStore

/// How records, entries and summaries become JSON for the server and come back.
///
/// A record is stored as its own JSON (`records.body`: a scorecard, a note…), under its kind, so
/// that the server can put the whole dataset together in one query (`jsonb_agg` per kind) and the
/// client decode it in one go. Everything read back goes through the store's strict JSON reader.
enum RecordRows {
    /// Sorted keys, as the file store writes: the same value always gives the same text.
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func json<T: Encodable>(_ value: T) throws(PostgresFailure) -> String {
        do {
            return String(decoding: try encoder().encode(value), as: UTF8.self)
        } catch {
            throw PostgresFailure(kind: .decoding, message: "could not encode \(T.self): \(error)")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws(PostgresFailure) -> T {
        do {
            let value = try JSONParser.parse(Array(text.utf8))
            return try JSONValueDecoder().decode(type, from: value)
        } catch {
            throw PostgresFailure(kind: .decoding, message: "the server's \(T.self) did not read: \(error)")
        }
    }

    /// The kind part of a record key (`scorecard` of `scorecard:RX1/…`), which names the record's
    /// collection in `Dataset` and its case in `Record`'s JSON.
    static func kind(_ key: RecordKey) -> String {
        String(key.rawValue.prefix(while: { $0 != ":" }))
    }

    /// The region a record belongs to, for row-level security: its organisation's (for a note or
    /// an action about a footprint, the footprint's); nil for what belongs to no region.
    static func region(of record: Record, in dataset: Dataset) -> String? {
        if case .organisation(let organisation) = record { return organisation.region.rawValue }
        switch record.subject {
        case .organisation(let code)?: return dataset.organisation(code)?.region.rawValue
        case .footprint(let id)?: return dataset.footprint(id)?.region.rawValue
        default: return nil
        }
    }

    /// One row for `records`, as the bulk load and the commit send it (`jsonb_to_recordset`).
    struct Row: Encodable {
        var key: String
        var kind: String
        var region: String?
        var record: Record
        var seq: Int
        var by: String?
        var at: Int64?
    }

    static func rows(of dataset: Dataset) -> [Row] {
        var rows: [Row] = []
        func add(_ record: Record) {
            rows.append(Row(key: record.key.rawValue, kind: kind(record.key), region: region(of: record, in: dataset), record: record, seq: 0))
        }
        dataset.organisations.forEach { add(.organisation($0)) }
        dataset.scorecards.forEach { add(.scorecard($0)) }
        dataset.interventions.forEach { add(.intervention($0)) }
        dataset.notes.forEach { add(.note($0)) }
        dataset.actions.forEach { add(.action($0)) }
        dataset.releases.forEach { add(.release($0)) }
        dataset.meetings.forEach { add(.meeting($0)) }
        return rows
    }

    /// What edits never change: the dataset with its record collections emptied.
    static func reference(of dataset: Dataset) -> Dataset {
        Dataset(regions: dataset.regions, footprints: dataset.footprints, frameworks: dataset.frameworks,
                interventionTypes: dataset.interventionTypes)
    }

    /// One row for `journal`.
    struct JournalRow: Encodable {
        var seq: Int
        var id: String?
        var kind: String
        var of: Int?
        var who: String
        var at: Int64
        var summary: HistoryItem
        var entry: JournalEntry?
    }

    /// The dataset's collections as `records` holds them, by kind, for the server to put together.
    static let collections: [(kind: String, field: String)] = [
        ("organisation", "organisations"), ("scorecard", "scorecards"), ("intervention", "interventions"),
        ("note", "notes"), ("action", "actions"), ("release", "releases"), ("meeting", "meetings"),
    ]
}
