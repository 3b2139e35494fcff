import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// T3: a power cut at any sync point of a workload with edits of every kind, undos, redos,
/// compactions and a reopen loses no acknowledged action and never leaves one half applied.
@Suite("T3 simulated power loss")
struct PowerCutSlowTests {
    /// store.md's W (40 edits, 10 undos, 5 redos, 2 explicit compactions, 1 reopen), with compaction
    /// also every 4 entries so that the undo window crosses many compactions.
    static func harness(seeds: Range<UInt64>, unsafeInPlaceSnapshot: Bool = false, unsafeSkipJournalSync: Bool = false) -> PowerCutHarness {
        PowerCutHarness(steps: Workloads.standard(), seeds: seeds, options: { fs in
            var options = SimulatedStore.options(fs, compactAfterEntries: 4)
            options.unsafeInPlaceSnapshot = unsafeInPlaceSnapshot
            options.unsafeSkipJournalSync = unsafeSkipJournalSync
            return options
        })
    }

    /// Split by seed so both halves run at once. A torn tail is only what one cut-short write leaves;
    /// where the model's power cut garbles the line being written into something else (random bytes
    /// with a newline in them, a zeroed first sector), the store asks for `repair` instead of cutting,
    /// and the harness answers yes: no acknowledged action may be lost either way.
    @Test("a power cut at every sync point × 20 seeds: recovery opens writable (or, for a garbled unsynced last line, repair makes it so), 0 acknowledged actions lost, 0 half-applied",
          arguments: [0..<10, 10..<20] as [Range<UInt64>])
    func everySyncPoint(seeds: Range<UInt64>) throws {
        let report = try Self.harness(seeds: seeds).run()
        #expect(report.failures.isEmpty, "\(report.failures.count) crash states failed; first: \(report.failures.prefix(5))")
        #expect(report.syncPoints * 20 >= 2_800, "the workload has \(report.syncPoints) sync points; 20 seeds of them must give at least 2,800 crash states")
        #expect(report.tornTailsTrimmed > 0, "some power cuts leave a torn last line, and recovery trims it")
        #expect(report.keptUnacknowledged > 0, "some power cuts keep a durable action whose acknowledgement never came")
        print("T3 seeds \(seeds.lowerBound)–\(seeds.upperBound - 1): \(report)")
    }

    @Test("negative control: an in-place snapshot rewrite is caught")
    func inPlaceSnapshotIsCaught() throws {
        let report = try Self.harness(seeds: 0..<20, unsafeInPlaceSnapshot: true).run(stopAtFirstFailure: true)
        #expect(!report.failures.isEmpty, "the power-cut test must catch a compaction that rewrites snapshot.json in place, or it proves nothing")
        print("T3 negative control (in-place snapshot): caught after \(report.states) crash states: \(report.failures.first ?? "-")")
    }

