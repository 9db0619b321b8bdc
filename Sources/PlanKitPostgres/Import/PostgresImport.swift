import Foundation
import PlanKit

/// How far an import into PostgreSQL has come, for a progress line.
public enum ImportProgress: Equatable, Sendable {
    /// Reading what the database holds of the boards' years.
    case reading
    /// Running the import on what was read.
    case importing
    /// Writing what the import changed: the table being written, and the rows written of all.
    case writing(table: String, rowsDone: Int, rowsTotal: Int)
}

/// `vp-tui import` and `import-text` into a PostgreSQL database. The import is PlanKit's own,
/// run on a store in memory that holds what the database has of the boards' years the file
/// names (every plan of them, and the organisation tree), so that it checks, merges and keeps
/// what it does on a file. What it changed there, row by row, is then written to the database
/// in the same transaction as the reading (REPEATABLE READ): all of it or nothing, and a
/// change that another session made to those rows in between has the import read and run
/// again rather than written over.
///
/// Only the tables' owner and the admin of each board named may write: checked first, so that
/// the refusal names the board, and held by row-level security (the cascade and everything of
/// a board is written only by its admin), which refuses any row the login may not write.
public enum PostgresImport {
    /// The tables an import may change; the drafts and who has a plan open are the sessions'.
    static let tables = PostgresSchema.planTables.filter { $0 != "draft" && $0 != "open_session" }

    /// Runs `change` on the boards' `years` as read from the database and, when `writing`,
    /// writes what it changed. Without `writing` (a dry run) nothing is written and no right
    /// beyond reading is asked for.
    public static func run<T>(_ address: PostgresAddress, years: Set<BoardYear>, writing: Bool = true,
                              progress: (ImportProgress) -> Void = { _ in }, _ change: (PlanStore) throws -> T) throws -> T {
        let link = try PostgresDatabase.open(address)
        var attempt = 1
        while true {
            do {
                return try link.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ") {
                    try once(link, login: address.login, years: years.sorted { ($0.boardID, $0.year) < ($1.boardID, $1.year) },
                             writing: writing, progress: progress, change)
                }
            } catch PostgresStoreError.refused(_, let state) where ["40001", "40P01", "23505"].contains(state) && attempt < 3 {
                // Another session wrote the same rows meanwhile: read them again and import on them.
                attempt += 1
            } catch PostgresStoreError.refused(_, let state) where state == "40001" || state == "40P01" {
                throw PostgresImportError.busy
            } catch PostgresStoreError.refused(_, let state) where state == "23505" {
                throw PostgresImportError.idTaken
            } catch PostgresStoreError.refused(_, let state) where state.hasPrefix("23") {
                throw PostgresImportError.keysBroken
            } catch PostgresStoreError.notAllowed {
                throw PostgresImportError.notPermitted
            }
        }
    }

    private static func once<T>(_ link: PostgresLink, login: String, years: [BoardYear], writing: Bool,
                                progress: (ImportProgress) -> Void, _ change: (PlanStore) throws -> T) throws -> T {
        progress(.reading)
        let store = try PostgresSnapshot.boardYears(on: link, years, login: login)
        if writing {
            for board in Set(years.map(\.boardID)).sorted() { try requireAdministered(board, store, link) }
        }
        let before = try store.queue.read { db in try tables.map { try TableState.read($0, db) } }
        progress(.importing)
        let result = try change(store)
        guard writing else { return result }
        let after = try store.queue.read { db in try tables.map { try TableState.read($0, db) } }
        let diffs = zip(before, after).map { TableDiff(before: $0, after: $1) }.filter { $0.count > 0 }
        try ImportWriter.write(diffs, link, progress: progress)
        // The plans of those years on others' screens are read again with their board's cascade,
        // and the choosers learn of the year (see PostgresPlanServer).
        for year in years {
            // Every unit of the board, with or without a plan of the year: a chooser shows
            // whether a unit's year can be started under the board's goals.
            let units = try link.run("""
                WITH RECURSIVE below(id) AS (
                    SELECT $1::text UNION SELECT organisation.id FROM organisation JOIN below ON organisation.parent_id = below.id)
                SELECT id FROM organisation WHERE kind = 'unit' AND id IN (SELECT id FROM below)
                UNION SELECT unit_id FROM plan WHERE board_id = $1 AND year = $2 ORDER BY 1
                """, [.text(year.boardID), .integer(Int64(year.year))]).values.compactMap { row in
                if case .text(let unit) = row.first { unit } else { nil }
            }
            try PostgresChannels.announce(units.map { ("\(PostgresChannels.cascadePrefix)\($0)/\(year.year)", $0) }, on: link)
        }
        return result
    }

    /// The owner (whom row-level security does not bind) or the board's admin. A board that is
    /// not in the organisation tree is left to the import to name as unknown; a file that makes
    /// it is refused by row-level security, as only the owner makes a board.
    private static func requireAdministered(_ board: String, _ store: PlanStore, _ link: PostgresLink) throws {
        guard let name = try store.organisations().first(where: { $0.id == board && $0.kind == .board })?.name else { return }
        let answer = try link.run("SELECT NOT row_security_active('public.cascade') OR $1 IN (SELECT vp_administered())",
                                  [.text(board)]).single
        guard answer != .integer(1) else { return }
        throw PostgresImportError.notAdministered(board: board, name: name)
    }
}

