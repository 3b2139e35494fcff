import BundledData
import Foundation
import OversightDemo
import OversightDomain
import OversightStore

/// The demonstration dataset: the bundled register, frameworks and public record with illustrative NOF
/// 2025/26 scorecards and SOF 2021/22 segments (OversightDemo), about 4,000 scorecards. For tests and
/// benchmarks about mechanics at the national size (journals, undo, segmenting a whole period, the CLI);
/// facts about the real data belong in tests of the bundled store.
public enum DemoDataset {
    /// Whether the bundled store is there to build on (a release binary copied away from its bundle has none).
    public static var isAvailable: Bool { BundledData.storeDirectory() != nil }

    /// The bundled store's dataset, read as any store's snapshot is.
    public static let base: Dataset = {
        guard let directory = BundledData.storeDirectory(),
              let bytes = FileManager.default.contents(atPath: directory.appendingPathComponent(StoreLayout.snapshotName).path) else {
            fatalError("the bundled dataset is missing (looked in \(BundledData.candidateStoreDirectories().map(\.path))); the demonstration builds on it")
        }
        do {
            return try SnapshotCodec.dataset(in: Array(bytes))
        } catch {
            fatalError("the bundled snapshot does not read: \(error)")
        }
    }()

    /// The demonstration with the default seed, made once per process.
    public static let standard: Dataset = make()

    /// The demonstration with `seed`.
    public static func make(seed: UInt64 = DemoGenerator.defaultSeed) -> Dataset {
        do {
            return try DemoGenerator.dataset(from: base, seed: seed)
        } catch {
            fatalError("the demonstration cannot be made from the bundled dataset: \(error)")
        }
    }

    /// The NOF 2025/26 framework and its quarters in the demonstration.
    public static let nof: FrameworkID = "nof-2025-26"
    public static let sof: FrameworkID = "sof-2021-22"
    /// The first quarter NOF 2025/26 was in force: every trust of the demonstration has a card in it.
    public static let firstNOFQuarter = Period.quarter(2025, 1)
}
