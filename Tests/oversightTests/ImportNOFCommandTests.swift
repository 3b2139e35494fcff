import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// `oversight import nof` as a user runs it, on a store holding the bundled register without the figures
/// the bundled store was built with: what it says it read, one journal entry that undo takes back, a dry
/// run that writes nothing, and bad input that names its file and line and saves nothing.
@Suite("oversight import nof", .enabled(if: PublishedFiles.present, Comment(rawValue: PublishedFiles.missing)))
struct ImportNOFCommandTests {
    let scratch = ScratchDirectory("import-nof")
    var storePath: String { scratch.appending("xdg") + "/oversight/store" }

    /// The bundled register, before the generator imported NHS England's files into it.
    static let register: [UInt8] = {
        let bytes = Array(FileManager.default.contents(atPath: BuiltBinary.packageRoot + "/data/store/snapshot.json")!)
        guard case .success(let payload) = Store.readSnapshot(bytes) else { fatalError("the bundled snapshot does not read") }
        return try! SnapshotCodec.encode(SnapshotPayload(seq: 0, data: PublishedFiles.register(payload.value.data, lacking: PublishedFiles.careTrusts)))
    }()

    init() throws {
        try Store.create(storePath, snapshot: Self.register)
    }

    /// Runs against the default store, made above from the register.
    func oversight(_ arguments: [String]) throws -> BuiltBinary.Result {
        try BuiltBinary.run(arguments, environment: ["XDG_DATA_HOME": scratch.appending("xdg"), "OVERSIGHT_STORE": ""])
    }

    func openStore() throws -> Store {
        try Store.open(storePath, options: SampleStore.options(readOnly: true))
    }

    @Test("a dry run says what each file is and what would change, and saves nothing")
    func dryRun() throws {
        let result = try oversight(["import", "nof", "--dry-run"] + PublishedFiles.all.map(PublishedFiles.path))
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let out = result.stdout
        #expect(out.contains("Read 3 files:"))
        #expect(out.contains("data file; Acute trust; 2025/26 Q1; 134 trusts, 7,265 rows; release nof-2025-26:e7d3d45fa7dd"))
        #expect(out.contains("data file; Mental health and community trust; 2025/26 Q1–2025/26 Q4 (4 quarters); 61 trusts, 8,771 rows"))
        #expect(out.contains("league table; Mental health and community trust; 2025/26 Q4; 61 trusts, 61 rows"))
        #expect(out.contains("TAD  Bradford District Care NHS Foundation Trust (mental health and community, North East and Yorkshire)"))
        #expect(out.contains("Trust types taken from the files for 192 trusts"))
        #expect(out.contains("Figures replaced: none"))
        #expect(out.contains("Dry run: nothing was saved. Without --dry-run this is one journal entry of 576 records."))
        let store = try openStore()
        #expect(store.lastSeq == 0)
        #expect(store.dataset.releases.isEmpty)
    }

    @Test("an import is one entry, named in history, that one undo takes back whole")
    func importAndUndo() throws {
        let imported = try oversight(["import", "nof"] + PublishedFiles.all.map(PublishedFiles.path))
        #expect(imported.status == 0, "stderr: \(imported.stderr)")
        #expect(imported.stdout.contains("Saved: Import published NOF 2025/26 figures:"))
        #expect(imported.stdout.contains("(entry 1)."))
        #expect(imported.stdout.contains("To take it back: oversight undo"))
        do {
            let store = try openStore()
            #expect(store.damage == nil)
            #expect(store.dataset.releases.count == 3)
            #expect(store.dataset.releases.allSatisfy { $0.importedBy != nil && $0.imported != nil })
            #expect(store.dataset.scorecards.filter { $0.published != nil }.count == 378)
            store.close()
        }
        let history = try oversight(["history"])
        #expect(history.stdout.contains("Import published NOF 2025/26 figures"))

        let again = try oversight(["import", "nof", PublishedFiles.path(PublishedFiles.mentalHealthQ1toQ4)])
        #expect(again.status != 0)
        #expect(again.stderr.contains("this file was imported already"))
        #expect(again.stderr.contains("Nothing was imported."))

        let undone = try oversight(["undo"])
        #expect(undone.status == 0, "stderr: \(undone.stderr)")
        #expect(undone.stdout.contains("Undone: Import published NOF 2025/26 figures"))
        let store = try openStore()
        #expect(store.dataset.releases.isEmpty)
        #expect(store.dataset.scorecards.allSatisfy { $0.published == nil })
        #expect(store.dataset.organisation("TAD") == nil, "the trusts it added go with it")
        #expect(store.lastSeq == 2)
    }

