import BundledData
import Foundation
import OversightDomain
import OversightStore

/// Import benchmark (release build): NHS England's two NOF data files (acute Q1 and mental health and
/// community Q1–Q4, 16,036 rows, 3.8 MB) read and built into one import against the bundled store,
/// and that import committed as one journal entry. Budgets: 2 s for reading and building (issue 10);
/// 1 s for the whole import of a quarter's files, read, built and committed (issue 16).
/// The files are not in the repo: they are read from ../shared/reference/nof-2025-26 beside the clone,
/// or from the folder given after `import`.
enum ImportBenchmarks {
    static let dataFiles = [
        "nhs-oversight-framework-acute-trust-data-q1-2025-26.csv",
        "nhs-oversight-framework-mental-health-and-community-trust-data-q4-2025-26.csv",
    ]

    static func run(folder given: String?) {
        let folder = given ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/reference/nof-2025-26").path
        let paths = dataFiles.map { folder + "/" + $0 }
        guard paths.allSatisfy({ FileManager.default.fileExists(atPath: $0) }) else {
            print("import: skipped, the published NOF files are not in \(folder) (give the folder: oversight-bench import DIR)")
            return
        }
        let (snapshot, source) = StoreBenchmarks.startingSnapshot()
        let root = FileManager.default.temporaryDirectory.path + "/oversight-bench-import-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try! Store.create(root + "/store", snapshot: snapshot)
        let store = try! Store.open(root + "/store", options: StoreBenchmarks.options())
        print("import: \(source); files from \(folder)")

        var build = Measurement("import: read + build, 2 data files")
        var plan: NOFImportPlan?
        for _ in 0..<9 {
            build.time {
                let files = paths.map { try! NOFFile.load($0) }
                plan = try! NOFImporter.plan(files, into: store.dataset, options: NOFImportOptions(importedBy: "bench"))
            }
        }
        build.report(budgetP99: 2_000)
        guard let plan else { return }
        let rows = plan.files.reduce(0) { $0 + $1.release.rows }
        print("  \(rows) rows, \(plan.batch.scorecards.count) trust-quarters, \(plan.added.count) trusts added")

        var commit = Measurement("import: commit as one journal entry")
        commit.time { _ = try! store.commit(plan.edit) }
        commit.report()
        // Issue 16's goal: the whole import, as a user waits for it (the slowest read and build, and the commit).
        let whole = build.percentile(99) + commit.percentile(99)
        print(String(format: "  whole import (read + build p99, commit): %.0f ms: %@ the 1 s goal", whole, whole <= 1_000 ? "within" : "OVER"))
        let journal = root + "/store/journal.jsonl"
        func size() -> Int { (try? FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int) ?? 0 }
        let first = size()
        print("  journal entry \(first / 1024) KiB (limit \(StoreOptions().maxEntryBytes / 1024) KiB)")

        // A re-issue of both files (a `-v2`: here the same rows with one more line end, so a new release)
        // replaces every figure: the entry then holds every scorecard twice, before and after.
        let reissued = paths.map { path in
            var file = try! NOFFile.load(path)
            file.bytes += Array("\r\n".utf8)
            file.path = path.replacingOccurrences(of: ".csv", with: "-v2.csv")
            return file
        }
        let again = try! NOFImporter.plan(reissued, into: store.dataset, options: NOFImportOptions(importedBy: "bench"))
        do {
            try store.commit(again.edit)
            print("  re-issue of both files, with before-images: journal entry \((size() - first) / 1024) KiB")
        } catch {
            print("  re-issue of both files, with before-images: \(error)")
        }
        store.close()
    }
}
