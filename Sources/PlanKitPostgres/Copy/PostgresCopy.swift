import Foundation

/// A PostgreSQL database as the source of a copy; the login reads what its rights let it.
struct PostgresCopySource: CopySource {
    let link: PostgresLink

    init(address: PostgresAddress) throws {
        link = try PostgresDatabase.open(address)
    }

    init(link: PostgresLink) {
        self.link = link
    }

    /// In the order the rows lie in the table: the order they were copied in, for a fresh copy.
    func read(_ table: String) throws -> TableRows {
        try read(table, columns: try PostgresCopyTarget.columns(of: table, link).map(\.name))
    }

    /// The rows of `table` that `filter` keeps (and the login may read), in the order they lie
    /// in the table, so that a store filled with them lists them in the order the original does.
    func read(_ table: String, columns: [String], filter: RowFilter = .all) throws -> TableRows {
        let list = columns.map(SQL.quoted).joined(separator: ", ")
        let rows = try link.run("SELECT \(list) FROM \(table) WHERE \(filter.condition) ORDER BY ctid", filter.parameters).values
        return TableRows(table: table, columns: columns, rows: rows)
    }
}

/// Which rows of a table are read: a condition in PostgreSQL's SQL with `$1`, `$2`, ….
struct RowFilter {
    var condition: String
    var parameters: [PostgresValue] = []

    static let all = RowFilter(condition: "true")

    /// The condition on `text_revision` that picks the texts of the items `items` (a condition
    /// on `item`) picks; the same words serve PostgreSQL and SQLite.
    static func texts(ofItems items: String) -> String {
        "item_id IN (SELECT id FROM item WHERE \(items))"
    }
}

/// A PostgreSQL database as the target: empty (its tables are laid in the same transaction)
/// or with vp-tui's tables and no plan data.
struct PostgresCopyTarget: CopyTarget {
    let link: PostgresLink

    init(address: PostgresAddress) throws {
        link = try PostgresLink.connect(address)
    }

    init(link: PostgresLink) {
        self.link = link
    }

    func fill(_ body: ((TableRows, (Int) -> Void) throws -> Void) throws -> Void) throws {
        do {
            try write(body)
        } catch PostgresStoreError.refused(_, let state) where state.hasPrefix("23") {
            throw CopyError.keysBroken
        }
    }

    private func write(_ body: ((TableRows, (Int) -> Void) throws -> Void) throws -> Void) throws {
        try link.transaction {
            switch try PostgresDatabase.schemaState(link) {
            case .empty: try PostgresDatabase.installSchema(link)
            case .version(let found) where found > PostgresSchema.version:
                throw PostgresStoreError.schemaNewer(link.address, found: found, known: PostgresSchema.version)
            case .version(let found) where found < PostgresSchema.version:
                // In the copy's transaction: a copy that fails leaves the schema as it was, too.
                try PostgresDatabase.migrate(link, from: found, ownTransactions: false)
            case .version: break
            }
            for table in PostgresSchema.planTables
            where try link.run("SELECT EXISTS (SELECT 1 FROM \(table))").single == .integer(1) {
                throw CopyError.targetNotEmpty(target: link.address.description, table: table)
            }
            try body { rows, progress in try insert(rows, progress) }
            for table in PostgresSchema.identityTables {
                try link.run("SELECT setval(pg_get_serial_sequence('\(table)', 'id'), COALESCE(max(id), 0) + 1, false) FROM \(table)")
            }
        }
    }

    func discard() {}

    /// Many rows to a statement, each value as the column's type wants it.
    func insert(_ rows: TableRows, _ progress: (Int) -> Void) throws {
        guard !rows.rows.isEmpty else { return }
        let types = Dictionary(uniqueKeysWithValues: try Self.columns(of: rows.table, link).map { ($0.name, $0.isInteger) })
        let list = rows.columns.map(SQL.quoted).joined(separator: ", ")
        let perStatement = max(1, 30000 / rows.columns.count)
        var done = 0
        while done < rows.rows.count {
            let batch = rows.rows[done..<min(done + perStatement, rows.rows.count)]
            var parameters: [PostgresValue] = []
            var tuples: [String] = []
            for row in batch {
                var marks: [String] = []
                for (index, value) in row.enumerated() {
                    let column = rows.columns[index]
                    guard let isInteger = types[column] else { throw CopyError.schemaDiffers(table: rows.table, column: column) }
                    parameters.append(try Self.converted(value, integer: isInteger, rows.table, column))
                    marks.append("$\(parameters.count)")
                }
                tuples.append("(" + marks.joined(separator: ", ") + ")")
            }
            try link.run("INSERT INTO \(rows.table) (\(list)) VALUES \(tuples.joined(separator: ", "))", parameters)
            done += batch.count
            progress(done)
        }
    }

    static func columns(of table: String, _ link: PostgresLink) throws -> [(name: String, isInteger: Bool)] {
        try link.run("""
            SELECT column_name::text, data_type::text FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position
            """, [.text(table)]).values.compactMap { row in
            guard case .text(let name) = row[0], case .text(let type) = row[1] else { return nil }
            return (name, type == "bigint" || type == "integer")
        }
    }

    /// SQLite keeps what it is given: a number in a text column, a numeric text in an integer one.
    static func converted(_ value: PostgresValue, integer: Bool, _ table: String, _ column: String) throws -> PostgresValue {
        switch (value, integer) {
        case (.null, _), (.integer, true), (.text, false): return value
        case (.integer(let number), false): return .text(String(number))
        case (.real(let number), false): return .text(String(number))
        case (.real(let number), true) where number.rounded() == number && abs(number) < 9e18: return .integer(Int64(number))
        case (.text(let text), true) where Int64(text) != nil: return .integer(Int64(text)!)
        default: throw CopyError.valueDoesNotFit(table: table, column: column)
        }
    }
}
