import OversightDomain
import OversightStore
import OversightTestSupport
import Testing

/// One backend as the contract tests make it, open it and open it again. A new backend (a team
/// store on PostgreSQL, say) adds one of these to `all`, and every contract test runs on it too.
struct RecordStoreBackend: Sendable, CustomTestStringConvertible {
    var name: String
    /// Makes a new store holding `dataset` and no entries, inside the scratch directory at `scratch`
    /// (a backend that keeps nothing in files names its database or schema after it); returns where it is.
    var create: @Sendable (_ dataset: Dataset, _ scratch: String) throws -> String
    /// Opens the store at `location` for writing, or asking to read only.
    var open: @Sendable (_ location: String, _ readOnly: Bool) throws -> any RecordStore

    var testDescription: String { name }

    /// Every backend the contract is run on.
    static let all: [RecordStoreBackend] = [.files]

    /// The file store: a private directory with a CRC-framed snapshot and journal, on the real file system.
    static let files = RecordStoreBackend(
        name: "file store",
        create: { dataset, scratch in
            let path = scratch + "/store"
            try Store.create(path, snapshot: SampleStore.snapshotBytes(dataset))
            return path
        },
        open: { location, readOnly in
            try Store.open(location, options: SampleStore.options(readOnly: readOnly, user: "contract"))
        }
    )
}
