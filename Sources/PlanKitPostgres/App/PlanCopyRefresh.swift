import GRDB
import PlanKit

/// Brings the app's local copy of one plan to the server's state: the unit's rows of that year
/// (its items and their texts, the plan, follow-ups, sections, the edit log, hand-ins and the
/// carry-over list) are read in one snapshot and replace the copy's. The board's cascade of the
/// year is read again only when asked (`cascade`, after an import announced it changed): a
/// unit's changes never touch it.
package enum PlanCopyRefresh {
    /// A table and the condition that picks its rows, in PostgreSQL's and SQLite's placeholders.
    typealias CopyTable = (table: String, server: String, local: String)

    /// Each table with the condition that picks the plan's rows.
    static let tables: [CopyTable] = itemsWithTexts(server: "unit_id = $1 AND year = $2", local: "unit_id = ? AND year = ?")
        + ["plan", "plan_inherits", "follow_up", "section", "edit_log", "hand_in", "carry_over"].map {
            ($0, "unit_id = $1 AND year = $2", "unit_id = ? AND year = ?")
        }

    /// The board's own items of the plan's year and their texts; the copy's are found by its row
    /// of the plan, which is deleted after them.
    static let cascadeTables = itemsWithTexts(
        server: "unit_id IS NULL AND year = $2 AND board_id = (SELECT board_id FROM plan WHERE unit_id = $1 AND year = $2)",
        local: "unit_id IS NULL AND year = ?2 AND board_id = (SELECT board_id FROM plan WHERE unit_id = ?1 AND year = ?2)")

    /// The items a condition on `item` picks and their texts: the texts first, as the items'
    /// ids pick them and are gone once the items are deleted.
    static func itemsWithTexts(server: String, local: String) -> [CopyTable] {
        [("text_revision", RowFilter.texts(ofItems: server), RowFilter.texts(ofItems: local)), ("item", server, local)]
    }


    static func run(_ plan: PlanRef, cascade: Bool = false, from link: PostgresLink, into store: PlanStore) throws {
        try replace((cascade ? cascadeTables : []) + tables, for: [[.text(plan.unitID), .integer(plan.year)]], from: link, into: store)
    }

    /// Replaces the copy's rows of the tables with the server's, read in one snapshot: for each
    /// set of keys (the conditions' placeholders, in order), the rows its conditions pick.
    static func replace(_ tables: [CopyTable], for keySets: [[Key]], from link: PostgresLink, into store: PlanStore) throws {
        let source = PostgresCopySource(link: link)
        let columns = try store.queue.read { db in
            try tables.map { try SQLiteCopyTarget.columns(of: $0.table, db) }
        }
        let rows = try link.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            try keySets.flatMap { keys in
                try zip(tables, columns).map { table, columns in
                    try source.read(table.table, columns: columns,
                                    filter: RowFilter(condition: table.server, parameters: keys.map(\.postgres)))
                }
            }
        }
        try store.writeWithoutForeignKeys { db in
            for keys in keySets {
                for table in tables {
                    try db.execute(sql: "DELETE FROM \(table.table) WHERE \(table.local)", arguments: StatementArguments(keys.map(\.local)))
                }
            }
            for table in rows { try SQLiteCopyTarget.insert(table, db) }
        }
    }
}