    @Test("negative control: acknowledging an edit before fdatasync is caught")
    func skippedSyncIsCaught() throws {
        let report = try Self.harness(seeds: 0..<20, unsafeSkipJournalSync: true).run(stopAtFirstFailure: true)
        #expect(report.failures.contains { $0.contains("acknowledged actions lost") },
                "the power-cut test must catch acknowledgements that were never made durable, or it proves nothing")
        print("T3 negative control (no fdatasync): caught after \(report.states) crash states: \(report.failures.first ?? "-")")
    }

    @Test("a power cut while a store is created and first edited loses no acknowledged edit, and never leaves a directory init refuses")
    func duringCreate() throws {
        let fs = CrashSimFileSystem(disk: SimulatedStore.disk(empty: true))
        let progress = PowerCutHarness.Progress()
        var points: [PowerCutHarness.SyncPoint] = []
        fs.onSyncPoint = { disk, call in
            points.append(PowerCutHarness.SyncPoint(disk: disk, call: call, acknowledged: progress.acknowledged, attempting: progress.attempting))
        }
        try Store.create(SimulatedStore.directory, snapshot: SampleStore.snapshotBytes(), fileSystem: fs)
        let runner = try WorkloadRunner(directory: SimulatedStore.directory, model: StoreModel(start: SampleDataset.make()),
                                        fileSystem: fs, options: { SimulatedStore.options($0) })
        runner.onAttempt = { progress.attempting = $0 }
        runner.onAcknowledge = { progress.acknowledged = $0; progress.attempting = $0 }
        for step in Workloads.standard(blocks: 1, editsPerBlock: 3) { try runner.perform(step) }
        points.append(PowerCutHarness.SyncPoint(disk: fs.disk, call: "after the last step", acknowledged: progress.acknowledged,
                                                attempting: progress.acknowledged))

        var failures: [String] = []
        var states = 0
        var restarted = 0
        var repaired = 0
        for (index, point) in points.enumerated() {
            for seed in UInt64(0)..<20 {
                states += 1
                let survivor = CrashSimFileSystem(disk: point.disk.afterPowerCut(seed: seed))
                let label = "sync point \(index + 1) (\(point.call), acknowledged \(point.acknowledged)), seed \(seed)"
                switch PowerCutHarness.openOrRepair(fs: survivor, options: { SimulatedStore.options($0) }, acknowledged: point.acknowledged) {
                case .success(let opened):
                    let store = opened.store
                    let seq = opened.repairedUpTo ?? store.lastSeq
                    if opened.repaired { repaired += 1 }
                    if seq < point.acknowledged { failures.append("\(label): acknowledged edits lost (store at \(seq))") }
                    if let state = runner.model.state(at: seq),
                       let why = opened.repaired ? StoreComparison.difference(store.dataset, state.dataset)
                                                 : StoreComparison.difference(store: store, expected: state, seq: seq) {
                        failures.append("\(label): \(why)")
                    }
                    store.close(compacting: false)
                case .failure(let error):
                    // Nothing saved yet: the user may run init again, and it must work.
                    if point.acknowledged > 0 {
                        failures.append("\(label): the store does not open after \(point.acknowledged) acknowledged edits: \(error)")
                    } else {
                        do {
                            try Store.create(SimulatedStore.directory, snapshot: SampleStore.snapshotBytes(), fileSystem: survivor)
                            restarted += 1
                        } catch {
                            failures.append("\(label): a power cut during init leaves a directory that neither opens nor can be initialised again: \(error)")
                        }
                    }
                }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(states) crash states failed; first: \(failures.prefix(5))")
        print("T3 during init: \(points.count) sync points, \(states) crash states, \(restarted) needed init again (nothing had been saved), \(repaired) asked for repair and were repaired, \(failures.count) failures")
    }

    /// With quarantine/ there (as init makes it) and without (a store copied without its empty folders).
    @Test("a power cut while recovery sets a torn tail aside loses no entry, and the torn bytes always end up in quarantine/",
          arguments: [true, false])
    func duringRecovery(quarantineExists: Bool) throws {
        let fs = CrashSimFileSystem(disk: SimulatedStore.disk())
        let runner = try WorkloadRunner(directory: SimulatedStore.directory, model: StoreModel(start: SampleDataset.make()),
                                        fileSystem: fs, options: { SimulatedStore.options($0) })
        for step in Workloads.standard(blocks: 1, editsPerBlock: 5) where step.isAction { try runner.perform(step) }
        runner.store.close(compacting: false)
        let journalPath = SimulatedStore.directory + "/journal.jsonl"
        let torn = Array(#"{"crc":"0badf00d","len":4000,"rec":{"change":{"records":[{"af"#.utf8)
        var damaged = fs.disk
        damaged.plant(damaged.contents(of: journalPath)! + torn, at: journalPath)
        if !quarantineExists { damaged.removeEmptyDirectory(at: SimulatedStore.directory + "/quarantine") }
        damaged.settle()

        // Recovery, watched: every sync it makes is a moment the power could go.
        let recovering = CrashSimFileSystem(disk: damaged)
        var points: [(SimulatedDisk, String)] = []
        recovering.onSyncPoint = { points.append(($0, $1)) }
        let recovered = try Store.open(SimulatedStore.directory, options: SimulatedStore.options(recovering))
        #expect(recovered.notices.contains { $0.contains("cut short") })
        recovered.close(compacting: false)
        points.append((recovering.disk, "after recovery"))

        var failures: [String] = []
        for (index, (disk, call)) in points.enumerated() {
            for seed in UInt64(0)..<20 {
                let label = "sync point \(index + 1) (\(call)), seed \(seed)"
                let survivor = CrashSimFileSystem(disk: disk.afterPowerCut(seed: seed))
                let store = try Store.open(SimulatedStore.directory, options: SimulatedStore.options(survivor))
                defer { store.close(compacting: false) }
                if let why = StoreComparison.difference(store: store, expected: runner.model.current, seq: runner.model.lastSeq) {
                    failures.append("\(label): \(why)")
                }
                if store.isReadOnly { failures.append("\(label): read-only: \(store.readOnlyReason!.explanation)") }
                let quarantined = survivor.disk.files(under: SimulatedStore.directory + "/quarantine").values
                if !quarantined.contains(torn) { failures.append("\(label): the torn bytes are in no file of quarantine/") }
                if JournalScan(survivor.disk.contents(of: journalPath) ?? []).damage != nil { failures.append("\(label): the journal is still damaged") }
            }
        }
        #expect(points.count >= 4, "recovery syncs the quarantined copy, quarantine/ and the trimmed journal")
        #expect(failures.isEmpty, "\(failures.count) failures; first: \(failures.prefix(3))")
        print("T3 during recovery (quarantine/ \(quarantineExists ? "present" : "absent")): \(points.count) sync points × 20 seeds, \(failures.count) failures")
    }
}
