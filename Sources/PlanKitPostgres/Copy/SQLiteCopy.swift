import Foundation
import GRDB
import PlanKit

/// A SQLite database file as the source of a copy; opened as every command opens it (an
/// older file is brought to the current schema first), never made when it is not there.
struct SQLiteCopySource: CopySource {
    let store: PlanStore

    init(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw CopyError.sourceMissing(path) }
        store = try PlanStore(path: path, readOnly: false)
    }

    /// In the order the rows were written (rowid), which PostgreSQL keeps for a fresh copy.
    func read(_ table: String) throws -> TableRows {
        try store.queue.read { db in
            let columns = try SQLiteCopyTarget.columns(of: table, db)
            let list = columns.map(SQL.quoted).joined(separator: ", ")
            let rows = try Row.fetchAll(db, sql: "SELECT \(list) FROM \(table) ORDER BY rowid").map { row in
                try columns.indices.map { index in try Self.value(row[index] as DatabaseValue, table, columns[index]) }
            }
            return TableRows(table: table, columns: columns, rows: rows)
        }
    }

    static func value(_ value: DatabaseValue, _ table: String, _ column: String) throws -> PostgresValue {
        switch value.storage {
        case .null: .null
        case .int64(let number): .integer(number)
        case .double(let number): .real(number)
        case .string(let text): .text(text)
        case .blob: throw CopyError.unsupportedValue(table: table, column: column)
        }
    }
}

/// A SQLite database file as the target: made when it is not there (and removed again when the
/// copy fails), else it must hold no plan data.
final class SQLiteCopyTarget: CopyTarget {
    let path: String
    let existed: Bool
    private var store: PlanStore?

    init(path: String) throws {
        self.path = path
        existed = FileManager.default.fileExists(atPath: path)
        store = try PlanStore(path: path)
    }

    func fill(_ body: ((TableRows, (Int) -> Void) throws -> Void) throws -> Void) throws {
        guard let store else { return }
        do {
            try write(store, body)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw CopyError.keysBroken
        }
    }

    private func write(_ store: PlanStore, _ body: ((TableRows, (Int) -> Void) throws -> Void) throws -> Void) throws {
        try store.queue.write { db in
            // Parents and children of one table (items, the edit log) come in any order.
            try db.execute(sql: "PRAGMA defer_foreign_keys = ON")
            for table in PostgresSchema.planTables where try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") == true {
                throw CopyError.targetNotEmpty(target: path, table: table)
            }
            try body { rows, progress in try Self.insert(rows, db, progress) }
        }
    }

    static func insert(_ rows: TableRows, _ db: Database, _ progress: (Int) -> Void = { _ in }) throws {
        guard !rows.rows.isEmpty else { return }
        let list = rows.columns.map(SQL.quoted).joined(separator: ", ")
        let marks = Array(repeating: "?", count: rows.columns.count).joined(separator: ", ")
        let statement = try db.makeStatement(sql: "INSERT INTO \(rows.table) (\(list)) VALUES (\(marks))")
        for (number, row) in rows.rows.enumerated() {
            // As optionals of the protocol: GRDB's initialiser for a sequence of one concrete
            // type goes through a key path for every value, most of an insert's time.
            let values: [(any DatabaseValueConvertible)?] = row.map { $0.databaseValue }
            try statement.execute(arguments: StatementArguments(values))
            if (number + 1) % 1000 == 0 || number + 1 == rows.rows.count { progress(number + 1) }
        }
    }

    /// The columns of a table of vp-tui's SQLite schema, in their order.
    static func columns(of table: String, _ db: Database) throws -> [String] {
        try Row.fetchAll(db, sql: "PRAGMA table_info(\(table))").map { $0["name"] as String }
    }

    func discard() {
        store = nil
        guard !existed else { return }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}

extension PostgresValue {
    /// The same value as SQLite holds it.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let number): number.databaseValue
        case .real(let number): number.databaseValue
        case .text(let text): text.databaseValue
        }
    }
}

enum SQL {
    /// A column or table name as an identifier in both dialects ("window" is a keyword in PostgreSQL).
    static func quoted(_ name: String) -> String { "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
}
