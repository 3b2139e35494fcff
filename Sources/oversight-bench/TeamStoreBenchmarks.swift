import Dispatch
import Foundation
import OversightDomain
import OversightPostgres
import OversightStore
import OversightTestSupport
import Synchronization

/// The team store on PostgreSQL over loopback TCP (issue 17's budgets): commit p99 ≤ 20 ms; open
/// (state and undo window) of the bundled data ≤ 300 ms; another console shows an edit within 1 s at
/// p99 with 10 consoles connected. The server is `OVERSIGHT_BENCH_PG_URL` (a superuser's URL whose
/// user may create databases), else a throw-away cluster started as the tests start theirs.
enum TeamStoreBenchmarks {
    static func run() {
        let server: PostgresURL
        do {
            server = try serverURL()
        } catch {
            print("team: no PostgreSQL server (\(error)); set OVERSIGHT_BENCH_PG_URL or install PostgreSQL (scripts/pg-test-cluster install)")
            return
        }
        let data = DemoDataset.isAvailable ? DemoDataset.base : ScaledDataset.make()
        print("team: \(server) (loopback TCP, password auth); bundled dataset: \(data.scorecards.count) scorecards, \(data.organisations.count) organisations")
        do {
            let url = try database(on: server, holding: data)
            open(url)
            commits(url)
            following(url)
        } catch {
            print("team: failed: \(error)")
        }
    }

    /// The bench's server: the given URL, or the test cluster's reached over loopback as the issue asks.
    static func serverURL() throws -> PostgresURL {
        if let given = ProcessInfo.processInfo.environment["OVERSIGHT_BENCH_PG_URL"] { return try PostgresURL(given) }
        let cluster = try PostgresTestServer.privateCluster()
        let socket = try PostgresURL(cluster.url)
        guard case .socket(let path) = socket.endpoint, let port = Int(path.split(separator: ".").last ?? "") else { return socket }
        // The throw-away cluster's superuser password (scripts/pg-test-cluster); loopback needs it.
        return try PostgresURL("postgresql://postgres:oversight-test@127.0.0.1:\(port)/postgres")
    }

    static func database(on server: PostgresURL, holding data: Dataset) throws -> PostgresURL {
        let url = server.with(database: "oversight_bench_\(getpid())")
        try PostgresDatabases.create(url.database, on: server)
        var load = Measurement("team: init (schema and bundled data, one txn)")
        try load.time { try PostgresStore.create(url, from: SnapshotPayload(seq: 0, data: data)) }
        load.report()
        return url
    }

    static func options(_ user: String, readOnly: Bool = false) -> StoreOptions {
        StoreOptions(readOnly: readOnly, user: user, clock: SampleStore.tickingClock())
    }

    /// Opening: connect, read the records, the history and this user's undo stacks.
    static func open(_ url: PostgresURL) {
        timeOpens(url, "team: open bundled data", times: 20)
    }

    /// Opens and closes the store `times` times, against the 300 ms budget.
    static func timeOpens(_ url: PostgresURL, _ name: String, times: Int) {
        var measurement = Measurement(name)
        for _ in 0..<times {
            measurement.time {
                let store = try! PostgresStore.open(url, options: options("bench"))
                store.close(compacting: false)
            }
        }
        measurement.report(budgetP99: 300)
    }

    /// 1,000 commits of the benchmark's mix of edits, then 200 undos, each acknowledged by the server's COMMIT.
    static func commits(_ url: PostgresURL) {
        let store = try! PostgresStore.open(url, options: options("bench"))
        var commit = Measurement("team: commit (loopback, fsync on)")
        for n in 0..<1_000 {
            let edit = BenchmarkEdits.make(n, in: store.dataset)
            try! commit.time { try store.commit(edit) }
        }
        commit.report(budgetP99: 20)
        var undo = Measurement("team: undo")
        for _ in 0..<200 { try! undo.time { try store.undo() } }
        undo.report(budgetP99: 20)
        print("team: journal now \(store.lastSeq) entries")
        store.close(compacting: false)
        timeOpens(url, "team: open after 1,200 entries", times: 10)
    }

    /// Ten consoles following one writer as `ConsoleSession` does: each looks every 500 ms (its
    /// follow interval) and catches up when the mark moves. Measured: from the writer's commit being
    /// acknowledged to each console holding the entry.
    static func following(_ url: PostgresURL) {
        let consoles = 10
        let commits = 60
        let committed = Mutex([Int: UInt64]())
        let latencies = Mutex([Double]())
        let lastSeq = Mutex(0)
        let group = DispatchGroup()
        for c in 0..<consoles {
            group.enter()
            Thread {
                defer { group.leave() }
                let store = try! PostgresStore.open(url, options: options("console\(c)", readOnly: true))
                var watch = store.changeMark()
                let deadline = DispatchTime.now().uptimeNanoseconds + 60_000_000_000
                while DispatchTime.now().uptimeNanoseconds < deadline {
                    Thread.sleep(forTimeInterval: 0.5)
                    let mark = store.changeMark()
                    guard mark != watch else { continue }
                    watch = mark
                    let items = (try? store.catchUp()) ?? []
                    let now = DispatchTime.now().uptimeNanoseconds
                    let times = committed.withLock { $0 }
                    let seen = items.compactMap { times[$0.seq].map { Double(now - $0) / 1_000_000 } }
                    latencies.withLock { $0.append(contentsOf: seen) }
                    if let last = items.last?.seq, last >= lastSeq.withLock({ $0 }), lastSeq.withLock({ $0 }) > 0 { break }
                }
                store.close(compacting: false)
            }.start()
        }
        Thread.sleep(forTimeInterval: 1)
        let writer = try! PostgresStore.open(url, options: options("writer"))
        var start = writer.lastSeq
        for n in 0..<commits {
            let entry = try! writer.commit(BenchmarkEdits.make(10_000 + n, in: writer.dataset, imports: false))
            committed.withLock { $0[entry.seq] = DispatchTime.now().uptimeNanoseconds }
            start = entry.seq
            // Edits at meeting pace, but quicker: one every 130 ms puts them all through the follow interval.
            Thread.sleep(forTimeInterval: 0.13)
        }
        lastSeq.withLock { $0 = start }
        group.wait()
        writer.close(compacting: false)
        var measurement = Measurement("team: edit shown on 10 other consoles")
        measurement.samples = latencies.withLock { $0 }
        measurement.report(budgetP99: 1_000)
    }
}
