import Foundation

/// The PostgreSQL server the team store's tests run against: a real one, never a mock.
///
/// `OVERSIGHT_TEST_PG_URL` when it is set (`.ci/run` and `scripts/pg-test-cluster run -- swift test`
/// set it, with the cluster's directory and programs in `OVERSIGHT_TEST_PG_DIR` and
/// `OVERSIGHT_TEST_PG_BIN`). Otherwise, where PostgreSQL's server programs are installed, this test
/// process starts its own throw-away cluster with the same script (`serve`), which stops it once
/// the process has gone, so a plain `swift test` exercises the real server wherever it can.
public enum PostgresTestServer {
    public struct Cluster: Sendable {
        /// The superuser's URL (`postgres`, trusted on the run's own socket).
        public var url: String
        /// The cluster's directory (data/, the socket, server.log) and the server's programs, where known:
        /// the fault tests stop, kill and restart the server through them.
        public var directory: String?
        public var programs: String?
    }

    /// The cluster, or why there is none.
    public static let cluster: Result<Cluster, Unavailable> = start()

    public struct Unavailable: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// For `.enabled(if:)`. Under CI (`CI` set) this is true even without a server, so that the suites
    /// run and fail, saying why, rather than quietly not running.
    public static var isAvailable: Bool {
        if case .success = cluster { return true }
        return ProcessInfo.processInfo.environment["CI"] != nil
    }

    public static var unavailableReason: String {
        if case .failure(let why) = cluster { return why.description }
        return ""
    }

    /// The cluster, or a thrown reason (inside a test that runs because CI insists).
    public static func require() throws -> Cluster {
        try cluster.get()
    }

    private static func start() -> Result<Cluster, Unavailable> {
        let env = ProcessInfo.processInfo.environment
        if let url = env["OVERSIGHT_TEST_PG_URL"], !url.isEmpty {
            return .success(Cluster(url: url, directory: env["OVERSIGHT_TEST_PG_DIR"], programs: env["OVERSIGHT_TEST_PG_BIN"]))
        }
        let find = Process()
        find.executableURL = URL(fileURLWithPath: script)
        find.arguments = ["find"]
        find.standardOutput = FileHandle.nullDevice
        find.standardError = FileHandle.nullDevice
        do {
            try find.run()
            find.waitUntilExit()
        } catch {
            return .failure(Unavailable(description: "\(script) could not be run: \(error)"))
        }
        guard find.terminationStatus == 0 else {
            return .failure(Unavailable(description: "PostgreSQL is not installed here (no initdb in PATH or /usr/lib/postgresql/*/bin) and "
                                        + "OVERSIGHT_TEST_PG_URL is not set: the team store's suites need a real server. "
                                        + "Run `scripts/pg-test-cluster install`, or `scripts/pg-test-cluster run -- swift test`."))
        }
        return serve()
    }

    static let script = BuiltBinary.packageRoot + "/scripts/pg-test-cluster"

    /// A new cluster from the script's `serve`, stopped once this process has gone.
    private static func serve() -> Result<Cluster, Unavailable> {
        let serve = Process()
        serve.executableURL = URL(fileURLWithPath: script)
        serve.arguments = ["serve", String(getpid())]
        let output = Pipe()
        serve.standardOutput = output
        serve.standardError = FileHandle.nullDevice
        do {
            try serve.run()
        } catch {
            return .failure(Unavailable(description: "\(script) serve could not be started: \(error)"))
        }
        // One line: "url=… dir=… bin=…"; nothing (end of file) if the cluster did not start.
        var line = Data()
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            if byte.isEmpty || byte == Data([0x0A]) { break }
            line.append(byte)
        }
        var fields: [String: String] = [:]
        for part in String(decoding: line, as: UTF8.self).split(separator: " ") {
            let pieces = part.split(separator: "=", maxSplits: 1)
            if pieces.count == 2 { fields[String(pieces[0])] = String(pieces[1]) }
        }
        guard let url = fields["url"] else {
            return .failure(Unavailable(description: "the throw-away PostgreSQL cluster did not start (run `scripts/pg-test-cluster run -- true` to see why)"))
        }
        return .success(Cluster(url: url, directory: fields["dir"], programs: fields["bin"]))
    }

    /// A cluster of the test's own, for the fault tests that kill and restart the server: the
    /// shared one stays up for every other suite running meanwhile. Needs the server's programs.
    public static func privateCluster() throws -> Cluster {
        try serve().get()
    }

    /// kill -9 of the cluster's server and all its processes, as a power cut or the OOM killer would.
    public static func kill9(_ cluster: Cluster) throws {
        try runScript(["kill9", try directory(of: cluster)])
    }

    /// Starts a killed cluster's server again; PostgreSQL replays its write-ahead log first.
    public static func restart(_ cluster: Cluster) throws {
        try runScript(["start", try directory(of: cluster)])
    }

    private static func directory(of cluster: Cluster) throws -> String {
        guard let directory = cluster.directory else {
            throw Unavailable(description: "the cluster's directory is not known (OVERSIGHT_TEST_PG_DIR unset)")
        }
        return directory
    }

    /// Runs the script and waits for it with waitpid. (Foundation's `Process.waitUntilExit` was seen
    /// never to return here once the script had started a server that outlives it.)
    private static func runScript(_ arguments: [String]) throws {
        var pid: pid_t = 0
        let argv = ([script] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        let spawned = posix_spawn(&pid, script, &actions, nil, argv, environ)
        guard spawned == 0 else { throw Unavailable(description: "could not run \(script): errno \(spawned)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else {
            throw Unavailable(description: "pg-test-cluster \(arguments.joined(separator: " ")) failed (status \(status))")
        }
    }
}
