import OversightDemo
import OversightStore

/// Creates stores from the demonstration dataset in scratch directories.
public enum DemoStore {
    /// The demonstration as a framed snapshot, as `oversight init --demo` writes it.
    public static func snapshotBytes(seed: UInt64 = DemoGenerator.defaultSeed) -> [UInt8] {
        let dataset = seed == DemoGenerator.defaultSeed ? DemoDataset.standard : DemoDataset.make(seed: seed)
        return try! SnapshotCodec.encode(SnapshotPayload(seq: 0, data: dataset))
    }

    /// A fresh demonstration store at `scratch/name`, returning its path.
    @discardableResult
    public static func create(in scratch: ScratchDirectory, name: String = "store", seed: UInt64 = DemoGenerator.defaultSeed) -> String {
        let path = scratch.appending(name)
        try! Store.create(path, snapshot: snapshotBytes(seed: seed))
        return path
    }
}
