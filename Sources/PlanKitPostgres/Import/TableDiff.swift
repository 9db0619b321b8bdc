import GRDB
import PlanKit

/// One table's rows in the store in memory that an import runs on, keyed by the table's primary
/// key, in the order SQLite wrote them (rowid).
struct TableState {
    var table: String
    var columns: [String]
    /// The positions in `columns` of the primary key's columns.
    var key: [Int]
    var rows: [[PostgresValue]]

    static func read(_ table: String, _ db: Database) throws -> TableState {
        let info = try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))")
        let columns = info.map { $0["name"] as String }
        let key = info.enumerated().filter { ($0.element["pk"] as Int) > 0 }
            .sorted { ($0.element["pk"] as Int) < ($1.element["pk"] as Int) }.map(\.offset)
        let list = columns.map(SQL.quoted).joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: "SELECT \(list) FROM \(table) ORDER BY rowid").map { row in
            try columns.indices.map { index in try SQLiteCopySource.value(row[index] as DatabaseValue, table, columns[index]) }
        }
        return TableState(table: table, columns: columns, key: key, rows: rows)
    }

    func keyValues(of row: [PostgresValue]) -> [PostgresValue] { key.map { row[$0] } }
}

/// What an import changed in one table: the rows to insert (in the order the import wrote
/// them), the rows to update (only the columns that changed) and the keys of the rows to delete.
struct TableDiff {
    struct Update {
        var key: [PostgresValue]
        var columns: [String]
        var values: [PostgresValue]
    }

    var table: String
    var columns: [String]
    var keyColumns: [String]
    var inserted: [[PostgresValue]] = []
    var updated: [Update] = []
    var deleted: [[PostgresValue]] = []

    var count: Int { inserted.count + updated.count + deleted.count }

    init(before: TableState, after: TableState) {
        table = after.table
        columns = after.columns
        keyColumns = after.key.map { after.columns[$0] }
        let old = Dictionary(before.rows.map { (before.keyValues(of: $0), $0) }, uniquingKeysWith: { first, _ in first })
        var seen = Set<[PostgresValue]>()
        for row in after.rows {
            let key = after.keyValues(of: row)
            seen.insert(key)
            guard let previous = old[key] else {
                inserted.append(row)
                continue
            }
            let changed = columns.indices.filter { previous[$0] != row[$0] }
            if !changed.isEmpty {
                updated.append(Update(key: key, columns: changed.map { columns[$0] }, values: changed.map { row[$0] }))
            }
        }
        deleted = before.rows.map(before.keyValues).filter { !seen.contains($0) }
    }
}
