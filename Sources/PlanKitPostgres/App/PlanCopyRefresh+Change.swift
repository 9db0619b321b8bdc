import Foundation
import GRDB
import PlanKit

/// After this session's own change, only what a change can have touched is read back: the edit
/// log's rows of the plan that are new or whose undo state the change may have moved, and the
/// records that the new rows' fields name. Reading the whole plan back took most of a save's
/// time (its items alone are the largest read); this reads a few rows. Whatever the new rows do
/// not name a single record of (a whole item or section) has the whole plan read instead.
extension PlanCopyRefresh {
    static func afterChange(_ plan: PlanRef, login: String, from link: PostgresLink, into store: PlanStore) throws {
        let parameters: [PostgresValue] = [.text(plan.unitID), .integer(Int64(plan.year))]
        let (newest, undone, columns) = try store.queue.read { db in
            (try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM edit_log WHERE unit_id = ? AND year = ?",
                                arguments: [plan.unitID, plan.year]) ?? 0,
             try Int64.fetchAll(db, sql: "SELECT id FROM edit_log WHERE unit_id = ? AND year = ? AND login = ? AND state = 'undone'",
                                arguments: [plan.unitID, plan.year, login]),
             try Dictionary(uniqueKeysWithValues: (["edit_log"] + recordTables).map { ($0, try SQLiteCopyTarget.columns(of: $0, db)) }))
        }
        let source = PostgresCopySource(link: link)
        // Undo marks my latest change undone; redo and a new change move my undone ones.
        let moved = undone.isEmpty ? "" : " OR id IN (\(undone.map(String.init).joined(separator: ", ")))"
        let logFilter = RowFilter(condition: "unit_id = $1 AND year = $2 AND (id > $3 OR (login = session_user AND state = 'undone')\(moved))",
                                  parameters: parameters + [.integer(newest)])
        let read = try link.transaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") { () -> [TableRows]? in
            let log = try source.read("edit_log", columns: columns["edit_log"] ?? [], filter: logFilter)
            guard let fields = newFields(in: log, after: newest) else { return nil }
            var tables = [log]
            for field in fields {
                guard let record = record(of: field, in: plan) else { return nil }
                tables.append(try source.read(record.table, columns: columns[record.table] ?? [],
                                              filter: RowFilter(condition: record.server, parameters: record.values.map(\.postgres))))
            }
            return tables
        }
        guard let read else { return try run(plan, from: link, into: store) }
        changedRecords += read.count - 1
        try store.writeWithoutForeignKeys { db in
            let log = read[0]
            let ids = log.rows.compactMap { row -> Int64? in
                guard let index = log.columns.firstIndex(of: "id"), case .integer(let id) = row[index] else { return nil }
                return id
            }
            for id in ids { try db.execute(sql: "DELETE FROM edit_log WHERE id = ?", arguments: [id]) }
            // The records were read in the order of the new rows' fields.
            let fields = newFields(in: log, after: newest) ?? []
            for (field, rows) in zip(fields, read.dropFirst()) {
                guard let record = record(of: field, in: plan) else { continue }
                try db.execute(sql: "DELETE FROM \(record.table) WHERE \(record.local)",
                               arguments: StatementArguments(record.values.map(\.local)))
                try SQLiteCopyTarget.insert(rows, db)
            }
            try SQLiteCopyTarget.insert(log, db)
        }
    }

    /// The fields of the log's rows newer than `newest`, each once; nil when there are none
    /// (nothing to go by) or one cannot be read.
    private static func newFields(in log: TableRows, after newest: Int64) -> [FieldRef]? {
        guard let idIndex = log.columns.firstIndex(of: "id"), let fieldIndex = log.columns.firstIndex(of: "field") else { return nil }
        var fields: [FieldRef] = []
        for row in log.rows {
            guard case .integer(let id) = row[idIndex], id > newest else { continue }
            guard case .text(let json) = row[fieldIndex],
                  let field = try? JSONDecoder().decode(FieldRef.self, from: Data(json.utf8)) else { return nil }
            if !fields.contains(field) { fields.append(field) }
        }
        return fields.isEmpty ? nil : fields
    }

    /// A key value in both databases' terms.
    enum Key {
        case text(String)
        case integer(Int)
        var postgres: PostgresValue {
            switch self {
            case .text(let text): .text(text)
            case .integer(let number): .integer(Int64(number))
            }
        }
        var local: DatabaseValue {
            switch self {
            case .text(let text): text.databaseValue
            case .integer(let number): number.databaseValue
            }
        }
    }

    /// Records read back one by one so far (for tests: the whole plan was not read instead).
    nonisolated(unsafe) package static var changedRecords = 0

    /// The tables a field's record may lie in.
    static let recordTables = ["follow_up", "item", "section", "plan_inherits"]

    /// The one row a field is kept in; nil for a whole item or section, which touches more.
    private static func record(of field: FieldRef, in plan: PlanRef) -> (table: String, server: String, local: String, values: [Key])? {
        let unit: [Key] = [.text(plan.unitID), .integer(plan.year)]
        switch field {
        case .rating(let item, let period), .status(let item, let period), .outcome(let item, let period), .analysis(let item, let period):
            return ("follow_up", "unit_id = $1 AND year = $2 AND item_id = $3 AND period = $4",
                    "unit_id = ? AND year = ? AND item_id = ? AND period = ?", unit + [.text(item), .text(period.rawValue)])
        case .itemText(let item, _), .itemDate(let item, _):
            return ("item", "id = $1", "id = ?", [.text(item)])
        case .sectionText(let section, let period), .sectionTitle(let section, let period):
            return ("section", "unit_id = $1 AND year = $2 AND period = $3 AND id = $4",
                    "unit_id = ? AND year = ? AND period = ? AND id = ?", unit + [.text(period.rawValue), .text(section)])
        case .followedUp(let item):
            return ("plan_inherits", "unit_id = $1 AND year = $2 AND item_id = $3", "unit_id = ? AND year = ? AND item_id = ?",
                    unit + [.text(item)])
        case .itemRecord, .sectionRecord:
            return nil
        }
    }
}
