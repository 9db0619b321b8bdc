import Foundation
import GRDB

/// Importing a new version of a board's cascade that no longer has some of the stored items.
extension PlanStore {
    /// The items under `id`, itself included (a recursive walk down `parent_id`).
    private static let below = """
        WITH RECURSIVE below(id) AS (SELECT ? UNION SELECT item.id FROM item JOIN below ON item.parent_id = below.id)
        """

    /// For each of `ids` that units depend on, the names of those units: a follow-up on the item or
    /// on one under it, or a goal or activity of their own under it. Removing the item removes those too.
    public func unitsHolding(_ ids: [String]) throws -> [String: [String]] {
        try read { db in
            var result: [String: [String]] = [:]
            for id in ids {
                let units = try String.fetchAll(db, sql: Self.below + """
                     SELECT name FROM organisation WHERE id IN (
                        SELECT unit_id FROM follow_up WHERE item_id IN below
                        UNION SELECT unit_id FROM item WHERE id IN below AND author = 'unit' AND unit_id IS NOT NULL
                    ) ORDER BY name
                    """, arguments: [id])
                if !units.isEmpty { result[id] = units }
            }
            return result
        }
    }

    /// Imports `file` and removes the items `ids` with everything under them (follow-ups on them
    /// and the units' own items under them included), all in one transaction: either both or nothing.
    @discardableResult
    public func importRecords(_ file: InterchangeFile, name: String, removing ids: [String]) throws -> ImportSummary {
        try write { db in
            for id in ids {
                try db.execute(sql: Self.below + " DELETE FROM follow_up WHERE item_id IN below", arguments: [id])
                // One statement for the whole subtree: the references between its items are all gone
                // when the statement ends, which is when SQLite checks them.
                try db.execute(sql: Self.below + " DELETE FROM item WHERE id IN below", arguments: [id])
            }
            var importer = Importer(db: db, file: name, login: login)
            try importer.run(file)
            return importer.summary
        }
    }
}
