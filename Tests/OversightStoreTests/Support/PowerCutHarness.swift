import OversightDomain
@testable import OversightStore
import OversightTestSupport

/// Runs a workload on a simulated disk, keeping the disk as it was at every sync point (the
/// moments a power cut matters), then cuts the power at each of them under many seeds and opens
/// the store on what is left, checking it against the model.
struct PowerCutHarness {
    /// The disk just before one sync, and what the store had acknowledged and was attempting then.
    struct SyncPoint {
        var disk: SimulatedDisk
        var call: String
        var acknowledged: Int
        var attempting: Int
    }

    final class Progress {
        var acknowledged = 0
        var attempting = 0
    }

    struct Report: CustomStringConvertible {
        var syncPoints = 0
        var states = 0
        var writable = 0
        var readOnly = 0
        /// Recoveries that kept an action the store had not yet acknowledged (allowed: it was durable).
        var keptUnacknowledged = 0
        var tornTailsTrimmed = 0
        var failures: [String] = []

        var description: String {
            "\(syncPoints) sync points, \(states) crash states: \(writable) reopened writable, \(readOnly) read-only, \(tornTailsTrimmed) torn tails trimmed, \(keptUnacknowledged) kept an unacknowledged action, \(failures.count) failures"
        }
    }

    var steps: [WorkloadStep]
    var seeds: Range<UInt64> = 0..<20
    var options: (FileSystem) -> StoreOptions
    /// One recovery in this many (rotating over the seeds) also makes an edit and reopens, to show
    /// that recovery left a working store (every one would double the test's time).
    var followUpEvery: UInt64 = 20

    /// Runs the workload once, collecting every sync point.
    func collect() throws -> (points: [SyncPoint], model: StoreModel) {
        let fs = CrashSimFileSystem(disk: SimulatedStore.disk())
        let progress = Progress()
        var points: [SyncPoint] = []
        fs.onSyncPoint = { disk, call in
            points.append(SyncPoint(disk: disk, call: call, acknowledged: progress.acknowledged, attempting: progress.attempting))
        }
        let runner = try WorkloadRunner(directory: SimulatedStore.directory, model: StoreModel(start: SampleDataset.make()),
                                        fileSystem: fs, options: options)
        runner.onAttempt = { progress.attempting = $0 }
        runner.onAcknowledge = { progress.acknowledged = $0; progress.attempting = $0 }
        for step in steps { try runner.perform(step) }
        // And a power cut after the last step, with nothing in flight.
        points.append(SyncPoint(disk: (runner.fileSystem as! CrashSimFileSystem).disk, call: "after the last step",
                                acknowledged: progress.acknowledged, attempting: progress.acknowledged))
        return (points, runner.model)
    }

    /// Runs every crash state (or, for a negative control, until the first failure).
    func run(stopAtFirstFailure: Bool = false) throws -> Report {
        let (points, model) = try collect()
        var report = Report()
        report.syncPoints = points.count
        for (index, point) in points.enumerated() {
            if stopAtFirstFailure && !report.failures.isEmpty { break }
            for seed in seeds {
                report.states += 1
                let label = "sync point \(index + 1) (\(point.call), acknowledged \(point.acknowledged), attempting \(point.attempting)), seed \(seed)"
                let followUp = seed % followUpEvery == UInt64(index) % followUpEvery
                if let failure = recover(point, seed: seed, followUp: followUp, model: model, report: &report) {
                    report.failures.append("\(label): \(failure)")
                }
            }
        }
        return report
    }

    /// Opens the store on what a power cut at `point` leaves; nil when it holds up.
    func recover(_ point: SyncPoint, seed: UInt64, followUp: Bool, model: StoreModel, report: inout Report) -> String? {
        let fs = CrashSimFileSystem(disk: point.disk.afterPowerCut(seed: seed))
        let store: Store
        do {
            store = try Store.open(SimulatedStore.directory, options: options(fs))
        } catch {
            return "open failed: \(error)"
        }
        if store.notices.contains(where: { $0.contains("cut short") }) { report.tornTailsTrimmed += 1 }
        if let reason = store.readOnlyReason {
            report.readOnly += 1
            return "reopened read-only after a power cut: \(reason.explanation)"
        }
        report.writable += 1
        let seq = store.lastSeq
        if seq < point.acknowledged { return "acknowledged actions lost: the store is at entry \(seq), \(point.acknowledged) was acknowledged" }
        if seq > point.attempting { return "the store is at entry \(seq), beyond anything attempted (\(point.attempting))" }
        if seq > point.acknowledged { report.keptUnacknowledged += 1 }
        guard let state = model.state(at: seq) else { return "the model has no state for entry \(seq)" }
        if let why = StoreComparison.difference(store: store, expected: state, seq: seq) {
            let matches = model.seqs(holding: store.dataset)
            return "\(why) (the data matches the model at entries \(matches.isEmpty ? "none: a half-applied action" : "\(matches)"))"
        }
        guard followUp else {
            store.close(compacting: false)
            return nil
        }
        // Recovery must leave a store that takes edits and keeps them.
        do {
            let next = SampleEdits.fitting(.addNote, number: 9_000 + seq, in: store.dataset)
            try store.commit(next)
            let expected = store.dataset
            store.close()
            let reopened = try Store.open(SimulatedStore.directory, options: options(fs))
            defer { reopened.close(compacting: false) }
            if reopened.dataset != expected || reopened.lastSeq != seq + 1 || reopened.isReadOnly {
                return "after recovery, an edit did not survive a reopen (\(StoreComparison.difference(reopened.dataset, expected) ?? "read-only"))"
            }
        } catch {
            return "after recovery, an edit failed: \(error)"
        }
        return nil
    }
}
