import BundledData
import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// What the importer's tests share: the bundled store (the register the import lands in), NHS England's
/// files read once, variants of them written the way a user's copy might differ, and a way to compare
/// imports that differ only in the release they name.
enum NOFFixtures {
    /// The bundled store's register and frameworks, without the NOF figures it was built with (what the
    /// generator imports NHS England's files into), and without three care trusts, so that the import has
    /// trusts to add from the files as it would for a new merged trust.
    static let bundled: Dataset = {
        let directory = BundledData.storeDirectory()!
        let bytes = Array(FileManager.default.contents(atPath: directory.appendingPathComponent(StoreLayout.snapshotName).path)!)
        guard case .success(let payload) = Store.readSnapshot(bytes) else { fatalError("the bundled snapshot does not read") }
        return PublishedFiles.register(payload.value.data, lacking: PublishedFiles.careTrusts)
    }()

    static let bundledSnapshot: [UInt8] = try! SnapshotCodec.encode(SnapshotPayload(seq: 0, data: bundled))

    /// A fresh store from the bundled snapshot, in a scratch directory.
    static func store(in scratch: ScratchDirectory, name: String = "store") throws -> Store {
        try Store.create(scratch.appending(name), snapshot: bundledSnapshot)
        return try Store.open(scratch.appending(name), options: SampleStore.options())
    }

    /// A published file as downloaded, named by its path in the shared folder.
    static func file(_ name: String) throws -> NOFFile {
        NOFFile(path: PublishedFiles.path(name), bytes: try PublishedFiles.bytes(name))
    }

    static let when = Timestamp(secondsSince1970: 1_765_000_000)

    static func plan(_ files: [NOFFile], into dataset: Dataset = bundled, quarter: Period? = nil,
                     replaceNewer: Bool = false) throws -> NOFImportPlan {
        try NOFImporter.plan(files, into: dataset, options: NOFImportOptions(
            quarter: quarter, replaceNewer: replaceNewer, importedAt: when, importedBy: "tester"))
    }

    /// The error a plan throws, or nil when it does not.
    static func failure(_ files: [NOFFile], into dataset: Dataset = bundled, quarter: Period? = nil) -> NOFImportError? {
        do {
            _ = try NOFImporter.plan(files, into: dataset, options: NOFImportOptions(quarter: quarter))
            return nil
        } catch {
            return error
        }
    }

    // MARK: variants, as text

    /// The file's records (header first) with its BOM and line ends noted, so a variant can be written back
    /// the same way but for the one thing it changes.
    struct Table {
        var bom: Bool
        var lineEnd: String
        var records: [[String]]

        init(_ bytes: [UInt8]) throws {
            bom = bytes.starts(with: CSVRecords.byteOrderMark)
            lineEnd = bytes.firstIndex(of: UInt8(ascii: "\n")).map { $0 > 0 && bytes[$0 - 1] == UInt8(ascii: "\r") } == true ? "\r\n" : "\n"
            records = try CSVRecords.read(bytes).map(\.fields)
        }

        var bytes: [UInt8] {
            let text = records.map { $0.map(Self.quoted).joined(separator: ",") }.joined(separator: lineEnd) + lineEnd
            return (bom ? CSVRecords.byteOrderMark : []) + Array(text.utf8)
        }

        /// Quoted only where RFC 4180 needs it, as NHS England's files are.
        static func quoted(_ field: String) -> String {
            guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }

        func column(_ name: String) -> Int? { records[0].firstIndex(of: name) }

        mutating func removeColumn(_ name: String) {
            guard let index = column(name) else { return }
            for i in records.indices { records[i].remove(at: index) }
        }

        /// Adds a first column with the same value on every row.
        mutating func insertFirstColumn(_ name: String, value: String) {
            records[0].insert(name, at: 0)
            for i in records.indices.dropFirst() { records[i].insert(value, at: 0) }
        }

        mutating func reverseColumns() {
            for i in records.indices { records[i].reverse() }
        }

        /// Keeps the header and the rows passing `keep`.
        mutating func filterRows(_ keep: ([String]) -> Bool) {
            records = [records[0]] + records.dropFirst().filter(keep)
        }

        mutating func set(row: Int, column name: String, to value: String) {
            records[row][column(name)!] = value
        }

        func value(row: Int, column name: String) -> String { records[row][column(name)!] }
    }

    /// A variant written to its own scratch folder under the original's name, so that the release records
    /// differ only in what the bytes make them differ in.
    static func variant(_ name: String, in scratch: ScratchDirectory, folder: String, _ change: (inout [UInt8]) throws -> Void) throws -> NOFFile {
        var bytes = try PublishedFiles.bytes(name)
        try change(&bytes)
        try FileManager.default.createDirectory(atPath: scratch.appending(folder), withIntermediateDirectories: true)
        let path = scratch.appending(folder) + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return try NOFFile.load(path)
    }

    static func editTable(_ bytes: inout [UInt8], _ change: (inout Table) throws -> Void) throws {
        var table = try Table(bytes)
        try change(&table)
        bytes = table.bytes
    }

    // MARK: comparing

    /// Scorecards with every release id replaced by its position among the import's files, so that two
    /// imports of equivalent files compare equal exactly when they load the same figures.
    static func normalised(_ plan: NOFImportPlan) -> [Scorecard] {
        var names: [ReleaseID: ReleaseID] = [:]
        for (index, release) in plan.batch.releases.enumerated() { names[release.id] = ReleaseID("file-\(index)") }
        return plan.batch.scorecards.map { card in
            var card = card
            if var published = card.published {
                published.release = names[published.release] ?? published.release
                published.earlierReleases = published.earlierReleases.map { names[$0] ?? $0 }
                if var league = published.league {
                    league.release = names[league.release] ?? league.release
                    published.league = league
                }
                card.published = published
            }
            for (id, name) in names { card.provenance.note = card.provenance.note?.replacingOccurrences(of: id.rawValue, with: name.rawValue) }
            return card
        }
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs only where NHS England's files are beside the clone; skips saying which folder is missing.
    static var needsPublishedFiles: Self { .enabled(if: PublishedFiles.present, Comment(rawValue: PublishedFiles.missing)) }
}
