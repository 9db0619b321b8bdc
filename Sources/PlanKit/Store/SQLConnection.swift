import GRDB

/// The few calls the store's commands make on a database, so that one text of their rules and
/// their SQL runs on both stores: the SQLite file (GRDB's `Database`, below) and the city's
/// PostgreSQL server (PlanKitPostgres).
///
/// Statements use `?` placeholders and SQL that both databases accept. Values travel as GRDB's
/// (`StatementArguments`, `Row` results), which SQLite reads without converting; another
/// database maps them to its own types. The arguments are GRDB's own, not an array of values:
/// an array would be turned into them by a generic GRDB initializer that is not specialized
/// here, about 40 000 instructions more per saved change (callgrind).
public protocol SQLConnection {
    typealias Arguments = StatementArguments

    /// Runs a statement that returns no rows.
    func sqlExecute(_ sql: String, _ arguments: Arguments) throws

    /// The first column of the first row, or nil when there is no row or the value is NULL.
    func sqlValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: Value.Type, _ sql: String, _ arguments: Arguments) throws -> Value?

    /// The first row, its columns found by name.
    func sqlRow(_ sql: String, _ arguments: Arguments) throws -> Row?

    /// Every row, their columns found by name.
    func sqlRows(_ sql: String, _ arguments: Arguments) throws -> [Row]

    /// The first row as a record.
    func sqlRecord<Record: FetchableRecord>(_ type: Record.Type, _ sql: String, _ arguments: Arguments) throws -> Record?

    /// Runs an INSERT into a table keyed by an `id` column and returns the new row's id.
    func sqlInsert(_ sql: String, _ arguments: Arguments) throws -> Int64
}

extension SQLConnection {
    /// The first row as a record, decoded from the row by column name.
    public func sqlRecord<Record: FetchableRecord>(_ type: Record.Type, _ sql: String, _ arguments: Arguments) throws -> Record? {
        try sqlRow(sql, arguments).map { try Record(row: $0) }
    }
}

// Every statement goes through the connection's statement cache, as the store's own calls do
// (CachedStatements.swift): this is the path of every saved key.
extension Database: SQLConnection {
    @inline(__always)
    public func sqlExecute(_ sql: String, _ arguments: Arguments) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }

    @inline(__always)
    public func sqlValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: Value.Type, _ sql: String, _ arguments: Arguments) throws -> Value? {
        try Value.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    @inline(__always)
    public func sqlRow(_ sql: String, _ arguments: Arguments) throws -> Row? {
        try Row.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }

    public func sqlRows(_ sql: String, _ arguments: Arguments) throws -> [Row] {
        try Row.fetchAll(cachedStatement(sql: sql), arguments: arguments)
    }

    @inline(__always)
    public func sqlInsert(_ sql: String, _ arguments: Arguments) throws -> Int64 {
        try sqlExecute(sql, arguments)
        return lastInsertedRowID
    }

    /// Decoded in place from SQLite's row, which a record does not copy (GRDB finds its columns
    /// once per statement): undo reads the log's newest entry this way.
    @inline(__always)
    public func sqlRecord<Record: FetchableRecord>(_ type: Record.Type, _ sql: String, _ arguments: Arguments) throws -> Record? {
        try Record.fetchOne(cachedStatement(sql: sql), arguments: arguments)
    }
}
