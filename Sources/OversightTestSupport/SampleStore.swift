import OversightDomain
import OversightStore

/// Creates stores from the sample dataset in scratch directories.
public enum SampleStore {
    /// The sample dataset as a framed snapshot.
    public static func snapshotBytes(_ dataset: Dataset = SampleDataset.make()) -> [UInt8] {
        try! SnapshotCodec.encode(SnapshotPayload(seq: 0, data: dataset))
    }

    /// A fresh store at `directory/store`, returning its path.
    @discardableResult
    public static func create(in scratch: ScratchDirectory, name: String = "store", fileSystem: FileSystem = POSIXFileSystem()) -> String {
        let path = scratch.appending(name)
        try! Store.create(path, snapshot: snapshotBytes(), fileSystem: fileSystem)
        return path
    }

    /// A clock that ticks one second per call from a fixed start, so entries are reproducible.
    public static func tickingClock(from start: Int64 = 1_760_000_000) -> () -> Timestamp {
        var now = start
        return {
            now += 1
            return Timestamp(secondsSince1970: now)
        }
    }

    public static func options(readOnly: Bool = false, fileSystem: FileSystem = POSIXFileSystem(), user: String = "tester") -> StoreOptions {
        StoreOptions(readOnly: readOnly, user: user, fileSystem: fileSystem, clock: tickingClock())
    }

    /// A note edit with a given id, for workloads.
    public static func addNote(_ n: Int) -> Edit {
        .addNote(SampleDataset.note("n-\(n)", text: "Note number \(n)", at: 1_750_000_000 + Int64(n)))
    }
}
