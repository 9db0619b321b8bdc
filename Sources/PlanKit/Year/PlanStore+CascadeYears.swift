import GRDB

/// A board's cascade for one year: what a unit's plan of that year is written under.
public struct BoardYear: Hashable, Sendable {
    public var boardID: String
    public var year: Int

    public init(boardID: String, year: Int) {
        self.boardID = boardID
        self.year = year
    }
}

extension PlanStore {
    /// The boards and years whose cascade has goals in the database: a unit of the board can
    /// start its plan (VP) for such a year (`startYear`), and for no other.
    public func cascadeYears() throws -> Set<BoardYear> {
        try read { db in
            // "+board_id" keeps SQLite on the (unit_id, year) index, as in `cascadeItemsByID`.
            let rows = try Row.fetchAll(cached: db, sql: """
                SELECT board_id, year FROM cascade c
                WHERE EXISTS (SELECT 1 FROM item WHERE unit_id IS NULL AND year = c.year AND +board_id = c.board_id)
                """)
            return Set(rows.map { BoardYear(boardID: $0["board_id"], year: $0["year"]) })
        }
    }
}
