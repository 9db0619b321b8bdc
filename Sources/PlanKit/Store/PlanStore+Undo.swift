import Foundation
import GRDB

/// Undo and redo come from the edit log, so they survive a restart: each login undoes its own
/// changes in a plan, newest first, and redoes what it undid until it makes a new change.
extension PlanStore {
    /// Undoes this login's latest change in the plan; returns the field it restored.
    @discardableResult
    public func undo(in plan: PlanRef) throws -> FieldRef {
        try step(.undo, in: plan)
    }

    /// Redoes the change this login undid last; returns the field it set again.
    @discardableResult
    public func redo(in plan: PlanRef) throws -> FieldRef {
        try step(.redo, in: plan)
    }

    public func canUndo(in plan: PlanRef) throws -> Bool {
        try read { db in try Self.nextEntry(for: .undo, plan: plan, login: login, db) != nil }
    }

    public func canRedo(in plan: PlanRef) throws -> Bool {
        try read { db in try Self.nextEntry(for: .redo, plan: plan, login: login, db) != nil }
    }

    /// Undo takes the newest active change back to its old value; redo takes the most recently
    /// undone change forward to its new value. Both are logged like any change.
    private func step(_ action: EditLogEntry.Action, in plan: PlanRef) throws -> FieldRef {
        try write { db in try Self.step(action, in: plan, login: login, db) }
    }

    /// `step` as `login`, inside a transaction the caller holds, on either database.
    public static func step<C: SQLConnection>(_ action: EditLogEntry.Action, in plan: PlanRef, login: String, _ db: C) throws -> FieldRef {
        let isUndo = action == .undo
        guard let entry = try Self.nextEntry(for: action, plan: plan, login: login, db), let field = entry.field else {
            throw isUndo ? PlanError.nothingToUndo : PlanError.nothingToRedo
        }
        let (from, to) = isUndo ? (entry.newValue, entry.oldValue) : (entry.oldValue, entry.newValue)
        try Self.revert(field, expecting: from, restoring: to, plan: plan, db)
        if isUndo {
            // Any number above every earlier one orders the undone changes for redo. The log's
            // largest id is one (ids only grow, and each undo adds a row), found at once in the
            // primary key; MAX(undo_order) would read the whole log.
            let order = (try db.sqlValue(Int.self, "SELECT MAX(id) FROM edit_log", []) ?? 0) + 1
            try db.sqlExecute("UPDATE edit_log SET state = 'undone', undo_order = ? WHERE id = ?", [order, entry.id])
        } else {
            try db.sqlExecute("UPDATE edit_log SET state = 'active', undo_order = NULL WHERE id = ?", [entry.id])
        }
        try Self.log(action, field, old: from, new: to, plan: plan, login: login, refersTo: entry.id, db)
        return field
    }

    public static func nextEntry(for action: EditLogEntry.Action, plan: PlanRef, login: String, _ db: some SQLConnection) throws -> EditLogEntry? {
        let query = action == .undo
            ? "SELECT * FROM edit_log WHERE unit_id = ? AND year = ? AND login = ? AND state = 'active' ORDER BY id DESC LIMIT 1"
            : "SELECT * FROM edit_log WHERE unit_id = ? AND year = ? AND login = ? AND state = 'undone' ORDER BY undo_order DESC LIMIT 1"
        return try db.sqlRecord(EditLogRow.self, query, [plan.unitID, plan.year, login])?.entry
    }

    /// Sets a field back, but only if nobody changed it after the logged change:
    /// undoing must never throw away someone else's later work.
    private static func revert(_ field: FieldRef, expecting expected: FieldValue?, restoring value: FieldValue?,
                               plan: PlanRef, _ db: some SQLConnection) throws {
        try checkAllowed(field, in: plan, db)
        let (current, _) = try currentValue(of: field, in: plan, db)
        guard current == FieldValue.normalized(expected) else { throw PlanError.undoConflict }
        _ = try store(value, at: field, in: plan, db)
    }
}
