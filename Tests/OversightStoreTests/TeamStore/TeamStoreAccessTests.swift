import Foundation
import OversightDomain
import OversightPostgres
import OversightStore
import OversightTestSupport
import Testing

/// PostgreSQL roles and row-level security: a team limited to its region's organisations, a reader
/// who may not write. Refusals are clear, and nothing is half-written.
@Suite("Team store: roles and row-level security",
       .enabled(if: PostgresTestServer.isAvailable, "needs PostgreSQL: set OVERSIGHT_TEST_PG_URL, or install it (scripts/pg-test-cluster install)"))
struct TeamStoreAccessTests {
    /// The sample dataset with a second trust in another region (Y63), so that a region can be refused.
    static func twoRegions() -> Dataset {
        var dataset = SampleDataset.make()
        var other = dataset.organisations[0]
        other.code = OrgCode("RCC")
        other.name = "Moorside NHS Trust"
        other.region = RegionCode("Y63")
        dataset.organisations.append(other)
        dataset.normalise()
        return dataset
    }

    static func note(_ id: String, about org: OrgCode) -> Edit {
        .addNote(Note(id: NoteID(id), subject: .organisation(org), text: "about \(org.rawValue)", author: "team",
                      created: Timestamp(secondsSince1970: 1_750_000_000)))
    }

    /// A login role with a fresh name (roles are the cluster's, shared by every test database).
    static func role(_ prefix: String, _ grants: String, on url: PostgresURL) throws -> PostgresURL {
        let name = prefix + "_" + UUID().uuidString.prefix(8).lowercased()
        try PostgresDatabases.run("CREATE ROLE \(name) LOGIN; " + grants.replacing("ROLE", with: name), on: url)
        return url.with(user: name, password: nil)
    }

    @Test("a team limited to one region writes its own organisations' records and is refused another's, with nothing written")
    func regionLimited() throws {
        let admin = try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: Self.twoRegions()))
        let team = try Self.role("team_y63", "GRANT oversight_writer TO ROLE; INSERT INTO oversight.write_regions VALUES ('ROLE', 'Y63')", on: admin)
        let store = try PostgresStore.open(team, options: SampleStore.options(user: "moorside"))
        #expect(store.readOnlyReason == nil, "a writer's store opens for writing")
        // The other region's trust: refused by the database, and nothing of it is kept.
        #expect {
            try store.commit(Self.note("n-y62", about: SampleDataset.acute))
        } throws: { error in
            guard case StoreError.refused(let why) = error else { return false }
            return why.contains("row-level security") && "\(error)".contains("Nothing was written")
        }
        #expect(store.lastSeq == 0)
        #expect(store.dataset.note(NoteID("n-y62")) == nil)
        // Its own region: saved.
        let saved = try store.commit(Self.note("n-y63", about: OrgCode("RCC")))
        #expect(saved.seq == 1, "the refused edit used no number: the next is 1")
        store.close(compacting: false)

        let reader = try PostgresStore.open(admin, options: SampleStore.options(readOnly: true, user: "admin"))
        #expect(reader.history.map(\.seq) == [1])
        #expect(reader.dataset.note(NoteID("n-y62")) == nil)
        #expect(reader.dataset.note(NoteID("n-y63")) != nil)
        reader.close(compacting: false)
    }

    @Test("a role that may only read opens the store read-only, saying why, and its commits are refused")
    func readerOnly() throws {
        let admin = try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: Self.twoRegions()))
        let viewer = try Self.role("viewer", "GRANT oversight_reader TO ROLE", on: admin)
        let store = try PostgresStore.open(viewer, options: SampleStore.options(user: "chair"))
        #expect(store.readOnlyReason == .notPermitted(role: viewer.user))
        #expect(store.readOnlyReason?.explanation.contains("oversight_writer") == true)
        #expect(throws: StoreError.readOnly(.notPermitted(role: viewer.user))) { try store.commit(Self.note("n-1", about: OrgCode("RCC"))) }
        #expect(store.dataset.organisations.count == 4, "it reads everything")
        store.close(compacting: false)
    }

    @Test("a role with no grant at all is told it cannot open the store")
    func noGrant() throws {
        let admin = try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: Self.twoRegions()))
        let stranger = try Self.role("stranger", "SELECT 1", on: admin)
        #expect {
            try PostgresStore.open(stranger, options: SampleStore.options(user: "stranger"))
        } throws: { error in
            "\(error)".contains("permission denied")
        }
    }
}
