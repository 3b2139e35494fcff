import OversightDomain
import OversightStore

/// A sample store on a simulated disk, created and settled (as if the machine had been shut down
/// cleanly after `init`), ready for a test to crash.
public enum SimulatedStore {
    public static let directory = "/stores/sample"

    /// A settled disk holding `/stores` (durable) and, unless `empty`, a sample store inside it.
    public static func disk(empty: Bool = false) -> SimulatedDisk {
        empty ? emptyDisk : sampleDisk
    }

    // Made once: creating the store encodes and checks the sample snapshot, slow in a debug build.
    private static let emptyDisk: SimulatedDisk = {
        let fs = CrashSimFileSystem()
        try! fs.makeDirectory("/stores", mode: 0o700)
        fs.disk.settle()
        return fs.disk
    }()

    private static let sampleDisk: SimulatedDisk = {
        let fs = CrashSimFileSystem(disk: emptyDisk)
        try! Store.create(directory, snapshot: SampleStore.snapshotBytes(), fileSystem: fs)
        fs.disk.settle()
        return fs.disk
    }()

    /// Options for a store on `fs`: a fixed user and a ticking clock, so entries are reproducible.
    public static func options(_ fs: FileSystem, compactAfterEntries: Int = 2_000) -> StoreOptions {
        var options = SampleStore.options(fileSystem: fs)
        options.compactAfterEntries = compactAfterEntries
        return options
    }
}
