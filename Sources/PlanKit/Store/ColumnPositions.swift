import GRDB

/// A row's columns found by name once per query, then read by position.
///
/// GRDB finds a column by name case-insensitively, lower-casing the names of the row's columns
/// on every access: for the 26 columns of an item, hundreds of small allocations per row
/// (docs/PERFORMANCE.md). Names here are matched exactly (the schema and the queries use lower
/// case); the first column of a name wins, as in GRDB.
struct ColumnPositions {
    /// Where each column is in the rows of one query.
    struct Layout {
        fileprivate let positions: [String: Int]

        init(_ row: Row) {
            var positions: [String: Int] = [:]
            for (index, name) in row.columnNames.enumerated() where positions[name] == nil {
                positions[name] = index
            }
            self.positions = positions
        }
    }

    let row: Row
    let layout: Layout

    init(_ row: Row, _ layout: Layout) {
        self.row = row
        self.layout = layout
    }

    subscript<Value: DatabaseValueConvertible>(_ name: String) -> Value? {
        guard let index = layout.positions[name] else { return nil }
        return row[index]
    }

    @_disfavoredOverload
    subscript<Value: DatabaseValueConvertible>(_ name: String) -> Value {
        guard let index = layout.positions[name] else { return row[name] }
        return row[index]
    }

    // Strings and numbers read straight from SQLite (GRDB's fast path), not through DatabaseValue.

    subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ name: String) -> Value? {
        guard let index = layout.positions[name] else { return nil }
        return row[index]
    }

    @_disfavoredOverload
    subscript<Value: DatabaseValueConvertible & StatementColumnConvertible>(_ name: String) -> Value {
        guard let index = layout.positions[name] else { return row[name] }
        return row[index]
    }
}

extension ColumnPositions {
    /// Runs `body` on each row of a query, read in place from SQLite (rows are not copied, so
    /// `body` must not keep them), the columns found once for all rows.
    static func forEachRow(_ db: Database, sql: String, arguments: StatementArguments,
                           _ body: (ColumnPositions) throws -> Void) throws {
        let cursor = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: arguments)
        var layout: Layout?
        while let row = try cursor.next() {
            let columns = layout ?? Layout(row)
            layout = columns
            try body(ColumnPositions(row, columns))
        }
    }
}
