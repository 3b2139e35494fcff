import PostgresNIO

/// Applies the migrations a database has not had, and says which it has.
enum Schema {
    /// The newest migration applied, or nil when the database holds no oversight schema.
    static func version(on connection: BlockingConnection) throws(PostgresFailure) -> Int? {
        let exists = try connection.query("SELECT to_regclass('oversight.schema_migrations') IS NOT NULL")
        guard let row = exists.first, (try? row.decode(Bool.self)) == true else { return nil }
        let rows = try connection.query("SELECT coalesce(max(version), 0) FROM oversight.schema_migrations")
        return try rows.first.map { row throws(PostgresFailure) in
            do { return try row.decode(Int.self) } catch { throw PostgresFailure(error) }
        }
    }

    /// Applies every migration after `from`, in order, on the current transaction (the caller's
    /// `BEGIN` makes them all-or-nothing with whatever else it does).
    static func migrate(on connection: BlockingConnection, from current: Int) throws(PostgresFailure) {
        // Two oversights migrating one database at once would both see the old version: the second waits here.
        try connection.query("SELECT pg_advisory_xact_lock(7017017)")
        try run(Migrations.bookkeeping, on: connection)
        for migration in Migrations.all where migration.version > current {
            try run(migration.sql, on: connection)
            try connection.query("INSERT INTO oversight.schema_migrations (version, name) VALUES (\(migration.version), \(migration.name))")
        }
    }

    private static func run(_ sql: String, on connection: BlockingConnection) throws(PostgresFailure) {
        for statement in SQLStatements.split(sql) {
            try connection.query(PostgresQuery(unsafeSQL: statement))
        }
    }
}
