import Foundation
import OversightDomain
import OversightPostgres
import OversightStore
import OversightTestSupport
import Testing

/// Faults on a real server: the connection cut mid-transaction, a reply lost after COMMIT, the
/// server killed (kill -9) while commits are under way, clients killed mid-commit. Nothing
/// acknowledged is lost; nothing is applied twice (a commit in doubt is settled by its entry id).
@Suite("Team store: faults (server killed, connection cut, client killed)",
       .enabled(if: PostgresTestServer.isAvailable, "needs PostgreSQL: set OVERSIGHT_TEST_PG_URL, or install it (scripts/pg-test-cluster install)"))
struct TeamStoreFaultSlowTests {
    static func open(_ url: PostgresURL, as user: String, readOnly: Bool = false) throws -> PostgresStore {
        try PostgresStore.open(url, options: SampleStore.options(readOnly: readOnly, user: user))
    }

    /// Every note the journal added is in the records, each added once, and nothing else is there.
    static func checkNothingTwiceNothingHalf(_ url: PostgresURL, extraNotes: Int = 0) throws -> [HistoryItem] {
        let store = try open(url, as: "checker", readOnly: true)
        defer { store.close(compacting: false) }
        let added = store.history.filter { $0.cmd == "note.add" }.flatMap(\.keys)
        #expect(added.count == Set(added).count, "a note was added twice: an entry applied twice")
        #expect(store.dataset.notes.count == added.count + extraNotes, "the records and the journal disagree: an entry half-applied")
        #expect(store.history.map(\.seq) == Array(1...max(store.history.count, 1)).prefix(store.history.count).map { $0 })
        return store.history
    }

    @Test("the connection cut before COMMIT: the edit is reported not saved, the server rolled it back, and saving again writes it once")
    func cutBeforeCommit() throws {
        let url = try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: SampleDataset.make()))
        let store = try Self.open(url, as: "alice")
        store.faults.cutBeforeCommit = true
        #expect {
            try store.commit(SampleStore.addNote(1))
        } throws: { error in
            guard case StoreError.offline(let why) = error else { return false }
            return why.contains("nothing was saved")
        }
        #expect(store.lastSeq == 0)
        #expect(store.dataset.note(NoteID("n-1")) == nil)
        let entry = try store.commit(SampleStore.addNote(1))
        #expect(entry.seq == 1, "the rolled-back attempt used no number")
        _ = try Self.checkNothingTwiceNothingHalf(url)
        store.close(compacting: false)
    }

    @Test("the reply to COMMIT lost: the store asks by entry id, finds it saved, and acknowledges it once")
    func lostCommitReply() throws {
        let url = try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: SampleDataset.make()))
        let store = try Self.open(url, as: "alice")
        store.faults.loseCommitReply = true
        let entry = try store.commit(SampleStore.addNote(1))
        #expect(entry.seq == 1, "settled by its entry id as saved")
        #expect(store.lastSeq == 1)
        #expect(store.dataset.note(NoteID("n-1")) != nil)
        try store.commit(SampleStore.addNote(2))
        #expect(try Self.checkNothingTwiceNothingHalf(url).count == 2)
        store.close(compacting: false)
    }

    @Test("the server killed (kill -9) in the middle of a stream of commits and started again: every acknowledged edit is there, none twice")
    func serverKilled() throws {
        let cluster = try PostgresTestServer.privateCluster()
        let server = try PostgresURL(cluster.url)
        let url = server.with(database: "faults")
        try PostgresDatabases.create("faults", on: server)
        try PostgresStore.create(url, from: SnapshotPayload(seq: 0, data: SampleDataset.make()))
        let store = try Self.open(url, as: "alice")

        var acknowledged: Set<String> = []
        var offline = 0
        var n = 0
        var killedAt: Int?
        var restarted = false
        var attempts = 0
        while n < 60 && attempts < 2_000 {
            attempts += 1
            if n == 20 && killedAt == nil {
                try PostgresTestServer.kill9(cluster)
                killedAt = attempts
            }
            // Down for a few attempts, then back: the store reconnects by itself.
            if let killedAt, !restarted, attempts > killedAt + 5 {
                try PostgresTestServer.restart(cluster)
                restarted = true
            }
            let outcome = Result { () throws(StoreError) in try store.commit(SampleStore.addNote(n)) }
            switch outcome {
            case .success:
                acknowledged.insert("n-\(n)")
                n += 1
            case .failure(.offline):
                offline += 1
                Thread.sleep(forTimeInterval: 0.05)
            case .failure(.invalidEdit) where store.dataset.note(NoteID("n-\(n)")) != nil:
                // Already there: an attempt whose reply was lost, settled by its entry id as saved.
                acknowledged.insert("n-\(n)")
                n += 1
            case .failure(let error):
                Issue.record("unexpected refusal: \(error)")
                n = 60
            }
        }
        #expect(n == 60, "the store came back after the restart and went on (attempts \(attempts))")
        #expect(offline >= 5, "commits while the server was down were reported offline, not acknowledged")
        store.close(compacting: false)

        let reader = try Self.open(url, as: "checker", readOnly: true)
        let saved = Set(reader.dataset.notes.map(\.id.rawValue))
        #expect(acknowledged.isSubset(of: saved), "acknowledged but lost: \(acknowledged.subtracting(saved).sorted())")
        #expect(saved == acknowledged, "saved but never acknowledged nor settled: \(saved.subtracting(acknowledged).sorted())")
        reader.close(compacting: false)
        _ = try Self.checkNothingTwiceNothingHalf(url)
    }

    @Test("clients killed mid-commit (kill -9 of oversight processes): the journal and the records agree, nothing half-written")
    func clientsKilled() throws {
        let url = try TeamStoreDatabase.create(SnapshotPayload(seq: 0, data: SampleDataset.make()))
        let binary = BuiltBinary.path()
        var generator = SystemRandomNumberGenerator()
        var acknowledged = 0
        for round in 0..<24 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["note", "add", "--store", url.description, "--user", "killed\(round)", SampleDataset.acute.rawValue,
                                 "Round \(round): a note its writer may not live to see saved"]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            var environment = ProcessInfo.processInfo.environment
            environment["XDG_STATE_HOME"] = NSTemporaryDirectory()
            process.environment = environment
            try process.run()
            // Somewhere between starting, connecting, committing and printing.
            Thread.sleep(forTimeInterval: Double(UInt64.random(in: 5...120, using: &generator)) / 1000)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let said = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            if said.contains("Saved:") { acknowledged += 1 }
        }
        let history = try Self.checkNothingTwiceNothingHalf(url)
        #expect(history.count >= acknowledged, "every edit a killed client had printed as saved is in the journal")
        // And the store takes edits as before.
        let store = try Self.open(url, as: "after")
        try store.commit(SampleStore.addNote(999))
        store.close(compacting: false)
    }
}