/// Writes what an import changed, table by table: the deletions first, children before parents
/// (a row that went with its parent would not be there to delete), then the insertions and
/// updates, parents before children. A row that the login reads but may not change is left
/// untouched by PostgreSQL; that is a refusal too, so that nothing is half written.
private enum ImportWriter {
    static func write(_ diffs: [TableDiff], _ link: PostgresLink, progress: (ImportProgress) -> Void) throws {
        let total = diffs.reduce(0) { $0 + $1.count }
        var done = 0
        func oneRow(_ changed: Int, _ table: String) throws {
            guard changed == 1 else { throw PostgresImportError.notPermitted }
            done += 1
            if done % 100 == 0 || done == total { progress(.writing(table: table, rowsDone: done, rowsTotal: total)) }
        }
        var types: [String: [String: Bool]] = [:]
        for diff in diffs {
            types[diff.table] = Dictionary(try PostgresCopyTarget.columns(of: diff.table, link).map { ($0.name, $0.isInteger) },
                                           uniquingKeysWith: { first, _ in first })
        }
        for diff in diffs.reversed() where !diff.deleted.isEmpty {
            let types = types[diff.table] ?? [:]
            for key in diff.deleted {
                let (condition, parameters) = try matching(diff, key, types, from: 1)
                try oneRow(try link.run("DELETE FROM \(diff.table) WHERE \(condition)", parameters).changed, diff.table)
            }
        }
        for diff in diffs {
            let types = types[diff.table] ?? [:]
            for update in diff.updated {
                var parameters: [PostgresValue] = []
                let assignments = try zip(update.columns, update.values).map { column, value in
                    parameters.append(try converted(value, column, diff.table, types))
                    return "\(SQL.quoted(column)) = $\(parameters.count)"
                }
                let (condition, keys) = try matching(diff, update.key, types, from: parameters.count + 1)
                let sql = "UPDATE \(diff.table) SET \(assignments.joined(separator: ", ")) WHERE \(condition)"
                try oneRow(try link.run(sql, parameters + keys).changed, diff.table)
            }
            guard !diff.inserted.isEmpty else { continue }
            // An identity key is the database's to give: the one in memory counted from one.
            let kept = diff.columns.indices.filter { !(PostgresSchema.identityTables.contains(diff.table) && diff.columns[$0] == "id") }
            let rows = TableRows(table: diff.table, columns: kept.map { diff.columns[$0] },
                                 rows: diff.inserted.map { row in kept.map { row[$0] } })
            let start = done
            try PostgresCopyTarget(link: link).insert(rows) { inserted in
                progress(.writing(table: diff.table, rowsDone: start + inserted, rowsTotal: total))
            }
            done = start + rows.rows.count
        }
    }

    private static func matching(_ diff: TableDiff, _ key: [PostgresValue], _ types: [String: Bool],
                                 from first: Int) throws -> (String, [PostgresValue]) {
        var parameters: [PostgresValue] = []
        let terms = try zip(diff.keyColumns, key).map { column, value in
            parameters.append(try converted(value, column, diff.table, types))
            return "\(SQL.quoted(column)) = $\(first + parameters.count - 1)"
        }
        return (terms.joined(separator: " AND "), parameters)
    }

    private static func converted(_ value: PostgresValue, _ column: String, _ table: String, _ types: [String: Bool]) throws -> PostgresValue {
        guard let isInteger = types[column] else { throw CopyError.schemaDiffers(table: table, column: column) }
        return try PostgresCopyTarget.converted(value, integer: isInteger, table, column)
    }
}
