import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// T4: a real child process runs workload W on a real directory and `_exit(137)`s before or after
/// its k-th call that can change the disk, or half-way through its k-th write, for every k.
@Suite("T4 real process crash at every mutating call")
struct ProcessCrashSlowTests {
    /// A smaller W than the power-cut test's (15 edits, 6 undos, 3 redos, 1 explicit compaction,
    /// compaction every 10 entries, 1 reopen) so that the ~250 processes fit the time budget.
    static let workload = ["--blocks", "3", "--edits", "5", "--compact-after", "10"]
    static let model: StoreModel = {
        var model = StoreModel(start: SampleDataset.make())
        for step in Workloads.standard(blocks: 3, editsPerBlock: 5) where step.isAction { try! model.perform(step) }
        return model
    }()

    struct Tally: CustomStringConvertible {
        var runs = 0
        var failures: [String] = []
        var tornTails = 0
        var steps: [CompactionTracker.Step: Int] = [:]
        var keptUnacknowledged = 0

        var description: String {
            let crashed = CompactionTracker.Step.allCases.dropFirst().map { "step \($0.rawValue): \(steps[$0] ?? 0)" }
            return "\(runs) crashed runs, \(failures.count) failures, \(tornTails) torn tails trimmed, \(keptUnacknowledged) kept an unacknowledged action; compaction crashes \(crashed.joined(separator: ", "))"
        }
    }

    /// Crashes the workload at k = 1, 2, … until it finishes without reaching k; stops early at the
    /// first failure when `stopAtFirstFailure` (the negative control).
    static func crashEverywhere(_ moment: CrashPointFileSystem.Moment, extra: [String] = [], stopAtFirstFailure: Bool = false) throws -> Tally {
        var tally = Tally()
        var k = 1
        while k < 2_000 {
            let scratch = ScratchDirectory("t4")
            let path = SampleStore.create(in: scratch)
            let child = try TortureChild.start(["workload", "--store", path, "--crash-at", "\(k)", "--moment", moment.rawValue] + workload + extra)
            let transcript = TortureChild.Transcript(lines: child.readAllLines())
            let end = child.wait()
            if transcript.done != nil {
                if !transcript.failures.isEmpty { tally.failures.append("k=\(k): \(transcript.failures)") }
                break
            }
            tally.runs += 1
            let label = "k=\(k) (\(transcript.crash ?? "no crash line"))"
            guard end == .signalled(0) || end == .exited(137), let crash = transcript.crash else {
                tally.failures.append("\(label): the child \(end) without reaching its crash point: \(transcript)")
                k += 1
                continue
            }
            if let step = Int(crash.prefix { $0 != " " }).flatMap(CompactionTracker.Step.init(rawValue:)) { tally.steps[step, default: 0] += 1 }
            let acknowledged = transcript.acknowledged ?? 0
            let check = RecoveryCheck(path: path, acknowledged: acknowledged, attempted: transcript.attempted ?? 0, model: model)
            if check.tornTailTrimmed { tally.tornTails += 1 }
            if check.recoveredSeq > acknowledged { tally.keptUnacknowledged += 1 }
            if let failure = check.failure {
                tally.failures.append("\(label): \(failure)")
                if stopAtFirstFailure { break }
            }
            k += 1
        }
        return tally
    }

    @Test("crash before or after every mutating call, or in the middle of every write: every run reopens writable with nothing acknowledged lost",
          arguments: CrashPointFileSystem.Moment.allCases)
    func everyMutatingCall(moment: CrashPointFileSystem.Moment) throws {
        let tally = try Self.crashEverywhere(moment)
        #expect(tally.failures.isEmpty, "\(tally.failures.count) of \(tally.runs) runs failed; first: \(tally.failures.prefix(3))")
        #expect(tally.runs > 20, "the workload reached only \(tally.runs) crash points")
        if moment == .midWrite {
            #expect(tally.tornTails > 0, "a write cut in half must leave a torn tail that recovery trims")
        } else {
            for step in CompactionTracker.Step.allCases where (1...4).contains(step.rawValue) {
                #expect((tally.steps[step] ?? 0) > 0, "\(step) was never crashed")
            }
        }
        print("T4 \(moment.rawValue): \(tally)")
    }

    @Test("negative control: the in-place snapshot rewrite is caught by a crash at some call")
    func inPlaceSnapshotIsCaught() throws {
        let tally = try Self.crashEverywhere(.after, extra: ["--unsafe-in-place"], stopAtFirstFailure: true)
        #expect(!tally.failures.isEmpty, "crashing at every call must catch a compaction that rewrites snapshot.json in place, or the test proves nothing")
        print("T4 negative control (in-place snapshot): caught after \(tally.runs) runs: \(tally.failures.first ?? "-")")
    }
}
