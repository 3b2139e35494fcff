import Foundation
import OversightDomain
import OversightStore
import OversightTestSupport

/// The scale generator (issue 16): a store as deep as real data makes one. Organisations, quarters
/// and metrics set the snapshot; journal entries (a board secretary's mix of notes, actions and
/// decisions) are committed through the store's own code, so the result opens and validates like
/// any store. Deterministic from the seed; every record is marked illustrative.
struct ScaleSpec: CustomStringConvertible {
    var orgs = 250
    var quarters = 8
    var metrics = 20
    var journal = 0
    /// The entries written as the store keeps them, compacted at its usual thresholds as they are made
    /// (the snapshot then holds the undo window and the history log; the journal only what came
    /// after the last compaction); otherwise all left in journal.jsonl, deeper than any store keeps one.
    var kept = false
    var seed: UInt64 = 42

    var description: String {
        "\(orgs) orgs, \(quarters) quarters, \(metrics) metrics, \(journal) entries" + (kept ? " kept" : "")
    }

    /// `--orgs N --quarters Q --metrics M --journal E [--kept] --seed S`, each optional.
    init(arguments: [String]) throws {
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            if flag == "--kept" {
                kept = true
                continue
            }
            guard let text = rest.popFirst(), let value = Int(text), value >= 0 else {
                throw ScaleError("\(flag) needs a whole number")
            }
            switch flag {
            case "--orgs": orgs = max(1, value)
            case "--quarters": quarters = max(1, value)
            case "--metrics": metrics = value
            case "--journal": journal = value
            case "--seed": seed = UInt64(value)
            default: throw ScaleError("unknown option \(flag)")
            }
        }
    }

    init(orgs: Int, quarters: Int, metrics: Int = 20, journal: Int = 0, kept: Bool = false) {
        (self.orgs, self.quarters, self.metrics, self.journal, self.kept) = (orgs, quarters, metrics, journal, kept)
    }
}

struct ScaleError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

enum ScaleStore {
    /// Writes the store at `directory` (which must not exist yet); returns the snapshot's and the journal's sizes in bytes.
    static func dataset(_ spec: ScaleSpec) -> Dataset {
        SyntheticDataset.make(trusts: spec.orgs, seed: spec.seed, quarterCount: spec.quarters,
                              extraMetrics: max(0, spec.metrics - SyntheticDataset.nofFramework().metrics.count))
    }

    /// Also returns the dataset it started from, for a benchmark that shows the same figures elsewhere.
    @discardableResult
    static func create(_ spec: ScaleSpec, at directory: String) throws -> (snapshot: Int, journal: Int, data: Dataset) {
        let data = dataset(spec)
        let snapshot = try SnapshotCodec.encode(SnapshotPayload(seq: 0, data: data))
        try Store.create(directory, snapshot: snapshot)
        if spec.journal > 0 {
            // No fdatasync per entry, and unless `kept`, no compaction: the generator writes a deep journal quickly and leaves it deep.
            var options = StoreBenchmarks.options(skipSync: true)
            if spec.kept { (options.compactAfterEntries, options.compactAfterBytes) = (StoreOptions().compactAfterEntries, StoreOptions().compactAfterBytes) }
            let store = try Store.open(directory, options: options)
            for n in 1...spec.journal { _ = try store.commit(BenchmarkEdits.make(n, in: store.dataset, imports: false)) }
            store.close(compacting: false)
        }
        let journal = (try? FileManager.default.attributesOfItem(atPath: directory + "/journal.jsonl")[.size] as? Int) ?? 0
        return (snapshot.count, journal, data)
    }

    /// `oversight-bench scale --store DIR [--orgs N --quarters Q --metrics M --journal E --seed S]`.
    static func run(_ arguments: [String]) -> Int32 {
        var arguments = arguments
        guard let at = arguments.firstIndex(of: "--store"), at + 1 < arguments.count else {
            print("usage: oversight-bench scale --store DIR [--orgs N] [--quarters Q] [--metrics M] [--journal E [--kept]] [--seed S]")
            return 2
        }
        let directory = arguments[at + 1]
        arguments.removeSubrange(at...(at + 1))
        do {
            let spec = try ScaleSpec(arguments: arguments)
            let sizes = try create(spec, at: directory)
            print("Created \(directory): \(spec); snapshot \(sizes.snapshot / 1024) KiB, journal \(sizes.journal / 1024) KiB. Every record is illustrative.")
            return 0
        } catch {
            print("oversight-bench scale: \(error)")
            return 1
        }
    }
}
