import Foundation
import OversightDemo
import OversightDomain
import OversightStore
import OversightTestSupport

/// Store benchmarks (store.md T10): commit and undo latency with a real fdatasync, open time with a
/// 10,000-entry journal, compaction time. Budgets: commit p99 ≤ 20 ms, undo p99 ≤ 20 ms, open ≤ 200 ms.
/// Runs on the demonstration store (the national register with a full set of illustrative scorecards,
/// about 4,000: the size a store reaches once a year of figures is in); the bundled store holds only
/// what is published so far.
enum StoreBenchmarks {
    static func run() {
        let (snapshot, source) = startingSnapshot()
        let root = FileManager.default.temporaryDirectory.path + "/oversight-bench-\(getpid())"
        defer { if ProcessInfo.processInfo.environment["OVERSIGHT_BENCH_KEEP"] == nil { try? FileManager.default.removeItem(atPath: root) } }
        print("store: \(source); snapshot \(snapshot.count / 1024) KiB; scratch stores under \(root)")

        commitsAndUndos(snapshot, at: root + "/edits")
        openAndCompact(snapshot, at: root + "/journal")
        openMeetingJournals(snapshot, at: root + "/meetings")
    }

    /// The demonstration store's snapshot, or without the bundled store to build it on, the sample dataset scaled up.
    static func startingSnapshot() -> ([UInt8], String) {
        guard DemoDataset.isAvailable else {
            let data = ScaledDataset.make()
            let bytes = try! SnapshotCodec.encode(SnapshotPayload(seq: 0, data: data))
            return (bytes, "no bundled store here to build the demonstration on; the sample dataset scaled to \(data.scorecards.count) scorecards and \(data.organisations.count) organisations")
        }
        let data = DemoDataset.standard
        return (DemoStore.snapshotBytes(), "demonstration store (seed \(DemoGenerator.defaultSeed)): \(data.scorecards.count) scorecards, \(data.organisations.count) organisations")
    }

    static func options(skipSync: Bool = false) -> StoreOptions {
        StoreOptions(user: "bench", fileSystem: POSIXFileSystem(), clock: SampleStore.tickingClock(), compactAfterEntries: .max,
                     compactAfterBytes: .max, unsafeSkipJournalSync: skipSync)
    }

    /// 1,000 commits of every kind of edit, then 300 undos and 300 redos, each appended and fdatasync'd.
    static func commitsAndUndos(_ snapshot: [UInt8], at path: String) {
        try! Store.create(path, snapshot: snapshot)
        let store = try! Store.open(path, options: options())
        var commit = Measurement("commit (one write + fdatasync)")
        for n in 1...1_000 {
            let edit = BenchmarkEdits.make(n, in: store.dataset)
            commit.time { _ = try! store.commit(edit) }
        }
        var undo = Measurement("undo")
        for _ in 0..<300 { undo.time { _ = try! store.undo() } }
        var redo = Measurement("redo")
        for _ in 0..<300 { redo.time { _ = try! store.redo() } }
        store.close(compacting: false)
        commit.report(budgetP99: 20)
        undo.report(budgetP99: 20)
        redo.report(budgetP99: 20)
    }

    /// A store whose journal holds 10,000 entries (written without fdatasync, to save time: the bytes
    /// are the same), opened cold ten times; then compactions of it.
    static func openAndCompact(_ snapshot: [UInt8], at path: String) {
        try! Store.create(path, snapshot: snapshot)
        try! Store.create(path + "-fresh", snapshot: snapshot)
        let filler = try! Store.open(path, options: options(skipSync: true))
        for n in 1...10_000 {
            switch n % 10 {
            case 7 where filler.canUndo: _ = try! filler.undo()
            case 8 where filler.canRedo: _ = try! filler.redo()
            default: _ = try! filler.commit(BenchmarkEdits.make(n, in: filler.dataset))
            }
        }
        filler.close(compacting: false)
        let journalBytes = (try? POSIXFileSystem().read(path + "/journal.jsonl"))??.count ?? 0

        var fresh = Measurement("open, snapshot only (as installed)")
        for _ in 0..<10 { fresh.time { Store.openAndClose(path + "-fresh", options()) } }
        fresh.report(budgetP99: 200)

        var open = Measurement("open, 10,000-entry journal")
        var entries = 0
        for _ in 0..<10 {
            open.time {
                let store = try! Store.open(path, options: options())
                entries = store.lastSeq
                store.close(compacting: false)
            }
        }
        var compaction = Measurement("compaction (snapshot + undo window)")
        var snapshotOpen = Measurement("open after compaction (with the window)")
        for round in 0..<5 {
            let store = try! Store.open(path, options: options())
            _ = try! store.commit(BenchmarkEdits.make(20_000 + round * 6, in: store.dataset))
            compaction.time { try! store.compact() }
            store.close(compacting: false)
            snapshotOpen.time { Store.openAndClose(path, options()) }
        }
        let seconds = open.percentile(50) / 1000
        print("  journal: \(entries) entries, \(journalBytes / 1024) KiB (\(Int(Double(journalBytes) / 1_048_576 / seconds)) MiB/s opened)")
        open.report(budgetP99: 200)
        let compacted = (try? POSIXFileSystem().read(path + "/snapshot.json"))??.count ?? 0
        print("  after compaction: snapshot.json \(compacted / 1024) KiB (data plus an undo window of up to 1,000 actions)")
        compaction.report()
        snapshotOpen.report(budgetP99: 200)
    }
}

extension StoreBenchmarks {
    /// What a user's open really costs: 10,000 entries of the meeting mix (no imports), and a
    /// journal at the default compaction threshold (2,000 entries or 1 MiB), the largest a store
    /// left to its defaults ever opens, since commits compact past it.
    static func openMeetingJournals(_ snapshot: [UInt8], at path: String) {
        let defaults = StoreOptions()
        // 10,000 entries of the meeting mix; then the full mix (imports too) until the journal is
        // just under either default threshold (its size checked every 100 entries).
        openJournal("open, 10,000 meeting entries (no imports)", snapshot, at: path + "-meetings", imports: false) { n, _ in n < 10_000 }
        openJournal("open at the compaction threshold", snapshot, at: path + "-threshold", imports: true) { n, size in
            n < defaults.compactAfterEntries - 1 && (n % 100 != 0 || size() < defaults.compactAfterBytes - 4_096)
        }
    }

    /// Fills a fresh store while `more(entries so far, journal size)` says so, then opens it ten times.
    static func openJournal(_ label: String, _ snapshot: [UInt8], at directory: String, imports: Bool,
                            while more: (Int, () -> Int) -> Bool) {
        try! Store.create(directory, snapshot: snapshot)
        let filler = try! Store.open(directory, options: options(skipSync: true))
        func journalSize() -> Int { (try? POSIXFileSystem().read(directory + "/journal.jsonl"))??.count ?? 0 }
        var n = 0
        while more(n, journalSize) {
            n += 1
            _ = try! filler.commit(BenchmarkEdits.make(n, in: filler.dataset, imports: imports))
        }
        filler.close(compacting: false)
        var open = Measurement(label)
        for _ in 0..<10 { open.time { Store.openAndClose(directory, options()) } }
        print("  journal: \(n) entries, \(journalSize() / 1024) KiB")
        open.report(budgetP99: 200)
    }
}

extension Store {
    static func openAndClose(_ path: String, _ options: StoreOptions) {
        let store = try! Store.open(path, options: options)
        store.close(compacting: false)
    }
}
