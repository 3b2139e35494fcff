import Foundation
import Glibc
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// T5: `kill -9` a process looping over edits, undos, redos and compactions at a random moment
/// 10–100 ms after it starts, then reopen and check; again and again on the same store.
@Suite("T5 random kill -9 soak")
struct KillSoakSlowTests {
    struct Tally: CustomStringConvertible {
        var kills = 0
        var failures: [String] = []
        var tornTails = 0
        var acknowledged = 0
        var keptUnacknowledged = 0

        var description: String {
            "\(kills) kills, \(kills - failures.count) reopened writable with nothing lost, \(failures.count) failures, \(tornTails) torn tails trimmed, \(acknowledged) actions acknowledged, \(keptUnacknowledged) kills left an unacknowledged action that was kept"
        }
    }

    /// `rounds` fresh stores, each killed `killsPerRound` times (fresh stores keep the snapshot, and
    /// so each open, small). `extra` gives the child's options for the n-th kill.
    static func soak(seed: UInt64, rounds: Int, killsPerRound: Int, extra: (Int) -> [String], stopAtFirstFailure: Bool = false) throws -> Tally {
        var random = SeededGenerator(seed: seed)
        var tally = Tally()
        for round in 0..<rounds {
            let scratch = ScratchDirectory("t5")
            let path = SampleStore.create(in: scratch)
            var model = StoreModel(start: SampleDataset.make())
            var verified = 0
            for kill in 0..<killsPerRound {
                let child = try TortureChild.start(["soak", "--store", path, "--compact-after", "20"] + extra(kill))
                var early: [String] = []
                if kill % 5 == 4 {
                    // Every fifth kill lands while the child starts up and recovers (trimming a torn tail, say).
                    usleep(UInt32.random(in: 0...60_000, using: &random))
                } else {
                    // The others 10–100 ms into the loop, timed from when the child says the store is open.
                    while let line = child.readLine() {
                        early.append(line)
                        if line.hasPrefix("open ") || line.hasPrefix("failure ") { break }
                    }
                    usleep(UInt32.random(in: 10_000...100_000, using: &random))
                }
                child.kill(SIGKILL)
                child.wait()
                let transcript = TortureChild.Transcript(lines: early + child.readAllLines())
                tally.kills += 1
                let label = "seed \(seed) round \(round) kill \(kill)"
                if !transcript.failures.isEmpty {
                    tally.failures.append("\(label): the child reported \(transcript.failures)")
                    if stopAtFirstFailure { return tally }
                    break
                }
                if let opened = transcript.values("open").first.flatMap({ Int($0) }), opened != verified {
                    tally.failures.append("\(label): the child opened the store at entry \(opened), the last check saw \(verified)")
                }
                let acknowledged = transcript.acknowledged ?? verified
                let attempted = max(transcript.attempted ?? acknowledged, acknowledged)
                tally.acknowledged += acknowledged - verified
                try model.advanceSoak(to: attempted)
                let check = RecoveryCheck(path: path, acknowledged: acknowledged, attempted: attempted, model: model, windowTrimmed: true)
                if check.tornTailTrimmed { tally.tornTails += 1 }
                if check.recoveredSeq > acknowledged { tally.keptUnacknowledged += 1 }
                if let failure = check.failure {
                    tally.failures.append("\(label): \(failure)")
                    if stopAtFirstFailure { return tally }
                    break
                }
                model.rollBack(to: check.recoveredSeq)
                verified = check.recoveredSeq
            }
        }
        return tally
    }

    /// 300 kills, store.md's number, in three parts that run at once (each kill costs a debug-built
    /// child's start-up and a reopen, about a quarter of a CPU second). Every other run has a slow
    /// disk (64-byte short writes, 100 µs each), so that kills land mid-line: one write of a whole
    /// line is too quick to interrupt often.
    @Test("300 kill -9 at random moments: 300 of 300 reopen writable, nothing acknowledged lost, torn tails trimmed",
          arguments: [1, 2, 3] as [UInt64])
    func soak(part: UInt64) throws {
        let tally = try Self.soak(seed: part, rounds: 10, killsPerRound: 10) { kill in kill % 2 == 0 ? [] : ["--chunk", "64", "--write-delay", "100"] }
        #expect(tally.kills == 100)
        #expect(tally.failures.isEmpty, "\(tally.failures.count) kills failed; first: \(tally.failures.prefix(3))")
        #expect(tally.tornTails > 0, "some kills must land mid-write and leave a torn tail for recovery to trim")
        #expect(tally.acknowledged > 0)
        print("T5 part \(part) of 3: \(tally)")
    }

    @Test("negative control: the in-place snapshot rewrite is caught by random kills")
    func inPlaceSnapshotIsCaught() throws {
        let tally = try Self.soak(seed: 3, rounds: 20, killsPerRound: 10, extra: { _ in ["--unsafe-in-place", "--compact-after", "1", "--chunk", "256"] },
                                  stopAtFirstFailure: true)
        #expect(!tally.failures.isEmpty, "random kills during in-place snapshot rewrites must be caught, or the soak proves nothing")
        print("T5 negative control (in-place snapshot): caught after \(tally.kills) kills: \(tally.failures.first ?? "-")")
    }
}
