import Foundation
import GRDB
import PlanKit

/// Hooks for the tests of bad input and old files, reaching past the commands to the store's
/// own connection (package access), kept out of the product.
extension PlanStore {
    /// Caps the database at the pages it has now, as a full disk would: any change that needs a
    /// new page then fails with SQLITE_FULL.
    public func limitPagesForTesting() throws {
        try queue.inDatabase { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            _ = try Int.fetchOne(db, sql: "PRAGMA max_page_count = \(pages)")
        }
    }

    /// Makes every later change fail as a file that turned read-only under an open store would
    /// (SQLITE_READONLY), until the next read.
    public func refuseWritesForTesting() throws {
        try queue.inDatabase { db in try db.execute(sql: "PRAGMA query_only = 1") }
    }

    /// Runs SQL on the store's own connection, outside any command, checks and edit log.
    public func executeForTesting(_ sql: String) throws {
        cascadeCache.invalidate()
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }

    /// Every row of every table, as text in a fixed order: equal dumps mean a logically equal
    /// database (the quoting is SQLite's own, so NULL, numbers and text stay apart).
    public func dumpForTesting() throws -> [String] {
        try read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            return try tables.map { table in
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_info(?)", arguments: [table])
                let line = columns.map { "quote(\"\($0)\")" }.joined(separator: " || '|' || ")
                let rows = try String.fetchOne(db, sql: """
                    SELECT group_concat(line, char(10)) FROM (SELECT \(line) AS line FROM "\(table)" ORDER BY 1)
                    """) ?? ""
                return "\(table)\n\(rows)"
            }
        }
    }

    /// Runs SQL on a database file through a plain connection, bypassing every check of
    /// `PlanStore`, to make files a newer vp-tui could have written.
    public static func executeForTesting(path: String, sql: String) throws {
        // Another program's connection, as a person's second session would have: it waits for
        // the store's own background writes (the checkpointer) instead of failing at once.
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
    }
}

extension PlanStore {
    /// Writes at `path` a database as vp-tui's schema v5 made it (outcomes in a REAL column),
    /// holding the rows of the database at `source`, to test the way from v5 forward.
    public static func writeVersion5ForTesting(path: String, copying source: String) throws {
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v5-indicator-consolidation")
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source])
            let tables = try String.fetchAll(db, sql: """
                SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT IN ('grdb_migrations', 'sqlite_sequence')
                """)
            for table in tables {
                try db.execute(sql: "INSERT INTO main.\"\(table)\" SELECT * FROM source.\"\(table)\"")
            }
            try db.execute(sql: "DETACH DATABASE source")
            try db.execute(sql: "PRAGMA user_version = 5")
        }
    }
}

extension PlanStore {
    /// SQLite's own check of the file: an empty list when the database is sound.
    public func integrityProblems() throws -> [String] {
        try read { db in
            try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }
        }
    }
}
