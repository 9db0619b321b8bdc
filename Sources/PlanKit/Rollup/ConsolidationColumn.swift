import GRDB

/// The stored consolidation of each indicator (`item.consolidation`). NULL means the default
/// for the indicator's measure unit, so that indicators added later need no value of their own.
enum ConsolidationColumn {
    /// Adds the column and writes the default of every existing indicator, so that what the
    /// board reads is visible (and changeable) in the database.
    static func migrate(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE item ADD COLUMN consolidation TEXT")
        let units = try Row.fetchAll(db, sql: "SELECT DISTINCT measure_unit FROM item WHERE kind = 'indicator'")
            .map { $0["measure_unit"] as String? }
        for unit in units {
            let value = Consolidation.defaultFor(measureUnit: unit).rawValue
            if let unit {
                try db.execute(sql: "UPDATE item SET consolidation = ? WHERE kind = 'indicator' AND measure_unit = ?", arguments: [value, unit])
            } else {
                try db.execute(sql: "UPDATE item SET consolidation = ? WHERE kind = 'indicator' AND measure_unit IS NULL", arguments: [value])
            }
        }
    }

    /// The consolidation of each indicator of a board's cascade for a year.
    static func read(board: String, year: Int, _ db: Database) throws -> [String: Consolidation] {
        var result: [String: Consolidation] = [:]
        for row in try Row.fetchAll(cached: db, sql: """
            SELECT id, measure_unit, consolidation FROM item
            WHERE unit_id IS NULL AND year = ? AND +board_id = ? AND kind = 'indicator'
            """, arguments: [year, board]) {
            let stored = (row["consolidation"] as String?).flatMap(Consolidation.init(rawValue:))
            result[row["id"]] = stored ?? Consolidation.defaultFor(measureUnit: row["measure_unit"])
        }
        return result
    }

    /// The consolidation of each indicator a unit wrote itself in its plan for a year.
    static func read(unit: String, year: Int, _ db: Database) throws -> [String: Consolidation] {
        var result: [String: Consolidation] = [:]
        for row in try Row.fetchAll(cached: db, sql: """
            SELECT id, measure_unit, consolidation FROM item WHERE unit_id = ? AND year = ? AND kind = 'indicator'
            """, arguments: [unit, year]) {
            let stored = (row["consolidation"] as String?).flatMap(Consolidation.init(rawValue:))
            result[row["id"]] = stored ?? Consolidation.defaultFor(measureUnit: row["measure_unit"])
        }
        return result
    }

    /// Stores an indicator's consolidation as a file gives it, or the default for its measure unit.
    static func write(id: String, _ consolidation: Consolidation?, measureUnit: String?, _ db: Database) throws {
        let value = consolidation ?? Consolidation.defaultFor(measureUnit: measureUnit)
        try db.cachedStatement(sql: "UPDATE item SET consolidation = ? WHERE id = ?").execute(arguments: [value.rawValue, id])
    }
}
