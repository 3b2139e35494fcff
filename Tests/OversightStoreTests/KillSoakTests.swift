import Foundation
import Glibc
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// T5: `kill -9` a process looping over edits, undos, redos and compactions, then reopen and check;
/// again and again on the same store. Half the kills land at a random moment 10–100 ms in; the
/// other half land in the middle of a journal write every time (the child stops half-way through
/// its n-th append, for a seeded n, and waits for the kill), so the count of torn tails recovery
/// trims does not depend on timing, nor does the negative control.
@Suite("T5 random kill -9 soak")
struct KillSoakSlowTests {
    struct Tally: CustomStringConvertible {
        var kills = 0
        var failures: [String] = []
        var tornTails = 0
        /// Kills that landed mid-write by design, and how many of those left a torn tail that was trimmed.
        var midWriteKills = 0
        var midWriteTornTails = 0
        var acknowledged = 0
        var keptUnacknowledged = 0

        var description: String {
            "\(kills) kills (\(midWriteKills) mid-write by design), \(kills - failures.count) reopened writable with nothing lost, \(failures.count) failures, \(tornTails) torn tails trimmed (\(midWriteTornTails) of the mid-write kills), \(acknowledged) actions acknowledged, \(keptUnacknowledged) kills left an unacknowledged action that was kept"
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
                let options = extra(kill)
                let midWrite = options.contains("--stop-mid-write")
                let child = try TortureChild.start(["soak", "--store", path, "--compact-after", "20"] + options)
                var early: [String] = []
                if midWrite {
                    // The child says when half a line is on disk, and waits there for the kill.
                    while let line = child.readLine() {
                        early.append(line)
                        if line.hasPrefix("stopped ") || line.hasPrefix("failure ") { break }
                    }
                    tally.midWriteKills += 1
                } else if kill % 5 == 4 {
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
                if midWrite && check.tornTailTrimmed { tally.midWriteTornTails += 1 }
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
    /// child's start-up and a reopen, about a quarter of a CPU second). Every other kill lands half-way
    /// through the child's n-th journal append (n from 1 to 8, seeded), with 64-byte short writes.
    @Test("300 kill -9, half at random moments and half mid-write by design: 300 of 300 reopen writable, nothing acknowledged lost, every mid-write kill's torn tail trimmed",
          arguments: [1, 2, 3] as [UInt64])
    func soak(part: UInt64) throws {
        var random = SeededGenerator(seed: 100 + part)
        let stops = (0..<100).map { _ in Int.random(in: 1...8, using: &random) }
        let tally = try Self.soak(seed: part, rounds: 10, killsPerRound: 10) { kill in
            kill % 2 == 0 ? [] : ["--chunk", "64", "--stop-mid-write", String(stops[kill])]
        }
        #expect(tally.kills == 100)
        #expect(tally.failures.isEmpty, "\(tally.failures.count) kills failed; first: \(tally.failures.prefix(3))")
        #expect(tally.midWriteKills == 50 && tally.midWriteTornTails == 50, "every kill mid-write leaves a torn tail that recovery trims: \(tally)")
        #expect(tally.acknowledged > 0)
        print("T5 part \(part) of 3: \(tally)")
    }

    @Test("negative control: the in-place snapshot rewrite is caught by a kill half-way through it")
    func inPlaceSnapshotIsCaught() throws {
        let tally = try Self.soak(seed: 3, rounds: 1, killsPerRound: 10,
                                  extra: { _ in ["--unsafe-in-place", "--compact-after", "1", "--stop-mid-write", "1", "--stop-file", "snapshot.json"] },
                                  stopAtFirstFailure: true)
        #expect(tally.kills == 1 && tally.failures.count == 1, "a kill half-way through an in-place snapshot rewrite must be caught at once, or the soak proves nothing: \(tally)")
        print("T5 negative control (in-place snapshot): caught after \(tally.kills) kill: \(tally.failures.first ?? "-")")
    }
}
