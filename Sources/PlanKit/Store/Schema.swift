import GRDB

/// The database schema, built by migrations. `version` is written to PRAGMA user_version so that
/// an older vp-tui can tell a newer database apart and refuse to touch it.
package enum Schema {
    static let version = 6

    package static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE organisation (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    name TEXT NOT NULL,
                    parent_id TEXT REFERENCES organisation(id),
                    position INTEGER NOT NULL DEFAULT 0
                );
                CREATE TABLE cascade (
                    board_id TEXT NOT NULL REFERENCES organisation(id),
                    year INTEGER NOT NULL,
                    PRIMARY KEY (board_id, year)
                );
                CREATE TABLE item (
                    id TEXT PRIMARY KEY NOT NULL,
                    kind TEXT NOT NULL,
                    level TEXT,
                    author TEXT NOT NULL,
                    board_id TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    unit_id TEXT REFERENCES organisation(id),
                    parent_id TEXT REFERENCES item(id),
                    position INTEGER NOT NULL DEFAULT 0,
                    number TEXT,
                    title TEXT NOT NULL DEFAULT '',
                    description TEXT,
                    expected_result TEXT,
                    method TEXT,
                    resources TEXT,
                    follow_up TEXT,
                    development TEXT,
                    comment TEXT,
                    start_date TEXT,
                    end_date TEXT,
                    measure_unit TEXT,
                    target TEXT,
                    council_target TEXT,
                    periodicity TEXT,
                    direction TEXT,
                    revision INTEGER NOT NULL DEFAULT 1,
                    FOREIGN KEY (board_id, year) REFERENCES cascade(board_id, year)
                );
                CREATE INDEX item_by_cascade ON item(board_id, year);
                CREATE INDEX item_by_unit ON item(unit_id, year);
                CREATE INDEX item_by_parent ON item(parent_id);
                CREATE TABLE text_revision (
                    item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                    period TEXT NOT NULL,
                    field TEXT NOT NULL,
                    text TEXT NOT NULL,
                    PRIMARY KEY (item_id, period, field)
                );
                CREATE TABLE plan (
                    unit_id TEXT NOT NULL REFERENCES organisation(id),
                    year INTEGER NOT NULL,
                    board_id TEXT NOT NULL,
                    periods TEXT NOT NULL,
                    PRIMARY KEY (unit_id, year),
                    FOREIGN KEY (board_id, year) REFERENCES cascade(board_id, year)
                );
                CREATE TABLE plan_inherits (
                    unit_id TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                    followed_up INTEGER NOT NULL DEFAULT 1,
                    PRIMARY KEY (unit_id, year, item_id),
                    FOREIGN KEY (unit_id, year) REFERENCES plan(unit_id, year) ON DELETE CASCADE
                );
                CREATE TABLE follow_up (
                    unit_id TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    item_id TEXT NOT NULL REFERENCES item(id) ON DELETE CASCADE,
                    period TEXT NOT NULL,
                    rating TEXT,
                    status TEXT,
                    outcome REAL,
                    analysis TEXT,
                    revision INTEGER NOT NULL DEFAULT 1,
                    PRIMARY KEY (unit_id, year, item_id, period),
                    FOREIGN KEY (unit_id, year) REFERENCES plan(unit_id, year) ON DELETE CASCADE
                );
                CREATE TABLE section (
                    unit_id TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    period TEXT NOT NULL,
                    id TEXT NOT NULL,
                    parent_id TEXT,
                    title TEXT NOT NULL,
                    placement TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    text TEXT,
                    revision INTEGER NOT NULL DEFAULT 1,
                    PRIMARY KEY (unit_id, year, period, id),
                    FOREIGN KEY (unit_id, year) REFERENCES plan(unit_id, year) ON DELETE CASCADE
                );
                CREATE TABLE edit_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    at TEXT NOT NULL,
                    login TEXT NOT NULL,
                    unit_id TEXT,
                    year INTEGER,
                    action TEXT NOT NULL,
                    field TEXT,
                    old_value TEXT,
                    new_value TEXT,
                    state TEXT,
                    undo_order INTEGER,
                    refers_to INTEGER REFERENCES edit_log(id),
                    note TEXT
                );
                CREATE INDEX edit_log_by_plan ON edit_log(unit_id, year, login, state);
                """)
        }
        migrator.registerMigration("v2-drafts-and-sessions") { db in
            try db.execute(sql: """
                CREATE TABLE draft (
                    unit_id TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    field TEXT NOT NULL,
                    login TEXT NOT NULL,
                    text TEXT NOT NULL,
                    base_revision INTEGER NOT NULL,
                    saved_at TEXT NOT NULL,
                    PRIMARY KEY (unit_id, year, field, login)
                );
                CREATE TABLE open_session (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    unit_id TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    login TEXT NOT NULL,
                    host TEXT NOT NULL,
                    process INTEGER NOT NULL,
                    started_at TEXT NOT NULL,
                    heartbeat_at TEXT NOT NULL
                );
                CREATE INDEX open_session_by_plan ON open_session(unit_id, year);
                """)
        }
        migrator.registerMigration("v3-hand-in") { db in
            // One row per hand-in; reopening fills the reopened_* columns, so that the log of
            // hand-ins and reopenings stays. The report is kept as it was handed in (JSON blocks).
            try db.execute(sql: """
                CREATE TABLE hand_in (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    unit_id TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    period TEXT NOT NULL,
                    login TEXT NOT NULL,
                    at TEXT NOT NULL,
                    content TEXT NOT NULL,
                    reopened_by TEXT,
                    reopened_at TEXT,
                    reopen_reason TEXT,
                    FOREIGN KEY (unit_id, year) REFERENCES plan(unit_id, year) ON DELETE CASCADE
                );
                CREATE INDEX hand_in_by_plan ON hand_in(unit_id, year, period);
                CREATE TABLE carry_over (
                    unit_id TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    from_year INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    source_id TEXT NOT NULL,
                    kind TEXT NOT NULL,
                    title TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    old_parent_title TEXT,
                    placed_id TEXT,
                    placed_under TEXT,
                    snapshot TEXT,
                    decided INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (unit_id, year, source_id),
                    FOREIGN KEY (unit_id, year) REFERENCES plan(unit_id, year) ON DELETE CASCADE
                );
                """)
        }
        migrator.registerMigration("v4-drafts-per-window") { db in
            try db.execute(sql: """
                CREATE TABLE draft_per_window (
                    unit_id TEXT NOT NULL,
                    year INTEGER NOT NULL,
                    field TEXT NOT NULL,
                    login TEXT NOT NULL,
                    window TEXT NOT NULL,
                    text TEXT NOT NULL,
                    base_revision INTEGER NOT NULL,
                    saved_at TEXT NOT NULL,
                    PRIMARY KEY (unit_id, year, field, login, window)
                );
                INSERT INTO draft_per_window SELECT unit_id, year, field, login, '', text, base_revision, saved_at FROM draft;
                DROP TABLE draft;
                ALTER TABLE draft_per_window RENAME TO draft;
                """)
        }
        migrator.registerMigration("v5-indicator-consolidation") { db in
            try ConsolidationColumn.migrate(db)
        }
        migrator.registerMigration("v6-exact-outcomes") { db in
            try OutcomeColumn.migrate(db)
        }
        return migrator
    }

    static var knownMigrations: Set<String> { Set(migrator.migrations) }
}
