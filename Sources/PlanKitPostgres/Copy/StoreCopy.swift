import Foundation

/// A database `copy` reads from or writes to.
public enum CopyEndpoint: Equatable, Sendable {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// A PostgreSQL URL, else a SQLite file's path.
    public static func parse(_ text: String) throws -> CopyEndpoint {
        PostgresAddress.isURL(text) ? .postgres(try PostgresAddress.parse(text)) : .sqlite(path: text)
    }
}

/// How far a copy has come, for a progress line.
public struct CopyProgress: Equatable, Sendable {
    public var table: String
    /// 1-based.
    public var tableNumber: Int
    public var tableCount: Int
    public var rowsCopied: Int
    public var rowsInTable: Int
}

/// One table's rows as read from the source: columns in the source's order.
struct TableRows {
    var table: String
    var columns: [String]
    var rows: [[PostgresValue]]
}

/// Where rows are read from.
protocol CopySource {
    func read(_ table: String) throws -> TableRows
}

/// Where rows are written: all of them in one transaction, or none.
protocol CopyTarget {
    /// Runs `body` in one transaction on the target; throws (and leaves the target as it was)
    /// when the target holds any plan data or when `body` throws.
    func fill(_ body: (_ insert: (TableRows, (Int) -> Void) throws -> Void) throws -> Void) throws
    /// Called when the target was not there before and the copy failed: removes what was made.
    func discard()
}

/// `vp-tui copy`: every table of one database into an empty other one (SQLite or PostgreSQL,
/// either way), table by table in one transaction on the target.
public enum StoreCopy {
    /// Returns the number of rows copied.
    @discardableResult
    public static func run(from source: CopyEndpoint, to target: CopyEndpoint,
                           progress: @escaping (CopyProgress) -> Void = { _ in }) throws -> Int {
        guard source != target else { throw CopyError.sameDatabase }
        let reader: CopySource = switch source {
        case .sqlite(let path): try SQLiteCopySource(path: path)
        case .postgres(let address): try PostgresCopySource(address: address)
        }
        let writer: CopyTarget = switch target {
        case .sqlite(let path): try SQLiteCopyTarget(path: path)
        case .postgres(let address): try PostgresCopyTarget(address: address)
        }
        let tables = PostgresSchema.planTables
        var total = 0
        do {
            try writer.fill { insert in
                for (index, table) in tables.enumerated() {
                    let rows = try reader.read(table)
                    var shown = CopyProgress(table: table, tableNumber: index + 1, tableCount: tables.count,
                                             rowsCopied: 0, rowsInTable: rows.rows.count)
                    progress(shown)
                    try insert(rows) { copied in
                        shown.rowsCopied = copied
                        progress(shown)
                    }
                    total += rows.rows.count
                }
            }
        } catch {
            writer.discard()
            throw error
        }
        return total
    }
}
