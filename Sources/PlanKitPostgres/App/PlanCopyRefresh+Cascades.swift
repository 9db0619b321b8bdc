import GRDB
import PlanKit

/// The boards' cascades of a year in the app's copy, read again after an import announced
/// that a board's cascade changed: the chooser then knows a year whose goals came meanwhile,
/// and a plan is started under them.
extension PlanCopyRefresh {
    /// The boards' own items of a year and their texts, and the list of cascades, with the
    /// year in PostgreSQL's and SQLite's placeholders; the texts go before the items, whose ids
    /// pick them.
    static let cascadeYearTables: [(table: String, server: String, local: String)] = [
        ("text_revision", "item_id IN (SELECT id FROM item WHERE unit_id IS NULL AND year = $1)",
         "item_id IN (SELECT id FROM item WHERE unit_id IS NULL AND year = ?)"),
        ("item", "unit_id IS NULL AND year = $1", "unit_id IS NULL AND year = ?"),
        ("cascade", "year = $1", "year = ?"),
    ]

    /// Replaces the copy's cascades of the years (every board's the login may read) with the
    /// server's, read in one snapshot.
    static func cascades(years: Set<Int>, from link: PostgresLink, into store: PlanStore) throws {
        guard !years.isEmpty else { return }
        let source = PostgresCopySource(link: link)
        let columns = try store.queue.read { db in
            try cascadeYearTables.map { try SQLiteCopyTarget.columns(of: $0.table, db) }
        }
        let rows = try link.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            try years.sorted().flatMap { year in
                try zip(cascadeYearTables, columns).map { table, columns in
                    try source.read(table.table, columns: columns,
                                    filter: RowFilter(condition: table.server, parameters: [.integer(Int64(year))]))
                }
            }
        }
        // Without foreign keys, as the copy was filled.
        try store.queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.inTransaction {
                for year in years {
                    for table in cascadeYearTables {
                        try db.execute(sql: "DELETE FROM \(table.table) WHERE \(table.local)", arguments: [year])
                    }
                }
                for table in rows { try SQLiteCopyTarget.insert(table, db) }
                return .commit
            }
        }
    }
}
