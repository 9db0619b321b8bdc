import GRDB
import PlanKit

/// The store's commands (PlanKit) run on PostgreSQL through this: their `?` placeholders become
/// `$1`, `$2`, …, their arguments PostgreSQL values, and the rows that come back GRDB rows read
/// by column name, so that the same rules and the same SQL save a change on both databases.
extension PostgresLink: SQLConnection {
    public func sqlExecute(_ sql: String, _ arguments: Arguments) throws {
        try run(Self.numbered(sql), Self.values(arguments))
    }

    public func sqlValue<Value: DatabaseValueConvertible & StatementColumnConvertible>(
        _ type: Value.Type, _ sql: String, _ arguments: Arguments) throws -> Value? {
        guard let value = try run(Self.numbered(sql), Self.values(arguments)).values.first?.first else { return nil }
        return Value.fromDatabaseValue(value.databaseValue)
    }

    public func sqlRow(_ sql: String, _ arguments: Arguments) throws -> Row? {
        try sqlRows(sql, arguments).first
    }

    public func sqlRows(_ sql: String, _ arguments: Arguments) throws -> [Row] {
        let rows = try run(Self.numbered(sql), Self.values(arguments))
        return rows.values.map { values in
            var columns: [String: (any DatabaseValueConvertible)?] = [:]
            // The first column of a name wins, as in SQLite's rows.
            for (name, value) in zip(rows.columns, values) where columns[name] == nil {
                columns[name] = value.databaseValue
            }
            return Row(columns)
        }
    }

    public func sqlInsert(_ sql: String, _ arguments: Arguments) throws -> Int64 {
        guard case .integer(let id)? = try run(Self.numbered(sql) + " RETURNING id", Self.values(arguments)).single else {
            throw PostgresStoreError.refused(address, sqlState: "")
        }
        return id
    }

    /// `?` placeholders numbered as PostgreSQL's `$n`; a `?` inside a quoted string or name stays.
    static func numbered(_ sql: String) -> String {
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                result.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                result.append(character)
            } else if character == "?" {
                number += 1
                result += "$\(number)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    static func values(_ arguments: Arguments) -> [PostgresValue] {
        argumentValues(arguments).map { value in
            switch value.storage {
            case .null: .null
            case .int64(let number): .integer(number)
            case .double(let number): .real(number)
            case .string(let text): .text(text)
            // vp-tui's tables hold no blobs; a blob is sent as its bytes read as UTF-8.
            case .blob(let data): .text(String(decoding: data, as: UTF8.self))
            }
        }
    }

    /// The positional values of GRDB's arguments. GRDB keeps them in a stored property that it
    /// does not publish (`values`), read here by reflection; the GRDB version is pinned, and
    /// every saved change on PostgreSQL goes through this (SavingOnBothStoresTests).
    static func argumentValues(_ arguments: Arguments) -> [DatabaseValue] {
        guard let values = Mirror(reflecting: arguments).children.first(where: { $0.label == "values" })?.value as? [DatabaseValue] else {
            preconditionFailure("GRDB's StatementArguments no longer keeps its values in `values`")
        }
        return values
    }
}
