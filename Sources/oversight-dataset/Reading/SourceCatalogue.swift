import Foundation
import OversightDomain

/// The citations behind the reference data (reference/sources.csv): every other file names its
/// sources by key, and a record's provenance carries the full citation.
struct SourceCatalogue {
    struct Entry {
        let citation: String
        let url: String?

        /// How a record cites it: the words, then the address.
        var text: String { url.map { "\(citation) <\($0)>" } ?? citation }
    }

    let entries: [String: Entry]

    static func read(in directory: URL) throws -> SourceCatalogue {
        let rows = try ReferenceCSV.read("sources.csv", in: directory, columns: ["key", "citation", "url"])
        var entries: [String: Entry] = [:]
        for row in rows {
            let key = try row.required("key")
            guard entries[key] == nil else { throw row.problem("key", "the key \(key) is listed twice") }
            entries[key] = Entry(citation: try row.required("citation"), url: row.optional("url"))
        }
        return SourceCatalogue(entries: entries)
    }

    /// The citation for keys written `a;b`; an unknown key is an error naming where it was used.
    func citation(_ keys: String, usedIn place: String) throws -> String {
        let parts = keys.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard !parts.isEmpty else { throw GeneratorError("\(place): no source given; name one from sources.csv") }
        return try parts.map { key in
            guard let entry = entries[key] else {
                throw GeneratorError("\(place): unknown source “\(key)”; add it to reference/sources.csv or fix the key")
            }
            return entry.text
        }.joined(separator: "; ")
    }

    /// A row's provenance from its `verification`, `source` and `note` columns.
    func provenance(of row: CSVRow, note: String? = nil, verificationColumn: String = "verification") throws -> Provenance {
        let kind = try Self.kind(row.required(verificationColumn), row: row, column: verificationColumn)
        let source = try citation(row.required("source"), usedIn: "\(row.place), column source")
        return Provenance(kind, source: source, note: note ?? row.optional("note"))
    }

    /// `verified` is sourced; `UNVERIFIED` and `third-party` are not confirmed.
    static func kind(_ verification: String, row: CSVRow, column: String) throws -> Provenance.Kind {
        switch verification {
        case "verified": return .sourced
        case "UNVERIFIED", "third-party": return .unverified
        default: throw row.problem(column, "“\(verification)” should be verified, UNVERIFIED or third-party")
        }
    }

    /// Replaces source keys in a hand-written provenance with their citations.
    func resolve(_ provenance: Provenance, usedIn place: String) throws -> Provenance {
        guard let keys = provenance.source else { return provenance }
        var resolved = provenance
        resolved.source = try citation(keys, usedIn: place)
        return resolved
    }
}
