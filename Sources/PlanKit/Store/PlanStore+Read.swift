import Foundation
import GRDB

/// A plan as listed by `vp-tui units`.
public struct PlanSummary: Hashable, Sendable {
    public var unit: Organisation
    public var year: Int
    public var boardID: String
    public var periods: [ReportPeriod]
}

extension PlanStore {
    public func organisations() throws -> [Organisation] {
        try read { db in
            try OrganisationRow.fetchAll(cached: db, sql: "SELECT * FROM organisation ORDER BY position, name").map(\.organisation)
        }
    }

    public func plans() throws -> [PlanSummary] {
        try read { db in
            // A district has thousands of plans: their columns found once (see ColumnPositions).
            var plans: [PlanSummary] = []
            try ColumnPositions.forEachRow(db, sql: """
                SELECT p.year, p.board_id, p.periods, o.* FROM plan p JOIN organisation o ON o.id = p.unit_id
                ORDER BY o.name, p.year
                """, arguments: []) { row in
                plans.append(PlanSummary(unit: Self.organisation(row), year: row["year"], boardID: row["board_id"],
                                         periods: Self.periods(row["periods"])))
            }
            return plans
        }
    }

    /// Finds a unit by id or by name, case-insensitively.
    public func unit(named nameOrID: String) throws -> Organisation {
        // An id, as the app's own command lines and scripts give it, is found without reading
        // every organisation of the district. Decoded by hand, as a plan load's rows are: it is
        // on the way to the first frame, where a record's first fetch builds generic machinery.
        if let row = try read({ db in
            try Row.fetchOne(cached: db, sql: "SELECT * FROM organisation WHERE id = ? AND kind = 'unit'", arguments: [nameOrID])
        }) {
            return Self.organisation(row)
        }
        let units = try organisations().filter { $0.kind == .unit }
        if let exact = units.first(where: { $0.id == nameOrID }) { return exact }
        let folded = nameOrID.lowercased()
        let matches = units.filter { $0.id.lowercased() == folded || $0.name.lowercased() == folded }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 { throw PlanError.ambiguousUnit(nameOrID, candidates: matches.map(\.id)) }
        throw PlanError.unknownUnit(nameOrID)
    }

    public func loadPlan(_ ref: PlanRef) throws -> PlanDocument {
        try read { db in
            try Self.loadPlan(ref, db) { board in try cascadeCache.itemsIfWorthKeeping(board: board, year: ref.year, db) }
        }
    }

