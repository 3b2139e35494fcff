import Foundation

/// Where a team store is: a `postgresql://` URL read the way libpq reads one, so that what works
/// with `psql` works here. `postgresql://user:password@host:port/db?sslmode=…&host=/socket/dir`.
///
/// - The host may be a Unix socket's directory, percent-encoded (`postgresql://%2Fvar%2Frun%2Fpostgresql/db`)
///   or given as `?host=/var/run/postgresql`; the socket is `<dir>/.s.PGSQL.<port>`, as libpq names it.
/// - Missing parts come from `PGUSER`, `PGHOST`, `PGPORT`, `PGDATABASE`, then the login name, the
///   socket directory `/var/run/postgresql`, 5432, and the user's name for the database.
/// - The password: the URL's, else `PGPASSWORD`, else the first matching line of `PGPASSFILE` or
///   `~/.pgpass` (`host:port:database:user:password`, `*` matching anything), which is ignored,
///   as libpq ignores it, when others may read it.
/// - `sslmode`: `disable`, `allow` and `prefer` connect without TLS (this build offers no TLS
///   context); `require`, `verify-ca` and `verify-full` are refused with a message rather than
///   silently sent in the clear.
public struct PostgresURL: Equatable, Sendable, CustomStringConvertible {
    public enum Endpoint: Equatable, Sendable {
        case tcp(host: String, port: Int)
        case socket(path: String)
    }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String
    public var sslmode: String

