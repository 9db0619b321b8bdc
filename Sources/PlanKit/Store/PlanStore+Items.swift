import Foundation
import GRDB

/// Adding, renaming and deleting the unit's own goals and activities (in its plan).
extension PlanStore {
    /// Adds an enhetsmål under a board goal the plan inherits; returns its id.
    @discardableResult
    public func addUnitGoal(title: String, under boardGoal: String, in plan: PlanRef) throws -> String {
        try write { db in try Self.addUnitGoal(title: title, under: boardGoal, in: plan, login: login, db) }
    }

    /// `addUnitGoal` as `login`, inside a transaction the caller holds, on either database.
    @discardableResult
    public static func addUnitGoal<C: SQLConnection>(title: String, under boardGoal: String, in plan: PlanRef,
                                                     login: String, _ db: C) throws -> String {
        guard let parent = try db.sqlRow("SELECT * FROM item WHERE id = ?", [boardGoal]).map(Self.item),
              parent.level == .boardGoal, try isInPlan(boardGoal, plan, db) else {
            throw PlanError.unknownItem(boardGoal)
        }
        guard let board = try db.sqlValue(String.self, "SELECT board_id FROM plan WHERE unit_id = ? AND year = ?",
                                          [plan.unitID, plan.year]) else { throw PlanError.noPlan(unit: plan.unitID, year: plan.year) }
        let id = try newID(prefix: unitGoalPrefix(plan, db), db)
        let position = try nextPosition(under: boardGoal, kind: .goal, db)
        let row = ItemSnapshot.Row(id: id, kind: .goal, level: .unitGoal, author: .unit, board: board, year: plan.year,
                                   unit: plan.unitID, parent: boardGoal, position: position, number: nil,
                                   texts: [TextField.title.rawValue: title], start: nil, end: nil, indicator: nil)
        try create(ItemSnapshot(rows: [row], followUps: []), plan: plan, login: login, db)
        return id
    }

    /// Adds an activity to one of the unit's own goals, running through the plan's year.
    @discardableResult
    public func addActivity(title: String, under unitGoal: String, in plan: PlanRef) throws -> String {
        try write { db in try Self.addActivity(title: title, under: unitGoal, in: plan, login: login, db) }
    }

    /// `addActivity` as `login`, inside a transaction the caller holds, on either database.
    @discardableResult
    public static func addActivity<C: SQLConnection>(title: String, under unitGoal: String, in plan: PlanRef,
                                                     login: String, _ db: C) throws -> String {
        let (board, position) = try placeUnderOwnGoal(unitGoal, kind: .activity, plan: plan, db)
        let id = try newID(prefix: "\(unitGoal)-a", db)
        let row = ItemSnapshot.Row(id: id, kind: .activity, level: nil, author: .unit, board: board, year: plan.year,
                                   unit: plan.unitID, parent: unitGoal, position: position, number: nil,
                                   texts: [TextField.title.rawValue: title], start: "\(plan.year)-01-01", end: "\(plan.year)-12-31",
                                   indicator: nil)
        try create(ItemSnapshot(rows: [row], followUps: []), plan: plan, login: login, db)
        return id
    }

    /// Deletes one of the unit's own goals or activities with everything under it. Undo puts it back.
    public func deleteItem(_ id: String, in plan: PlanRef) throws {
        try write { db in try Self.deleteItem(id, in: plan, login: login, db) }
    }

    /// `deleteItem` as `login`, inside a transaction the caller holds, on either database.
    public static func deleteItem<C: SQLConnection>(_ id: String, in plan: PlanRef, login: String, _ db: C) throws {
        let ref = FieldRef.itemRecord(item: id)
        try checkAllowed(ref, in: plan, db)
        guard let old = try snapshot(of: id, plan: plan, db) else { throw PlanError.unknownItem(id) }
        try removeItem(id, plan: plan, db)
        try discardRedo(plan: plan, login: login, db)
        try log(.edit, ref, old: .record(old), new: nil, plan: plan, login: login, db)
    }

    func create(_ snapshot: ItemSnapshot, plan: PlanRef, _ db: Database) throws {
        try Self.create(snapshot, plan: plan, login: login, db)
    }

    static func create(_ snapshot: ItemSnapshot, plan: PlanRef, login: String, _ db: some SQLConnection) throws {
        try checkNotHandedIn(.itemRecord(item: snapshot.rows[0].id), in: plan, db)
        try insert(snapshot, plan: plan, db)
        try discardRedo(plan: plan, login: login, db)
        try log(.edit, .itemRecord(item: snapshot.rows[0].id), old: nil, new: .record(snapshot), plan: plan, login: login, db)
    }

    static func discardRedo(plan: PlanRef, login: String, _ db: some SQLConnection) throws {
        try db.sqlExecute("UPDATE edit_log SET state = 'discarded' WHERE unit_id = ? AND year = ? AND login = ? AND state = 'undone'",
                          [plan.unitID, plan.year, login])
    }

