import Foundation
import OversightDomain
@testable import OversightStore
import OversightTestSupport
import Testing

/// T8: random sequences of edits, undos, redos, compactions, reopens and power cuts, checked step
/// by step against the pure model (a seeded generator; a failing sequence is shrunk by removing
/// steps while it still fails, and reported with its seed).
@Suite("T8 undo and redo against a model")
struct UndoModelSlowTests {
    static let sequences = ProcessInfo.processInfo.environment["T8_SEQUENCES"].flatMap { Int($0) } ?? 1_000
    static let parts = 8

    /// Split in parts so the sequences run on every core.
    @Test("1,000 random sequences: store = model after every step; undo-all returns the start; undo n, redo n returns; replaying the journal from scratch gives the live state",
          arguments: 0..<8)
    func randomSequences(part: Int) throws {
        var steps = 0
        var failures: [String] = []
        for index in stride(from: part, to: Self.sequences, by: Self.parts) {
            let seed = UInt64(0x7E57_0000 + index)
            var random = SeededGenerator(seed: seed)
            // Lengths 1–200, weighted towards shorter ones (mean about 40, one in six over 100) to fit
            // the time budget: a debug build spends most of a step encoding JSON.
            let u = Double.random(in: 0..<1, using: &random)
            let length = 1 + Int(199 * u * u * u * u)
            let sequence = Workloads.random(seed: seed, length: length)
            steps += sequence.count
            if let failure = ModelRun(sequence: sequence, seed: seed).failure() {
                let shrunk = ModelRun.shrink(sequence, seed: seed)
                failures.append("seed \(seed): \(failure); shrunk to \(shrunk.count) steps: \(shrunk.map(\.description))")
                if failures.count >= 3 { break }
            }
        }
        #expect(failures.isEmpty, "\(failures.count) sequences failed: \(failures)")
        print("T8 part \(part + 1)/\(Self.parts): \(Self.sequences / Self.parts) sequences, \(steps) steps, \(failures.count) failures")
    }
}

/// One random sequence run against a fresh store on a simulated disk.
struct ModelRun {
    var sequence: [WorkloadStep]
    var seed: UInt64

    /// The first property the store breaks, or nil.
    func failure() -> String? {
        let fs = CrashSimFileSystem(disk: SimulatedStore.disk())
        var journal: [UInt8] = []
        let tap: (String, ArraySlice<UInt8>) -> Void = { path, bytes in
            if path.hasSuffix("/" + StoreLayout.journalName) { journal += bytes }
        }
        fs.onAppend = tap
        let compactAfter = [12, 60, 2_000][Int(seed % 3)]
        let runner: WorkloadRunner
        do {
            runner = try WorkloadRunner(directory: SimulatedStore.directory, model: StoreModel(start: SampleDataset.make()),
                                        fileSystem: fs, options: { SimulatedStore.options($0, compactAfterEntries: compactAfter) })
        } catch {
            return "open: \(error)"
        }
        runner.onPowerCut = { $0.onAppend = tap }
        for (index, step) in sequence.enumerated() {
            do {
                try runner.perform(step)
            } catch {
                return "step \(index + 1): \(error)"
            }
            if runner.store.stacks != UndoStacks(undo: runner.model.current.undo, redo: runner.model.current.redo) {
                return "step \(index + 1) (\(step)): stacks \(runner.store.stacks), the model has \(runner.model.current.undo)/\(runner.model.current.redo)"
            }
            if case .edit = step, runner.store.canRedo { return "step \(index + 1): a new edit left something to redo" }
        }
        // P5: every entry ever appended, replayed from the start, gives the live data and stacks.
        if let why = replay(journal, matches: runner.store) { return "replaying the journal from scratch: \(why)" }
        // P1: undo everything (all within the 1,000-action window) and the start is back.
        let live = runner.model.current
        let depth = live.undo.count
        do {
            while runner.model.canUndo { try runner.perform(.undo) }
        } catch {
            return "undo all: \(error)"
        }
        if runner.store.canUndo { return "the model has nothing left to undo, the store has \(runner.store.undoDepth)" }
        if let why = StoreComparison.difference(runner.store.dataset, runner.model.states[0].dataset) {
            return "undoing everything did not return to the start: \(why)"
        }
        // P2: undo n, then redo n, returns to the same state (here n is everything there was).
        do {
            for _ in 0..<depth { try runner.perform(.redo) }
        } catch {
            return "redo all: \(error)"
        }
        if let why = StoreComparison.difference(runner.store.dataset, live.dataset) {
            return "undo \(depth) then redo \(depth) did not return: \(why)"
        }
        runner.store.close(compacting: false)
        return nil
    }

    /// Applies every `after` image in the tapped journal to the starting data, and rebuilds the stacks.
    func replay(_ journal: [UInt8], matches store: Store) -> String? {
        let scan = JournalScan(journal)
        if let damage = scan.damage { return "the journal's bytes are damaged: \(damage)" }
        var data = SampleDataset.make()
        data.normalise()
        var stacks = UndoStacks()
        for (index, line) in scan.lines.enumerated() {
            guard let entry = try? PayloadCoding.decodeEntry(journal[line.payload]).value else { return "line \(line.number) does not decode" }
            guard entry.seq == index + 1 else { return "line \(line.number) holds entry \(entry.seq)" }
            do {
                try data.apply(entry.change)
                try stacks.record(entry.kind, seq: entry.seq, of: entry.of)
            } catch {
                return "entry \(entry.seq): \(error)"
            }
        }
        if scan.lines.count != store.lastSeq { return "\(scan.lines.count) entries were written, the store is at \(store.lastSeq)" }
        if let why = StoreComparison.difference(data, store.dataset) { return why }
        if stacks != store.stacks { return "stacks \(stacks), the store has \(store.stacks)" }
        return nil
    }

    /// Removes steps one at a time while the sequence still fails: the shortest failing sequence found.
    /// A removal that leaves an edit with nothing to apply to (a note deleted before it was added) is skipped.
    static func shrink(_ sequence: [WorkloadStep], seed: UInt64, budget: Int = 300) -> [WorkloadStep] {
        var current = sequence
        var tries = 0
        var index = 0
        while index < current.count, tries < budget {
            var candidate = current
            candidate.remove(at: index)
            tries += 1
            if fits(candidate), ModelRun(sequence: candidate, seed: seed).failure() != nil { current = candidate } else { index += 1 }
        }
        return current
    }

    /// Whether every edit of a sequence is valid where it stands (undo and redo may find nothing to do).
    static func fits(_ sequence: [WorkloadStep]) -> Bool {
        var model = StoreModel(start: SampleDataset.make())
        for step in sequence {
            do {
                try model.perform(step)
            } catch {
                if case .invalidEdit = error { return false }
            }
        }
        return true
    }
}