    @Test("a bad number stops the import at its file and line, and nothing is saved")
    func badNumber() throws {
        var text = String(decoding: try PublishedFiles.bytes(PublishedFiles.acuteQ1), as: UTF8.self).components(separatedBy: "\r\n")
        var fields = text[99].components(separatedBy: ",")
        fields[fields.count - 5] = "12..5"
        text[99] = fields.joined(separator: ",")
        let path = scratch.appending(PublishedFiles.acuteQ1)
        try Data(text.joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: path))

        let result = try oversight(["import", "nof", path, PublishedFiles.path(PublishedFiles.mentalHealthQ1toQ4)])
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(path):100: Value “12..5”"))
        #expect(result.stderr.contains("Nothing was imported."))
        #expect(result.stdout.isEmpty)
        let store = try openStore()
        #expect(store.lastSeq == 0)
        #expect(store.dataset.releases.isEmpty && store.dataset.organisation("TAD") == nil)
    }

    @Test("a file older than the figures it would replace is refused, and taken with --replace-newer; --quarter is checked")
    func olderRelease() throws {
        #expect(try oversight(["import", "nof", PublishedFiles.path(PublishedFiles.mentalHealthQ1toQ4)]).status == 0)
        let lines = String(decoding: try PublishedFiles.bytes(PublishedFiles.mentalHealthQ1toQ4), as: UTF8.self).components(separatedBy: "\r\n")
        let q1 = lines.enumerated().filter { $0.offset == 0 || $0.element.hasPrefix("Q1 2025/26,") }.map(\.element)
        let path = scratch.appending("nhs-oversight-framework-non-acute-hospital-trust-data-q1-2025-26.csv")
        try Data((q1.joined(separator: "\r\n") + "\r\n").utf8).write(to: URL(fileURLWithPath: path))

        let refused = try oversight(["import", "nof", path])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("would replace figures from a newer release"))
        #expect(refused.stderr.contains("--replace-newer"))

        let badQuarter = try oversight(["import", "nof", path, "--quarter", "Q1"])
        #expect(badQuarter.status != 0 && badQuarter.stderr.contains("--quarter: “Q1” is not a quarter"))

        let taken = try oversight(["import", "nof", path, "--replace-newer"])
        #expect(taken.status == 0, "stderr: \(taken.stderr)")
        #expect(taken.stdout.contains("2025/26 Q1 figures of 61 trusts, from data file \(PublishedFiles.mentalHealthQ1toQ4)"))
        #expect(taken.stdout.contains("--replace-newer"))
        let store = try openStore()
        #expect(store.lastSeq == 2)
        #expect(store.dataset.releases.count == 2)
    }

    /// What a paper quotes is NHS England's figure; the recomputation sits beside it as the check, and every
    /// row where the two differ says why.
    @Test("segment --format csv after the import: NHS England's segment, average score and rank, ours beside them")
    func segmentShowsPublished() throws {
        #expect(try oversight(["import", "nof"] + PublishedFiles.all.map(PublishedFiles.path)).status == 0)
        let result = try oversight(["segment", "--framework", "nof-2025-26", "--period", "2025-26-Q1", "--format", "csv"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let table = try CSVTable.parse(result.stdout, file: "segment.csv", required: ["org_code", "segment", "average_score", "rank"])
        let header = try #require(result.stdout.split(separator: "\n").first)
        for column in ["computed_segment", "computed_average_score", "computed_rank", "agrees", "why_not"] {
            #expect(header.contains(column), "\(column) in \(header)")
        }
        let rows = Dictionary(table.rows.map { ($0["org_code"], $0) }, uniquingKeysWith: { first, _ in first })
        #expect(rows.values.filter { $0["segment"] != "" }.count == 195, "every published trust: 134 acute, 61 mental health and community")
        let nca = try #require(rows["RM3"])
        #expect(nca["segment"] == "4" && nca["rank"] == "116" && nca["ranked_in_group"] == "134")
        #expect(nca["average_score"] == "2.81" && nca["in_deficit"] == "yes")
        let moorfields = try #require(rows["RP6"])
        #expect(moorfields["rank"] == "1" && moorfields["average_score"] == "1.39", "as published")
        #expect(moorfields["computed_average_score"] == "1.40", "ours, from the published values, within the 0.01 NHS England's rounding allows")
        #expect(moorfields["agrees"] == "yes")
        for row in rows.values where row["agrees"] == "no" {
            #expect(!row["why_not"].isEmpty, "\(row["org_code"]): a difference without a cause")
        }
        #expect(rows.values.filter { $0["agrees"] == "no" && $0["computed_segment"] != $0["segment"] }.map { $0["org_code"] } == ["RV3"],
                "the segment differs only for RV3: a metric score ranked without the ambulance trusts takes its average from 2.06 to 2.05, across a cut-point")
    }
}
