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
        /// States that opened read-only asking for repair (a power cut garbled the unsynced last line
        /// into something one cut-short write cannot leave), and that repair then made whole.
        var repaired = 0
        var failures: [String] = []

        var description: String {
            "\(syncPoints) sync points, \(states) crash states: \(writable) reopened writable, \(readOnly) read-only, \(tornTailsTrimmed) torn tails trimmed, \(repaired) asked for repair and were repaired with nothing acknowledged lost, \(keptUnacknowledged) kept an unacknowledged action, \(failures.count) failures"
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

    /// Opens the store on what a power cut at `point` leaves; nil when it holds up. A store may
    /// open read-only for a damaged journal only where the power cut garbled the one line being
    /// written (a torn tail is only what a crash of one write leaves, so garbage is not cut without
    /// asking): then `repair`, answered yes, must bring back every acknowledged action.
    func recover(_ point: SyncPoint, seed: UInt64, followUp: Bool, model: StoreModel, report: inout Report) -> String? {
        let fs = CrashSimFileSystem(disk: point.disk.afterPowerCut(seed: seed))
        let opened: Opened
        switch PowerCutHarness.openOrRepair(fs: fs, options: options, acknowledged: point.acknowledged) {
        case .failure(let why): return why.description
        case .success(let result): opened = result
        }
        let store = opened.store
        if opened.tornTailTrimmed { report.tornTailsTrimmed += 1 }
        if opened.repaired { report.readOnly += 1; report.repaired += 1 } else { report.writable += 1 }
        let dataSeq = opened.repairedUpTo
        let seq = dataSeq ?? store.lastSeq
        if seq < point.acknowledged { return "acknowledged actions lost: the store holds up to entry \(seq), \(point.acknowledged) was acknowledged" }
        // A repair keeps the numbers of the lines it could not read used (it cannot tell how many
        // entries garbage held), so only a store that was not repaired must stop at the attempt.
        if dataSeq == nil, store.lastSeq > point.attempting { return "the store is at entry \(store.lastSeq), beyond anything attempted (\(point.attempting))" }
        if seq > point.attempting { return "the store holds entry \(seq), beyond anything attempted (\(point.attempting))" }
        if seq > point.acknowledged { report.keptUnacknowledged += 1 }
        guard let state = model.state(at: seq) else { return "the model has no state for entry \(seq)" }
        // After a repair undo starts afresh and the unacknowledged entry's number stays used: only the data must match.
        if let why = dataSeq == nil ? StoreComparison.difference(store: store, expected: state, seq: seq)
                                     : StoreComparison.difference(store.dataset, state.dataset) {
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
            let saved = try store.commit(next)
            let expected = store.dataset
            store.close()
            let reopened = try Store.open(SimulatedStore.directory, options: options(fs))
            defer { reopened.close(compacting: false) }
            if reopened.dataset != expected || reopened.lastSeq != saved.seq || reopened.isReadOnly {
                return "after recovery, an edit did not survive a reopen (\(StoreComparison.difference(reopened.dataset, expected) ?? "read-only"))"
            }
        } catch {
            return "after recovery, an edit failed: \(error)"
        }
        return nil
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A store reopened after a power cut, and how.
    struct Opened {
        var store: Store
        var tornTailTrimmed: Bool
        var repaired: Bool
        /// After a repair: the newest entry whose changes it holds (its own number may be higher).
        var repairedUpTo: Int?
    }

    /// Opens the store a power cut left. If it opens read-only for a damaged journal (the power cut
    /// garbled the line being written), runs `repair` as a person would, answering yes, and checks
    /// that it names no acknowledged entry among those it cannot bring back; then opens it again.
    static func openOrRepair(fs: FileSystem, options: (FileSystem) -> StoreOptions, acknowledged: Int) -> Result<Opened, Failure> {
        let store: Store
        do {
            store = try Store.open(SimulatedStore.directory, options: options(fs))
        } catch {
            return .failure(Failure(description: "open failed: \(error)"))
        }
        let trimmed = store.notices.contains { $0.contains("cut short") }
        guard let reason = store.readOnlyReason else {
            return .success(Opened(store: store, tornTailTrimmed: trimmed, repaired: false, repairedUpTo: nil))
        }
        guard case .damagedJournal(let line, _, _) = reason else {
            return .failure(Failure(description: "reopened read-only after a power cut: \(reason.explanation)"))
        }
        store.close()
        do {
            var repairOptions = options(fs)
            repairOptions.recover = false
            let repairing = try Store.open(SimulatedStore.directory, options: repairOptions)
            var plan = try repairing.planRepair()
            plan.replayLater = true
            if let lost = (plan.lost + plan.notReplayable).first(where: { $0.seq <= acknowledged }) {
                return .failure(Failure(description: "repair of damage at journal line \(line) would lose acknowledged entry \(lost.seq): \(lost.why)"))
            }
            try repairing.repair(plan)
            let baseSeq = plan.steps.compactMap { step -> Int? in
                if case .rebuild(_, let seq) = step { return seq } else { return nil }
            }.first ?? 0
            let upTo = ([baseSeq] + plan.broughtBack + plan.replayable.map(\.seq)).max()!
            let reopened = try Store.open(SimulatedStore.directory, options: options(fs))
            guard reopened.readOnlyReason == nil else {
                return .failure(Failure(description: "still read-only after repair: \(reopened.readOnlyReason!.explanation)"))
            }
            return .success(Opened(store: reopened, tornTailTrimmed: trimmed, repaired: true, repairedUpTo: upTo))
        } catch {
            return .failure(Failure(description: "repair after a power cut failed: \(error)"))
        }
    }
}