    /// Own goals are numbered like the existing ones ("re-2021-em-06"), else "<unit>-<year>-em-01".
    private static func unitGoalPrefix(_ plan: PlanRef, _ db: some SQLConnection) throws -> String {
        let ids = try db.sqlRows("SELECT id FROM item WHERE unit_id = ? AND year = ? AND kind = 'goal'", [plan.unitID, plan.year])
            .map { $0["id"] as String }
        if let existing = ids.first(where: { $0.range(of: #"-em-\d+$"#, options: .regularExpression) != nil }),
           let range = existing.range(of: #"-em-\d+$"#, options: .regularExpression) {
            return String(existing[..<range.lowerBound]) + "-em-"
        }
        return "\(plan.unitID)-\(plan.year)-em-"
    }

    /// The board and the next position of a new item of `kind` under one of the unit's own
    /// goals in the plan; refused when the goal is unknown or not the unit's own.
    static func placeUnderOwnGoal(_ unitGoal: String, kind: ItemKind, plan: PlanRef,
                                  _ db: some SQLConnection) throws -> (board: String, position: Int) {
        guard let parent = try db.sqlRow("SELECT * FROM item WHERE id = ?", [unitGoal]).map(Self.item) else {
            throw PlanError.unknownItem(unitGoal)
        }
        guard parent.author == .unit, parent.kind == .goal, try Self.isInPlan(unitGoal, plan, db) else {
            throw PlanError.inherited(itemID: unitGoal, author: parent.author)
        }
        let board = try db.sqlValue(String.self, "SELECT board_id FROM item WHERE id = ?", [unitGoal]) ?? ""
        return (board, try nextPosition(under: unitGoal, kind: kind, db))
    }

    /// The position after the last child of `kind` under the parent.
    static func nextPosition(under parent: String, kind: ItemKind, _ db: some SQLConnection) throws -> Int {
        (try db.sqlValue(Int.self, "SELECT MAX(position) FROM item WHERE parent_id = ? AND kind = ?", [parent, kind.rawValue]) ?? -1) + 1
    }

    static func newID(prefix: String, _ db: some SQLConnection) throws -> String {
        // A range of the primary key, not LIKE (which reads every item of the district).
        let existing = Set(try db.sqlRows("SELECT id FROM item WHERE id >= ? AND id < ?", [prefix, prefix + "\u{10FFFF}"])
            .map { $0["id"] as String })
        var number = 1
        for id in existing {
            if let value = Int(id.dropFirst(prefix.count)) { number = max(number, value + 1) }
        }
        while existing.contains(prefix + String(format: "%02d", number)) { number += 1 }
        return prefix + String(format: "%02d", number)
    }

    // MARK: Snapshots

    static func snapshot(of id: String, plan: PlanRef, _ db: some SQLConnection) throws -> ItemSnapshot? {
        guard try db.sqlRow("SELECT 1 FROM item WHERE id = ?", [id]) != nil else { return nil }
        var rows: [ItemSnapshot.Row] = []
        var queue = [id]
        while !queue.isEmpty {
            let current = queue.removeFirst()
            guard let item = try db.sqlRow("SELECT * FROM item WHERE id = ?", [current]) else { continue }
            let decoded = Self.item(item)
            rows.append(ItemSnapshot.Row(id: decoded.id, kind: decoded.kind, level: decoded.level, author: decoded.author,
                                         board: item["board_id"], year: item["year"], unit: item["unit_id"],
                                         parent: decoded.parentID, position: decoded.position, number: decoded.number,
                                         texts: Dictionary(uniqueKeysWithValues: decoded.texts.map { ($0.key.rawValue, $0.value) }),
                                         start: decoded.start, end: decoded.end, indicator: decoded.indicator))
            queue += try db.sqlRows("SELECT id FROM item WHERE parent_id = ? ORDER BY kind, position, id", [current]).map { $0["id"] as String }
        }
        var followUps: [ItemSnapshot.FollowUpRow] = []
        for row in rows {
            for followUp in try db.sqlRows("SELECT * FROM follow_up WHERE unit_id = ? AND year = ? AND item_id = ? ORDER BY period",
                                           [plan.unitID, plan.year, row.id]) {
                let decoded = Self.followUp(followUp)
                followUps.append(ItemSnapshot.FollowUpRow(item: row.id, period: ReportPeriod(rawValue: followUp["period"]) ?? .vb,
                                                          rating: decoded.rating, status: decoded.status, outcome: decoded.outcome,
                                                          analysis: decoded.analysis.isEmpty ? nil : decoded.analysis))
            }
        }
        return ItemSnapshot(rows: rows, followUps: followUps)
    }

    static func removeItem(_ id: String, plan: PlanRef, _ db: some SQLConnection) throws {
        // Children first: items refer to their parents.
        for child in try db.sqlRows("SELECT id FROM item WHERE parent_id = ?", [id]).map({ $0["id"] as String }) {
            try removeItem(child, plan: plan, db)
        }
        try db.sqlExecute("DELETE FROM follow_up WHERE item_id = ?", [id])
        try db.sqlExecute("DELETE FROM item WHERE id = ?", [id])
    }

    static func insert(_ snapshot: ItemSnapshot, plan: PlanRef, _ db: some SQLConnection) throws {
        for row in snapshot.rows { try writeItem(row, db) }
        for followUp in snapshot.followUps { try writeFollowUp(followUp, in: plan, db) }
    }
}
