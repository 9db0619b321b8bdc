/// Which rows a snapshot reads beyond the organisation tree and the list of cascades, which
/// every snapshot reads whole (every login may read them, and names are found in them).
enum SnapshotScope {
    /// One unit's plan of one year, with its board's cascade of that year: what its report and
    /// its check read.
    case plan(unitID: String, year: Int, boardID: String)
    /// Every plan of a board's year, with the cascade: what its status and roll-up read.
    case board(boardID: String, year: Int)
    /// The board's cascade of a year, its items and their texts: what a plan of a new year is
    /// started from beside last year's plan.
    case cascade(boardID: String, year: Int)
    /// Every row the login may read but the sessions' own ones (drafts, who has a plan open).
    case everything
    /// What the app's chooser lists: every plan's row (which unit has which periods of which
    /// year) and the boards' own goals (a plan is read under them, and a year can start only
    /// under them); a plan's own rows are read when it is opened (`PlanServer.bringIn`).
    case chooser

    /// The tables read after the organisation and the cascades, in an order they can be written in.
    static let tables = PostgresSchema.planTables.filter { $0 != "organisation" && $0 != "cascade" }

    /// The rows of `table` this scope reads; nil: none.
    func filter(_ table: String) -> RowFilter? {
        switch self {
        case .plan(let unit, let year, let board):
            let parameters: [PostgresValue] = [.text(unit), .integer(Int64(year)), .text(board)]
            let items = "year = $2 AND (unit_id = $1 OR (unit_id IS NULL AND board_id = $3))"
            switch table {
            case "item": return RowFilter(condition: items, parameters: parameters)
            case "text_revision": return RowFilter(condition: RowFilter.texts(ofItems: items), parameters: parameters)
            // The edit log is the app's (its history); a report or a check does not read it.
            case "draft", "open_session", "edit_log": return nil
            default: return RowFilter(condition: "unit_id = $1 AND year = $2", parameters: Array(parameters.prefix(2)))
            }
        case .board(let board, let year):
            let parameters: [PostgresValue] = [.text(board), .integer(Int64(year))]
            let items = "board_id = $1 AND year = $2"
            switch table {
            case "item", "plan": return RowFilter(condition: items, parameters: parameters)
            case "text_revision": return RowFilter(condition: RowFilter.texts(ofItems: items), parameters: parameters)
            case "draft", "open_session", "edit_log": return nil
            default:
                return RowFilter(condition: "year = $2 AND unit_id IN (SELECT unit_id FROM plan WHERE \(items))", parameters: parameters)
            }
        case .cascade(let board, let year):
            let parameters: [PostgresValue] = [.text(board), .integer(Int64(year))]
            let items = "unit_id IS NULL AND board_id = $1 AND year = $2"
            switch table {
            case "item": return RowFilter(condition: items, parameters: parameters)
            case "text_revision": return RowFilter(condition: RowFilter.texts(ofItems: items), parameters: parameters)
            default: return nil
            }
        case .everything:
            return table == "draft" || table == "open_session" ? nil : .all
        case .chooser:
            switch table {
            case "plan": return .all
            case "item": return RowFilter(condition: "unit_id IS NULL")
            case "text_revision": return RowFilter(condition: RowFilter.texts(ofItems: "unit_id IS NULL"))
            default: return nil
            }
        }
    }
}