    /// Whether a `--store` value names a team store rather than a directory.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public struct Problem: Error, Equatable, Sendable, CustomStringConvertible {
        public var description: String
    }

    /// Reads a URL; `environment` and `home` are passed in so that tests need not change the process's.
    public init(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment,
                home: String = NSHomeDirectory()) throws(Problem) {
        guard PostgresURL.isURL(text) else {
            throw Problem(description: "“\(text)” is not a PostgreSQL URL; write postgresql://user@host:5432/database.")
        }
        let rest = text.drop(while: { $0 != ":" }).dropFirst(3)
        // Split off the query, then the path (the database), then user info from host and port.
        let (beforeQuery, query) = PostgresURL.split(Substring(rest), at: "?")
        let (authority, path) = PostgresURL.split(beforeQuery, at: "/")
        var userInfo: Substring? = nil
        var hostPort = authority
        if let at = authority.lastIndex(of: "@") {
            userInfo = authority[..<at]
            hostPort = authority[authority.index(after: at)...]
        }
        var parameters: [String: String] = [:]
        for pair in (query ?? "").split(separator: "&") where !pair.isEmpty {
            let (name, value) = PostgresURL.split(pair, at: "=")
            parameters[try PostgresURL.decode(name)] = try PostgresURL.decode(value ?? "")
        }
        let known: Set<String> = ["host", "port", "user", "password", "dbname", "sslmode", "application_name", "connect_timeout"]
        if let unknown = parameters.keys.sorted().first(where: { !known.contains($0) }) {
            throw Problem(description: "The URL's parameter “\(unknown)” is not understood here; the ones read are \(known.sorted().joined(separator: ", ")).")
        }

        var user = parameters["user"]
        var password = parameters["password"]
        if let userInfo {
            let (name, secret) = PostgresURL.split(userInfo, at: ":")
            if !name.isEmpty { user = try PostgresURL.decode(name) }
            if let secret { password = try PostgresURL.decode(secret) }
        }
        var host: String? = parameters["host"]
        var port: Int? = nil
        if let text = parameters["port"] { port = try PostgresURL.port(text) }
        if !hostPort.isEmpty {
            // An IPv6 literal is bracketed; otherwise the last colon starts the port.
            if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
                host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
                let after = hostPort[hostPort.index(after: close)...]
                if after.hasPrefix(":") { port = try PostgresURL.port(String(after.dropFirst())) }
            } else {
                let (name, portText) = PostgresURL.split(hostPort, at: ":", last: true)
                if !name.isEmpty { host = try PostgresURL.decode(name) }
                if let portText { port = try PostgresURL.port(String(portText)) }
            }
        }
        var database: String? = parameters["dbname"]
        if let path, !path.isEmpty { database = try PostgresURL.decode(path) }

        user = user ?? environment["PGUSER"] ?? ProcessInfo.processInfo.userName
        host = host ?? environment["PGHOST"] ?? "/var/run/postgresql"
        if port == nil, let text = environment["PGPORT"] { port = try PostgresURL.port(text) }
        port = port ?? 5432
        database = database ?? environment["PGDATABASE"] ?? user
        let sslmode = parameters["sslmode"] ?? environment["PGSSLMODE"] ?? "prefer"
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(sslmode) else {
            throw Problem(description: "sslmode “\(sslmode)” is not one PostgreSQL knows; use disable, prefer, require, verify-ca or verify-full.")
        }
        guard let user, let host, let port, let database else { throw Problem(description: "unreachable") }

        self.user = user
        self.database = database
        self.sslmode = sslmode
        endpoint = host.hasPrefix("/") ? .socket(path: host + "/.s.PGSQL.\(port)") : .tcp(host: host, port: port)
        let lookupHost = host.hasPrefix("/") ? "localhost" : host
        self.password = password ?? environment["PGPASSWORD"]
            ?? PostgresURL.passfile(environment["PGPASSFILE"] ?? home + "/.pgpass", host: lookupHost, port: port, database: database, user: user)
    }

    /// The URL without its password, for messages, logs and the status line.
    public var description: String {
        switch endpoint {
        case .tcp(let host, let port):
            let shown = host.contains(":") ? "[\(host)]" : host
            return "postgresql://\(user)@\(shown):\(port)/\(database)"
        case .socket(let path):
            let directory = String(path[..<(path.lastIndex(of: "/") ?? path.endIndex)])
            let port = path.split(separator: ".").last.map(String.init) ?? "5432"
            return "postgresql://\(user)@/\(database)?host=\(directory)&port=\(port)"
        }
    }

    /// The same server and user, another database (the tests make one per store; `init` checks for the schema).
    public func with(database: String) -> PostgresURL {
        var copy = self
        copy.database = database
        return copy
    }

    /// The same server and database as another user (row-level security tests, grants).
    public func with(user: String, password: String?) -> PostgresURL {
        var copy = self
        copy.user = user
        copy.password = password
        return copy
    }

    // MARK: reading

    private static func split(_ text: Substring, at separator: Character, last: Bool = false) -> (Substring, Substring?) {
        guard let index = last ? text.lastIndex(of: separator) : text.firstIndex(of: separator) else { return (text, nil) }
        return (text[..<index], text[text.index(after: index)...])
    }

    private static func decode(_ text: Substring) throws(Problem) -> String {
        guard let decoded = String(text).removingPercentEncoding else {
            throw Problem(description: "The URL has a broken percent-escape in “\(text)”; write %2F for / and %40 for @.")
        }
        return decoded
    }

    private static func port(_ text: String) throws(Problem) -> Int {
        guard let port = Int(text), (1...65535).contains(port) else {
            throw Problem(description: "The port “\(text)” is not a number from 1 to 65535.")
        }
        return port
    }

    /// The password for this server, database and user from a .pgpass file, as libpq reads it:
    /// the first matching line wins; `\:` and `\\` are escapes; a file others may read is ignored.
    static func passfile(_ path: String, host: String, port: Int, database: String, user: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & 0o077 == 0,
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            var fields: [String] = []
            var field = ""
            var escaped = false
            for character in line {
                if escaped { field.append(character); escaped = false }
                else if character == "\\" { escaped = true }
                else if character == ":" && fields.count < 4 { fields.append(field); field = "" }
                else { field.append(character) }
            }
            fields.append(field)
            guard fields.count == 5 else { continue }
            let wanted = [host, String(port), database, user]
            if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
        }
        return nil
    }
}
