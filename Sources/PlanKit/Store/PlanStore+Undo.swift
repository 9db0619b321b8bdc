import Foundation
import GRDB

/// Undo and redo come from the edit log, so they survive a restart: each login undoes its own
/// changes in a plan, newest first, and redoes what it undid until it makes a new change.
extension PlanStore {
    /// Undoes this login's latest change in the plan; returns the field it restored.
    @discardableResult
    public func undo(in plan: PlanRef) throws -> FieldRef {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM edit_log WHERE unit_id = ? AND year = ? AND login = ? AND state = 'active'
                ORDER BY id DESC LIMIT 1
                """, arguments: [plan.unitID, plan.year, login]) else {
                throw PlanError.nothingToUndo
            }
            let entry = Self.logEntry(row)
            guard let field = entry.field else { throw PlanError.nothingToUndo }
            try Self.revert(field, expecting: entry.newValue, restoring: entry.oldValue, plan: plan, db)
            let order = (try Int.fetchOne(db, sql: "SELECT MAX(undo_order) FROM edit_log") ?? 0) + 1
            try db.execute(sql: "UPDATE edit_log SET state = 'undone', undo_order = ? WHERE id = ?", arguments: [order, entry.id])
            try Self.log(.undo, field, old: entry.newValue, new: entry.oldValue, plan: plan, login: login, refersTo: entry.id, db)
            return field
        }
    }

    /// Redoes the change this login undid last; returns the field it set again.
    @discardableResult
    public func redo(in plan: PlanRef) throws -> FieldRef {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT * FROM edit_log WHERE unit_id = ? AND year = ? AND login = ? AND state = 'undone'
                ORDER BY undo_order DESC LIMIT 1
                """, arguments: [plan.unitID, plan.year, login]) else {
                throw PlanError.nothingToRedo
            }
            let entry = Self.logEntry(row)
            guard let field = entry.field else { throw PlanError.nothingToRedo }
            try Self.revert(field, expecting: entry.oldValue, restoring: entry.newValue, plan: plan, db)
            try db.execute(sql: "UPDATE edit_log SET state = 'active', undo_order = NULL WHERE id = ?", arguments: [entry.id])
            try Self.log(.redo, field, old: entry.oldValue, new: entry.newValue, plan: plan, login: login, refersTo: entry.id, db)
            return field
        }
    }

    public func canUndo(in plan: PlanRef) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM edit_log WHERE unit_id = ? AND year = ? AND login = ? AND state = 'active' LIMIT 1",
                              arguments: [plan.unitID, plan.year, login]) ?? false
        }
    }

    public func canRedo(in plan: PlanRef) throws -> Bool {
        try read { db in
            try Bool.fetchOne(db, sql: "SELECT 1 FROM edit_log WHERE unit_id = ? AND year = ? AND login = ? AND state = 'undone' LIMIT 1",
                              arguments: [plan.unitID, plan.year, login]) ?? false
        }
    }

    /// Sets a field back, but only if nobody changed it after the logged change:
    /// undoing must never throw away someone else's later work.
    private static func revert(_ field: FieldRef, expecting expected: FieldValue?, restoring value: FieldValue?,
                               plan: PlanRef, _ db: Database) throws {
        try checkAllowed(field, in: plan, db)
        let (current, _) = try currentValue(of: field, in: plan, db)
        guard current == FieldValue.normalized(expected) else { throw PlanError.undoConflict }
        _ = try store(value, at: field, in: plan, db)
    }
}
