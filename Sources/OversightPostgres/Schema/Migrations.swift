/// The team store's schema, as numbered migrations applied in order, each in its own transaction
/// and recorded in `oversight.schema_migrations`. A migration once released is never edited: a
/// change is a new one. A database whose newest migration is beyond `Migrations.all` was written by
/// a newer oversight and is opened read-only (as the file store treats a newer snapshot).
///
/// The design (docs/team-store.md): the journal is an append-only table (`journal`: seq, entry id,
/// who, when, the entry with before and after images, its summary); the current records
/// (`records`) and the journal's head (`head`) are kept in step with it in the same transaction.
struct Migration: Sendable {
    var version: Int
    var name: String
    var sql: String
}

enum Migrations {
    static let all: [Migration] = [teamStore, rolesAndRegions]

    static var latest: Int { all.map(\.version).max() ?? 0 }

    /// 1: the tables, the append-only rule, and the notification a commit sends.
    static let teamStore = Migration(version: 1, name: "team store", sql: #"""
    CREATE SCHEMA IF NOT EXISTS oversight;

    -- What edits never change (regions, footprints, frameworks, intervention types): one JSON
    -- document, as the file store's snapshot holds it with the record collections left empty.
    CREATE TABLE oversight.reference (
        id int PRIMARY KEY CHECK (id = 1),
        data jsonb NOT NULL
    );

    -- The records as every committed entry has left them. `body` is the record's own JSON (a
    -- scorecard, a note…); `region` is the region of the organisation it is about (null for
    -- meetings and published releases, which belong to no one region), for row-level security.
    -- `changed_*` say who last changed it, so that a refused edit can say who and when.
    CREATE TABLE oversight.records (
        key text PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('scorecard', 'intervention', 'note', 'action', 'organisation', 'release', 'meeting')),
        region text,
        body jsonb NOT NULL,
        changed_seq bigint NOT NULL DEFAULT 0,
        changed_by text,
        changed_at timestamptz
    );
    CREATE INDEX records_kind ON oversight.records (kind, key);

    -- The journal: one row per entry, never updated or deleted. `entry` is the JournalEntry as the
    -- file store frames it (before and after images); it is null only for entries brought in from a
    -- file store as summaries (their images had been compacted away there). `entry_id` is the
    -- client's id for the commit, so that one whose acknowledgement was lost can be looked up.
    CREATE TABLE oversight.journal (
        seq bigint PRIMARY KEY,
        entry_id uuid UNIQUE,
        kind text NOT NULL CHECK (kind IN ('do', 'undo', 'redo')),
        of_seq bigint,
        who text NOT NULL,
        db_role name NOT NULL DEFAULT current_user,
        at timestamptz NOT NULL,
        summary jsonb NOT NULL,
        entry jsonb
    );
    CREATE INDEX journal_who ON oversight.journal (who, seq);

    -- The newest seq. A commit moves it on by one in its own transaction: its row lock orders
    -- commits one after another for the moment each takes (no gaps, no number used twice), while
    -- any number of writers stay connected and editing.
    CREATE TABLE oversight.head (
        id int PRIMARY KEY CHECK (id = 1),
        seq bigint NOT NULL
    );
    INSERT INTO oversight.head VALUES (1, 0);

    CREATE FUNCTION oversight.journal_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        RAISE EXCEPTION 'the oversight journal is append-only: entries are never changed or removed'
            USING ERRCODE = 'insufficient_privilege';
    END $$;
    CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON oversight.journal
        FOR EACH ROW EXECUTE FUNCTION oversight.journal_is_append_only();
    CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON oversight.journal
        FOR EACH STATEMENT EXECUTE FUNCTION oversight.journal_is_append_only();
    """#)

    /// 2: the roles a team is given, and row-level security by region (docs/team-store.md, "Access").
    ///
    /// `oversight_reader` reads everything; `oversight_writer` also commits. A writer listed in
    /// `oversight.write_regions` may change only records about organisations of those regions (and
    /// the shared ones: meetings, releases); a writer not listed there may change any. The table's
    /// owner (who ran `oversight init`) is not held by these policies.
    static let rolesAndRegions = Migration(version: 2, name: "roles and regions", sql: #"""
    -- Roles belong to the whole server, not this database: another database's init may be making
    -- them at this moment, so one that appears meanwhile is taken as made.
    DO $$
    BEGIN
        CREATE ROLE oversight_reader NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$;
    DO $$
    BEGIN
        CREATE ROLE oversight_writer NOLOGIN;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$;
    GRANT oversight_reader TO oversight_writer;

    CREATE TABLE oversight.write_regions (
        role name NOT NULL,
        region text NOT NULL,
        PRIMARY KEY (role, region)
    );

    -- Whether the current role may change a record of `region`. SECURITY DEFINER so that a
    -- writer need not read the whole role table itself; the search path is pinned.
    CREATE FUNCTION oversight.may_write(region text) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, oversight AS $$
        SELECT NOT EXISTS (SELECT 1 FROM oversight.write_regions w WHERE pg_has_role(current_user, w.role, 'MEMBER'))
            OR region IS NULL
            OR EXISTS (SELECT 1 FROM oversight.write_regions w
                       WHERE w.region = may_write.region AND pg_has_role(current_user, w.role, 'MEMBER'))
    $$;

    ALTER TABLE oversight.records ENABLE ROW LEVEL SECURITY;
    CREATE POLICY records_read ON oversight.records FOR SELECT USING (true);
    CREATE POLICY records_insert ON oversight.records FOR INSERT WITH CHECK (oversight.may_write(region));
    CREATE POLICY records_update ON oversight.records FOR UPDATE
        USING (oversight.may_write(region)) WITH CHECK (oversight.may_write(region));
    CREATE POLICY records_delete ON oversight.records FOR DELETE USING (oversight.may_write(region));

    GRANT USAGE ON SCHEMA oversight TO oversight_reader;
    GRANT SELECT ON ALL TABLES IN SCHEMA oversight TO oversight_reader;
    GRANT INSERT ON oversight.journal TO oversight_writer;
    GRANT INSERT, UPDATE, DELETE ON oversight.records TO oversight_writer;
    GRANT UPDATE ON oversight.head TO oversight_writer;
    REVOKE ALL ON FUNCTION oversight.may_write(text) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION oversight.may_write(text) TO oversight_reader;
    """#)

    /// The table that records which migrations a database has had.
    static let bookkeeping = """
    CREATE SCHEMA IF NOT EXISTS oversight;
    CREATE TABLE IF NOT EXISTS oversight.schema_migrations (
        version int PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
    )
    """
}
