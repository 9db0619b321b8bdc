import GRDB
import PlanKit

/// Brings the app's local copy of one plan to the server's state: the unit's rows of that year
/// (its items and their texts, the plan, follow-ups, sections, the edit log, hand-ins and the
/// carry-over list) are read in one snapshot and replace the copy's. The board's cascade of the
/// year is read again only when asked (`cascade`, after an import announced it changed): a
/// unit's changes never touch it.
package enum PlanCopyRefresh {
    /// Each table with the condition that picks the plan's rows, in PostgreSQL's and SQLite's
    /// placeholders. The texts go before the items, whose ids pick them.
    static let tables: [(table: String, server: String, local: String)] = [
        ("text_revision", "item_id IN (SELECT id FROM item WHERE unit_id = $1 AND year = $2)",
         "item_id IN (SELECT id FROM item WHERE unit_id = ? AND year = ?)"),
    ] + ["item", "plan", "plan_inherits", "follow_up", "section", "edit_log", "hand_in", "carry_over"].map {
        ($0, "unit_id = $1 AND year = $2", "unit_id = ? AND year = ?")
    }

    /// The board's own items of the plan's year and their texts, in the same placeholders; the
    /// copy's are found by its row of the plan, which is deleted after them.
    static let cascadeTables: [(table: String, server: String, local: String)] = {
        let server = "unit_id IS NULL AND year = $2 AND board_id = (SELECT board_id FROM plan WHERE unit_id = $1 AND year = $2)"
        let local = "unit_id IS NULL AND year = ?2 AND board_id = (SELECT board_id FROM plan WHERE unit_id = ?1 AND year = ?2)"
        return [("text_revision", "item_id IN (SELECT id FROM item WHERE \(server))", "item_id IN (SELECT id FROM item WHERE \(local))"),
                ("item", server, local)]
    }()

    static func run(_ plan: PlanRef, cascade: Bool = false, from link: PostgresLink, into store: PlanStore) throws {
        let tables = (cascade ? Self.cascadeTables : []) + Self.tables
        let source = PostgresCopySource(link: link)
        let parameters: [PostgresValue] = [.text(plan.unitID), .integer(Int64(plan.year))]
        let columns = try store.queue.read { db in
            try tables.map { try SQLiteCopyTarget.columns(of: $0.table, db) }
        }
        let rows = try link.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            try zip(tables, columns).map { table, columns in
                try source.read(table.table, columns: columns, filter: RowFilter(condition: table.server, parameters: parameters))
            }
        }
        // Without foreign keys, as the copy was filled: the edit log may refer to rows the
        // login cannot read.
        try store.queue.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            try db.inTransaction {
                for table in tables {
                    try db.execute(sql: "DELETE FROM \(table.table) WHERE \(table.local)", arguments: [plan.unitID, plan.year])
                }
                for table in rows { try SQLiteCopyTarget.insert(table, db) }
                return .commit
            }
        }
    }
}
