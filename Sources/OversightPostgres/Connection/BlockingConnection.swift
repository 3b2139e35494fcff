import Foundation
import PostgresNIO
import Synchronization

/// One connection to the server, used synchronously: `RecordStore` is a synchronous protocol called
/// from the console's loop and the commands' `run()`, neither of which is async.
///
/// The bridge: every connection's I/O runs on one event-loop thread of a process-wide group, and
/// the caller waits on the `EventLoopFuture` (`wait()`). That is correct under Swift 6's strict
/// concurrency because the caller is never that thread (the console's loop, a command, a test's
/// task thread: none is an event loop, and `wait()` traps rather than deadlocks if one ever were),
/// the values crossing between the two are `Sendable` (queries, rows, errors), and nothing here is
/// async, so no task is blocked on a cooperative thread's behalf while holding a continuation.
/// A semaphore around `async` calls would do the same with one more hop; the futures API is the
/// one postgres-nio offers for exactly this. The connection object itself is used from one thread at
/// a time, as the store is ("use a store from one thread").
///
/// Notifications (LISTEN) arrive on the event loop whenever the server sends them, busy or idle;
/// they are counted under a `Mutex`, which the store's `changeMark` reads without a round trip.
final class BlockingConnection {
    /// One thread is plenty: a store has one connection and waits on it; the process never shuts it down.
    static let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    let url: PostgresURL
    private let connection: PostgresConnection
    private let logger: Logger
    /// Notifications heard, and their payloads (the newest 10,000).
    let heard = Heard()

    /// Shared with the event loop's handler, which writes while the store's thread reads.
    final class Heard: Sendable {
        struct Counts: Sendable {
            var count = 0
            var payloads: [String] = []
            /// The newest journal seq a notification named ("seq who" payloads).
            var newestSeq = 0
        }

        private let counts = Mutex(Counts())

        func withLock<T: Sendable>(_ body: (inout Counts) -> T) -> T {
            counts.withLock { body(&$0) }
        }
    }

    private init(url: PostgresURL, connection: PostgresConnection, logger: Logger) {
        self.url = url
        self.connection = connection
        self.logger = logger
    }

    deinit {
        // postgres-nio insists a connection is closed before it goes (an assertion in debug builds).
        close()
    }

    static func connect(_ url: PostgresURL, applicationName: String = "oversight") throws(PostgresFailure) -> BlockingConnection {
        var logger = Logger(label: "oversight.postgres")
        // postgres-nio logs to standard error by default, which would draw over the console's screen.
        logger.logLevel = .critical
        if ["require", "verify-ca", "verify-full"].contains(url.sslmode) {
            throw PostgresFailure(kind: .connection, message: "sslmode=\(url.sslmode) asks for TLS, which this build of oversight does not offer; "
                + "reach the server over a Unix socket, SSH tunnel or private network and use sslmode=prefer or disable.")
        }
        var configuration: PostgresConnection.Configuration
        switch url.endpoint {
        case .tcp(let host, let port):
            configuration = .init(host: host, port: port, username: url.user, password: url.password, database: url.database, tls: .disable)
        case .socket(let path):
            configuration = .init(unixSocketPath: path, username: url.user, password: url.password, database: url.database)
        }
        // Short: a console that looks while the server is away waits this long before saying it is offline.
        configuration.options.connectTimeout = .seconds(5)
        configuration.options.additionalStartupParameters = [("application_name", applicationName)]
        do {
            let connection = try PostgresConnection.connect(on: group.next(), configuration: configuration, id: 1, logger: logger).wait()
            return BlockingConnection(url: url, connection: connection, logger: logger)
        } catch {
            throw PostgresFailure(error, connecting: url)
        }
    }

    var isClosed: Bool { connection.isClosed }

