import Foundation
import OversightDomain
import OversightPostgres
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
    /// The team store joins where a PostgreSQL server can be had (`PostgresTestServer`: always under
    /// CI, which fails rather than leave it out; a developer without PostgreSQL installed runs the
    /// file store alone, and the team store's own suites say why they did not run).
    static let all: [RecordStoreBackend] = PostgresTestServer.isAvailable ? [.files, .postgres] : [.files]

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

    /// The team store: a new database on the test cluster (`PostgresTestServer`) per store, the
    /// schema made by the same migrations `oversight init` runs.
    static let postgres = RecordStoreBackend(
        name: "team store (PostgreSQL)",
        create: { dataset, _ in
            try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: dataset)).description
        },
        open: { location, readOnly in
            try PostgresStore.open(try PostgresURL(location), options: SampleStore.options(readOnly: readOnly, user: "contract"))
        }
    )
}

/// New databases on the test cluster, one per store a test makes.
enum TeamStoreDatabase {
    /// The cluster's superuser URL; throws (and so fails the test) where there is no server.
    static func server() throws -> PostgresURL {
        try PostgresURL(try PostgresTestServer.require().url)
    }

    /// An empty database with a fresh name.
    static func empty() throws -> PostgresURL {
        let server = try server()
        let name = "oversight_" + UUID().uuidString.lowercased().replacing("-", with: "")
        try PostgresDatabases.create(name, on: server)
        return server.with(database: name)
    }

    /// A database holding a team store made from `payload`.
    static func create(_ payload: SnapshotPayload) throws -> PostgresURL {
        let url = try empty()
        try PostgresStore.create(url, from: payload)
        return url
    }
}
