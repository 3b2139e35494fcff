import Foundation
import OversightPostgres
import Testing

/// Reading a team store's URL the way libpq does: no server needed.
@Suite("Team store URLs: user, host, port, database, socket, password, sslmode")
struct PostgresURLTests {
    let env: [String: String] = ["USER": "alice"]

    @Test("a TCP URL gives its user, host, port and database; the password is never shown")
    func tcp() throws {
        let url = try PostgresURL("postgresql://bob:s3cret@db.example.nhs.uk:6543/oversight", environment: env, home: "/nonexistent")
        #expect(url.endpoint == .tcp(host: "db.example.nhs.uk", port: 6543))
        #expect(url.user == "bob")
        #expect(url.password == "s3cret")
        #expect(url.database == "oversight")
        #expect(!url.description.contains("s3cret"), "the password must never be printed: \(url.description)")
    }

    @Test("a Unix socket, percent-encoded as the host or given as host=, names the socket file by port")
    func sockets() throws {
        let encoded = try PostgresURL("postgresql://bob@%2Fvar%2Frun%2Fpostgresql:5433/team", environment: env, home: "/nonexistent")
        #expect(encoded.endpoint == .socket(path: "/var/run/postgresql/.s.PGSQL.5433"))
        let query = try PostgresURL("postgresql:///team?host=/tmp/pg&user=carol", environment: env, home: "/nonexistent")
        #expect(query.endpoint == .socket(path: "/tmp/pg/.s.PGSQL.5432"))
        #expect(query.user == "carol")
        #expect(query.database == "team")
        // What the description prints reads back as the same place.
        #expect(try PostgresURL(query.description, environment: env, home: "/nonexistent") == query)
    }

    @Test("missing parts come from PGUSER, PGHOST, PGPORT and PGDATABASE; the password from PGPASSWORD")
    func environment() throws {
        let url = try PostgresURL("postgresql://", environment: ["PGUSER": "dora", "PGHOST": "10.0.0.5", "PGPORT": "6000",
                                                                 "PGDATABASE": "ob", "PGPASSWORD": "pw"], home: "/nonexistent")
        #expect(url.endpoint == .tcp(host: "10.0.0.5", port: 6000))
        #expect(url.user == "dora")
        #expect(url.database == "ob")
        #expect(url.password == "pw")
    }

    @Test("~/.pgpass gives the password of the first matching line, wildcards and escapes read; a file others can read is ignored")
    func pgpass() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let file = scratch + "/.pgpass"
        try "# comment\nother:5432:*:bob:wrong\ndb.nhs.uk:*:*:bob:pa\\:ss\n*:*:*:*:fallback\n".write(toFile: file, atomically: false, encoding: .utf8)
        chmod(file, 0o600)
        let url = try PostgresURL("postgresql://bob@db.nhs.uk/team", environment: [:], home: scratch)
        #expect(url.password == "pa:ss")
        let other = try PostgresURL("postgresql://eve@elsewhere/team", environment: [:], home: scratch)
        #expect(other.password == "fallback")
        chmod(file, 0o644)
        let unsafe = try PostgresURL("postgresql://bob@db.nhs.uk/team", environment: [:], home: scratch)
        #expect(unsafe.password == nil, "libpq ignores a .pgpass others may read, and so must this")
    }

    @Test("a bad port, an unknown parameter or sslmode are refused with what to write instead")
    func refusals() {
        #expect(throws: PostgresURL.Problem.self) { try PostgresURL("postgresql://h:99999/db", environment: env) }
        #expect(throws: PostgresURL.Problem.self) { try PostgresURL("postgresql://h/db?colour=red", environment: env) }
        #expect(throws: PostgresURL.Problem.self) { try PostgresURL("postgresql://h/db?sslmode=maybe", environment: env) }
        #expect(throws: PostgresURL.Problem.self) { try PostgresURL("/var/lib/store", environment: env) }
        let url = try? PostgresURL("postgresql://h/db?sslmode=require", environment: env)
        #expect(url?.sslmode == "require", "require is read (and refused when connecting, since this build has no TLS)")
    }
}