    /// Runs one statement and returns its rows.
    @discardableResult
    func query(_ query: PostgresQuery) throws(PostgresFailure) -> [PostgresRow] {
        // A query sent on a closed connection is never answered: say so at once.
        guard !connection.isClosed else { throw PostgresFailure(kind: .connection, message: "the connection to the server is closed") }
        // A server that stops answering without closing the connection (a network cut with no reset)
        // would leave the wait hanging: after this long the connection is closed, which fails the query.
        let connection = self.connection
        let watchdog = connection.eventLoop.scheduleTask(in: BlockingConnection.queryTimeout) {
            let _: EventLoopFuture<Void> = connection.close()
        }
        defer { watchdog.cancel() }
        do {
            return try connection.query(query, logger: logger).wait().rows
        } catch {
            throw PostgresFailure(error)
        }
    }

    /// Longer than any query this store sends takes (the bulk load of `init` included), short enough
    /// that a console says it is offline rather than freezing.
    static let queryTimeout = TimeAmount.seconds(30)

    /// Runs `body` in a transaction: committed if it returns, rolled back if it throws. A rollback
    /// that cannot be sent (the connection went) needs nothing more: the server rolls back an
    /// unfinished transaction when its connection closes.
    func transaction<T>(_ body: () throws(PostgresFailure) -> T) throws(PostgresFailure) -> T {
        try query("BEGIN")
        let value: T
        do {
            value = try body()
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
        try query("COMMIT")
        return value
    }

    /// Listens on a channel; what arrives is counted in `heard`.
    func listen(_ channel: String) throws(PostgresFailure) {
        let heard = self.heard
        connection.addListener(channel: channel) { _, notification in
            heard.withLock {
                $0.count += 1
                $0.payloads.append(notification.payload)
                if let seq = Int(notification.payload.prefix(while: \.isNumber)) { $0.newestSeq = max($0.newestSeq, seq) }
                if $0.payloads.count > 10_000 { $0.payloads.removeFirst($0.payloads.count - 10_000) }
            }
        }
        try query(PostgresQuery(unsafeSQL: "LISTEN \(channel)"))
    }

    func close() {
        guard !connection.isClosed else { return }
        let closing: EventLoopFuture<Void> = connection.close()
        _ = try? closing.wait()
    }
}

/// What went wrong talking to the server, sorted by what the store does about it.
struct PostgresFailure: Error, CustomStringConvertible {
    enum Kind: Equatable {
        /// The server said no (a constraint, a permission, row-level security): the transaction did not happen.
        case server(sqlState: String)
        /// The connection is gone or could not be made: a commit in flight may or may not have happened.
        case connection
        /// A row did not decode as expected.
        case decoding
    }

    var kind: Kind
    var message: String

    init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    init(_ error: any Error, connecting url: PostgresURL? = nil) {
        if let error = error as? PSQLError {
            if error.code == .server, let info = error.serverInfo {
                let state = info[.sqlState] ?? "XX000"
                var message = info[.message] ?? "the server refused"
                if let detail = info[.detail] { message += " (\(detail))" }
                // 57P01..57P03: the server is shutting down or restarting; 08xxx: the connection failed.
                if state.hasPrefix("57P") || state.hasPrefix("08") {
                    self.init(kind: .connection, message: message)
                } else {
                    self.init(kind: .server(sqlState: state), message: message)
                }
                return
            }
            if error.code == .authMechanismRequiresPassword {
                self.init(kind: .server(sqlState: "28P01"), message: "the server asks for a password; give it in PGPASSWORD or ~/.pgpass")
                return
            }
            let underlying = error.underlying.map { "\($0)" } ?? ""
            if underlying.contains("Connection refused") {
                self.init(kind: .connection, message: "the server refused the connection: is PostgreSQL running there, on that port?")
            } else if underlying.contains("No such file") {
                self.init(kind: .connection, message: "there is no server socket there: is PostgreSQL running, with its socket in that directory?")
            } else {
                self.init(kind: .connection, message: "\(error.code)" + (underlying.isEmpty ? "" : ": \(underlying)"))
            }
            return
        }
        if let error = error as? PostgresDecodingError {
            self.init(kind: .decoding, message: "column \(error.columnName) did not read as \(error.targetType): \(error.code)")
            return
        }
        let place = url.map { " (\($0))" } ?? ""
        self.init(kind: .connection, message: "\(error)\(place)")
    }

    var sqlState: String? {
        if case .server(let state) = kind { return state }
        return nil
    }

    var description: String { message }
}
