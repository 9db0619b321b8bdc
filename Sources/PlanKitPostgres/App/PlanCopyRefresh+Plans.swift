import GRDB
import PlanKit

/// Reading many plans at once for the app's copy: their period states, worked out from the
/// server's rows without keeping them, and a board's plans, kept for its table and roll-up.
extension PlanCopyRefresh {
    /// What a plan's period states are worked out from: its own rows but the edit log.
    static let stateTables = tables.filter { $0.table != "edit_log" }

    /// The period states of plans as the server holds them now: their rows are read in one
    /// snapshot and stand in the copy in place of its own only while the states are worked out
    /// (`PlanStore.periodStates(_:placing:)`), so that the copy keeps no more than it held.
    static func periodStates(_ plans: [PlanRef], from link: PostgresLink, in store: PlanStore) throws -> [PlanRef: PlanPeriodStates] {
        guard !plans.isEmpty else { return [:] }
        let pick = PlansPick(plans)
        let columns = try store.queue.read { db in try stateTables.map { try SQLiteCopyTarget.columns(of: $0.table, db) } }
        let source = PostgresCopySource(link: link)
        let rows = try link.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            try zip(stateTables, columns).map { table, columns in
                try source.read(table.table, columns: columns, filter: RowFilter(condition: pick.server(table.table), parameters: pick.serverValues))
            }
        }
        return try store.periodStates(plans) { db in
            for table in stateTables {
                try db.execute(sql: "DELETE FROM \(table.table) WHERE \(pick.local(table.table))", arguments: pick.localValues)
            }
            for table in rows { try SQLiteCopyTarget.insert(table, db) }
        }
    }

    /// The rows of `plan` of the plans, from the server into the copy's list; true when the list
    /// changed (a plan came or went, or its periods or board changed).
    static func planRows(_ plans: [PlanRef], from link: PostgresLink, into store: PlanStore) throws -> Bool {
        guard !plans.isEmpty else { return false }
        let pick = PlansPick(plans)
        let columns = try store.queue.read { db in try SQLiteCopyTarget.columns(of: "plan", db) }
        let read = try PostgresCopySource(link: link).read("plan", columns: columns,
                                                           filter: RowFilter(condition: pick.server("plan"), parameters: pick.serverValues))
        var changed = false
        try store.writeWithoutForeignKeys { db in
            let listed = "SELECT unit_id, year, board_id, periods FROM plan WHERE \(pick.local("plan")) ORDER BY unit_id, year"
            let before = try Row.fetchAll(db, sql: listed, arguments: pick.localValues)
            try db.execute(sql: "DELETE FROM plan WHERE \(pick.local("plan"))", arguments: pick.localValues)
            try SQLiteCopyTarget.insert(read, db)
            changed = try Row.fetchAll(db, sql: listed, arguments: pick.localValues) != before
        }
        return changed
    }

    /// Every plan of a board's year read into the copy again (their rows but the edit logs, which
    /// a board's table and roll-up do not read, and a plan opened reads whole).
    static func board(_ boardID: String, year: Int, from link: PostgresLink, into store: PlanStore) throws {
        let scope = SnapshotScope.board(boardID: boardID, year: year)
        let tables = SnapshotScope.tables.filter { scope.filter($0) != nil }
        let columns = try store.queue.read { db in try tables.map { try SQLiteCopyTarget.columns(of: $0, db) } }
        let source = PostgresCopySource(link: link)
        let rows = try link.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") {
            try zip(tables, columns).compactMap { table, columns in
                try scope.filter(table).map { try source.read(table, columns: columns, filter: $0) }
            }
        }
        let items = "board_id = ? AND year = ?"
        let board: [DatabaseValue] = [boardID.databaseValue, year.databaseValue]
        // The texts and the units' rows go first: they are found through the items and plans.
        let deletions: [(String, String, [DatabaseValue])] =
            [("text_revision", RowFilter.texts(ofItems: items), board)]
            + tables.filter { !["text_revision", "item", "plan"].contains($0) }.map {
                ($0, "year = ? AND unit_id IN (SELECT unit_id FROM plan WHERE \(items))", [year.databaseValue] + board)
            }
            + [("item", items, board), ("plan", items, board)]
        try store.writeWithoutForeignKeys { db in
            for (table, condition, values) in deletions {
                try db.execute(sql: "DELETE FROM \(table) WHERE \(condition)", arguments: StatementArguments(values))
            }
            for table in rows { try SQLiteCopyTarget.insert(table, db) }
        }
        store.cascadeCache.invalidate()
    }
}

/// The rows of several plans (unit and year), in PostgreSQL's and SQLite's placeholders.
struct PlansPick {
    private let pairs: [PlanRef]
    let serverValues: [PostgresValue]
    let localValues: StatementArguments

    init(_ plans: [PlanRef]) {
        pairs = plans
        serverValues = plans.flatMap { [PostgresValue.text($0.unitID), .integer(Int64($0.year))] }
        localValues = StatementArguments(plans.flatMap { [$0.unitID.databaseValue, $0.year.databaseValue] })
    }

    private var serverCondition: String {
        pairs.indices.map { "(unit_id = $\(2 * $0 + 1) AND year = $\(2 * $0 + 2))" }.joined(separator: " OR ")
    }

    private var localCondition: String {
        Array(repeating: "(unit_id = ? AND year = ?)", count: pairs.count).joined(separator: " OR ")
    }

    /// The condition for `table`: the texts are picked through their items.
    func server(_ table: String) -> String {
        table == "text_revision" ? RowFilter.texts(ofItems: serverCondition) : "(\(serverCondition))"
    }

    func local(_ table: String) -> String {
        table == "text_revision" ? RowFilter.texts(ofItems: localCondition) : "(\(localCondition))"
    }
}
