/// vp-tui's tables in PostgreSQL: the SQLite store's tables (schema version 6 there) with the
/// same names and columns in the same order, so that rows pass between the two unchanged.
/// SQLite's INTEGER is bigint here, TEXT is text, and an AUTOINCREMENT key is an identity column.
/// Foreign keys are checked at commit, so that a copy may fill the tables in any order.
public enum PostgresSchema {
    /// Written to `schema_version`; a database of a higher version is refused, one of a lower
    /// version is brought up to this one by `migrations`.
    public static let version = 6

    /// The steps from each version to the next, in order: the step to version n changes a
    /// database of version n - 1. A new database gets version 1 and the steps at once, in one
    /// transaction, so that a new database and a migrated one are alike.
    public static let migrations: [PostgresMigration] = [
        // A nämnd's admin grants and revokes rights in its nämnd.
        PostgresMigration(version: 2, statements: PostgresDelegatedRights.statements),
        // Each login's drafts its own.
        PostgresMigration(version: 3, statements: PostgresDraftPolicies.statements),
        // The same rights, worked out with less work per statement.
        PostgresMigration(version: 4, statements: PostgresQuickerRights.statements),
        // A text revision's rights looked up through its own item.
        PostgresMigration(version: 5, statements: PostgresTextPolicies.statements),
        // A change announced only when another connection listens to its unit.
        PostgresMigration(version: 6, statements: PostgresAudience.statements),
    ]
    /// The SQLite store's schema version whose tables these mirror.
    public static let mirroredSQLiteVersion = 6

    /// The tables holding plans, in an order in which their rows can be inserted.
    public static let planTables = [
        "organisation", "cascade", "item", "text_revision", "plan", "plan_inherits", "follow_up", "section",
        "edit_log", "draft", "open_session", "hand_in", "carry_over",
    ]

    /// Tables whose key is an identity column, whose sequence must pass the copied ids.
    public static let identityTables = ["edit_log", "open_session", "hand_in"]

    static let deferred = "DEFERRABLE INITIALLY DEFERRED"