    /// - Parameter cascade: the board's whole cascade, with revisions, if the caller has it
    ///   (`CascadeCache`); else only the items the plan shows are read.
    static func loadPlan(_ ref: PlanRef, _ db: Database,
                         cascade: (_ board: String) throws -> [String: PlanItem]? = { _ in nil }) throws -> PlanDocument {
        guard let planRow = try Row.fetchOne(cached: db, sql: "SELECT * FROM plan WHERE unit_id = ? AND year = ?",
                                             arguments: [ref.unitID, ref.year]) else {
            throw PlanError.noPlan(unit: ref.unitID, year: ref.year)
        }
        let boardID: String = planRow["board_id"]
        guard let unit = try Row.fetchOne(cached: db, sql: "SELECT * FROM organisation WHERE id = ?", arguments: [ref.unitID]).map(organisation),
              let board = try Row.fetchOne(cached: db, sql: "SELECT * FROM organisation WHERE id = ?", arguments: [boardID]).map(organisation) else {
            throw PlanError.noPlan(unit: ref.unitID, year: ref.year)
        }

        // The whole cascade is small (a few hundred items); the plan shows the inherited
        // selection, everything above it, and the unit's own items.
        // (Through item_by_unit: "+board_id" keeps SQLite from reading every unit's items of the
        // board and year through item_by_cascade, which grows with the district.)
        // Only the items shown are decoded, in place (no copy of each row), each query's columns
        // found once (see ColumnPositions): first the cascade's links, then the rows shown.
        let cascadeSQL = "FROM item WHERE unit_id IS NULL AND year = ? AND +board_id = ?"
        let whole = try cascade(boardID)
        var parents: [String: String] = [:]
        var cascadeIDs: Set<String> = []
        if let whole {
            for (id, item) in whole {
                cascadeIDs.insert(id)
                if let parent = item.parentID { parents[id] = parent }
            }
        } else {
            try ColumnPositions.forEachRow(db, sql: "SELECT id, parent_id \(cascadeSQL)", arguments: [ref.year, boardID]) { row in
                let id: String = row["id"]
                cascadeIDs.insert(id)
                if let parent: String = row["parent_id"] { parents[id] = parent }
            }
        }
        let inherited = try String.fetchAll(cached: db, sql: "SELECT item_id FROM plan_inherits WHERE unit_id = ? AND year = ?",
                                            arguments: [ref.unitID, ref.year])
        let notFollowedUp = try String.fetchAll(cached: db, sql: "SELECT item_id FROM plan_inherits WHERE unit_id = ? AND year = ? AND followed_up = 0",
                                                arguments: [ref.unitID, ref.year])
        var shownCascade: Set<String> = []
        for id in inherited {
            var current: String? = id
            while let itemID = current, cascadeIDs.contains(itemID), shownCascade.insert(itemID).inserted {
                current = parents[itemID]
            }
        }
        var visible: [String: PlanItem] = [:]
        if let whole {
            for id in shownCascade { visible[id] = whole[id] }
        } else {
            try ColumnPositions.forEachRow(db, sql: "SELECT * \(cascadeSQL)", arguments: [ref.year, boardID]) { row in
                let id: String = row["id"]
                if shownCascade.contains(id) { visible[id] = item(row) }
            }
        }
        try ColumnPositions.forEachRow(db, sql: "SELECT * FROM item WHERE unit_id = ? AND year = ?",
                                       arguments: [ref.unitID, ref.year]) { row in
            let item = item(row)
            visible[item.id] = item
        }
        // Revisions are few: read them first and find their items by id (CROSS JOIN fixes that order).
        // A whole cascade given has its own; then only the unit's items' are read.
        let revisions = whole == nil
            ? try Row.fetchAll(cached: db, sql: """
                SELECT r.* FROM text_revision r CROSS JOIN item i ON i.id = r.item_id
                WHERE i.board_id = ? AND i.year = ?
                """, arguments: [boardID, ref.year])
            : try Row.fetchAll(cached: db, sql: """
                SELECT r.* FROM text_revision r CROSS JOIN item i ON i.id = r.item_id
                WHERE i.unit_id = ? AND i.year = ?
                """, arguments: [ref.unitID, ref.year])
        for row in revisions {
            let id: String = row["item_id"]
            guard visible[id] != nil,
                  let period = ReportPeriod(rawValue: row["period"]),
                  let field = TextField(rawValue: row["field"]) else { continue }
            visible[id]?.revisions[period, default: [:]][field] = row["text"]
        }

        var followUps: [ReportPeriod: [String: FollowUp]] = [:]
        try ColumnPositions.forEachRow(db, sql: "SELECT * FROM follow_up WHERE unit_id = ? AND year = ?",
                                       arguments: [ref.unitID, ref.year]) { row in
            guard let period = ReportPeriod(rawValue: row["period"]) else { return }
            followUps[period, default: [:]][row["item_id"]] = followUp(row)
        }
        var sections: [ReportPeriod: [Section]] = [:]
        try ColumnPositions.forEachRow(db, sql: "SELECT * FROM section WHERE unit_id = ? AND year = ? ORDER BY position",
                                       arguments: [ref.unitID, ref.year]) { row in
            guard let period = ReportPeriod(rawValue: row["period"]) else { return }
            sections[period, default: []].append(section(row))
        }
        return PlanDocument(ref: ref, unit: unit, board: board,
                            periods: periods(planRow["periods"]), items: visible,
                            followUps: followUps, sections: sections, notFollowedUp: Set(notFollowedUp))
    }

    /// The edit log of a plan, oldest first.
    public func history(_ ref: PlanRef) throws -> [EditLogEntry] {
        try read { db in try Self.history(ref, db) }
    }

    /// The edit log of a plan, oldest first, on either database.
    public static func history(_ ref: PlanRef, _ db: some SQLConnection) throws -> [EditLogEntry] {
        try db.sqlRows("SELECT * FROM edit_log WHERE unit_id = ? AND year = ? ORDER BY id", [ref.unitID, ref.year])
            .map { try EditLogRow(row: $0).entry }
    }
}