    static let tables: [String] = [
        """
        CREATE TABLE schema_version (version bigint NOT NULL)
        """,
        """
        CREATE TABLE organisation (
            id text PRIMARY KEY, kind text NOT NULL, name text NOT NULL,
            parent_id text REFERENCES organisation(id) \(deferred), position bigint NOT NULL DEFAULT 0)
        """,
        """
        CREATE TABLE cascade (
            board_id text NOT NULL REFERENCES organisation(id) \(deferred), year bigint NOT NULL,
            PRIMARY KEY (board_id, year))
        """,
        """
        CREATE TABLE item (
            id text PRIMARY KEY, kind text NOT NULL, level text, author text NOT NULL, board_id text NOT NULL,
            year bigint NOT NULL, unit_id text REFERENCES organisation(id) \(deferred),
            parent_id text REFERENCES item(id) \(deferred), position bigint NOT NULL DEFAULT 0, number text,
            title text NOT NULL DEFAULT '', description text, expected_result text, method text, resources text,
            follow_up text, development text, comment text, start_date text, end_date text, measure_unit text,
            target text, council_target text, periodicity text, direction text, revision bigint NOT NULL DEFAULT 1,
            consolidation text,
            FOREIGN KEY (board_id, year) REFERENCES cascade(board_id, year) \(deferred))
        """,
        "CREATE INDEX item_by_cascade ON item(board_id, year)",
        "CREATE INDEX item_by_unit ON item(unit_id, year)",
        "CREATE INDEX item_by_parent ON item(parent_id)",
        """
        CREATE TABLE text_revision (
            item_id text NOT NULL REFERENCES item(id) ON DELETE CASCADE \(deferred), period text NOT NULL,
            field text NOT NULL, text text NOT NULL, PRIMARY KEY (item_id, period, field))
        """,
        """
        CREATE TABLE plan (
            unit_id text NOT NULL REFERENCES organisation(id) \(deferred), year bigint NOT NULL, board_id text NOT NULL,
            periods text NOT NULL, PRIMARY KEY (unit_id, year),
            FOREIGN KEY (board_id, year) REFERENCES cascade(board_id, year) \(deferred))
        """,
        """
        CREATE TABLE plan_inherits (
            unit_id text NOT NULL, year bigint NOT NULL,
            item_id text NOT NULL REFERENCES item(id) ON DELETE CASCADE \(deferred), followed_up bigint NOT NULL DEFAULT 1,
            PRIMARY KEY (unit_id, year, item_id),
            FOREIGN KEY (unit_id, year) REFERENCES plan(unit_id, year) ON DELETE CASCADE \(deferred))
        """,
        """
        CREATE TABLE follow_up (
            unit_id text NOT NULL, year bigint NOT NULL,
            item_id text NOT NULL REFERENCES item(id) ON DELETE CASCADE \(deferred), period text NOT NULL,
            rating text, status text, outcome text, analysis text, revision bigint NOT NULL DEFAULT 1,
            PRIMARY KEY (unit_id, year, item_id, period),
            FOREIGN KEY (unit_id, year) REFERENCES plan(unit_id, year) ON DELETE CASCADE \(deferred))
        """,
        """
        CREATE TABLE section (
            unit_id text NOT NULL, year bigint NOT NULL, period text NOT NULL, id text NOT NULL, parent_id text,
            title text NOT NULL, placement text NOT NULL, position bigint NOT NULL, text text,
            revision bigint NOT NULL DEFAULT 1, PRIMARY KEY (unit_id, year, period, id),
            FOREIGN KEY (unit_id, year) REFERENCES plan(unit_id, year) ON DELETE CASCADE \(deferred))
        """,
        """
        CREATE TABLE edit_log (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, at text NOT NULL, login text NOT NULL,
            unit_id text, year bigint, action text NOT NULL, field text, old_value text, new_value text, state text,
            undo_order bigint, refers_to bigint REFERENCES edit_log(id) \(deferred), note text)
        """,
        "CREATE INDEX edit_log_by_plan ON edit_log(unit_id, year, login, state)",
        """
        CREATE TABLE draft (
            unit_id text NOT NULL, year bigint NOT NULL, field text NOT NULL, login text NOT NULL,
            "window" text NOT NULL, text text NOT NULL, base_revision bigint NOT NULL, saved_at text NOT NULL,
            PRIMARY KEY (unit_id, year, field, login, "window"))
        """,
        """
        CREATE TABLE open_session (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, unit_id text NOT NULL, year bigint NOT NULL,
            login text NOT NULL, host text NOT NULL, process bigint NOT NULL, started_at text NOT NULL,
            heartbeat_at text NOT NULL)
        """,
        "CREATE INDEX open_session_by_plan ON open_session(unit_id, year)",
        """
        CREATE TABLE hand_in (
            id bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, unit_id text NOT NULL, year bigint NOT NULL,
            period text NOT NULL, login text NOT NULL, at text NOT NULL, content text NOT NULL, reopened_by text,
            reopened_at text, reopen_reason text,
            FOREIGN KEY (unit_id, year) REFERENCES plan(unit_id, year) ON DELETE CASCADE \(deferred))
        """,
        "CREATE INDEX hand_in_by_plan ON hand_in(unit_id, year, period)",
        """
        CREATE TABLE carry_over (
            unit_id text NOT NULL, year bigint NOT NULL, from_year bigint NOT NULL, position bigint NOT NULL,
            source_id text NOT NULL, kind text NOT NULL, title text NOT NULL, outcome text NOT NULL,
            old_parent_title text, placed_id text, placed_under text, snapshot text, decided bigint NOT NULL DEFAULT 0,
            PRIMARY KEY (unit_id, year, source_id),
            FOREIGN KEY (unit_id, year) REFERENCES plan(unit_id, year) ON DELETE CASCADE \(deferred))
        """,
        """
        CREATE TABLE access_grant (
            login text NOT NULL, scope text NOT NULL CHECK (scope IN ('unit', 'department', 'board')),
            target_id text NOT NULL, kind text NOT NULL CHECK (kind IN ('write', 'read', 'admin')),
            PRIMARY KEY (login, scope, target_id, kind))
        """,
    ]
}
