import PlanKit

/// Adding the unit's own goals and activities and deleting them on the server: PlanKit's commands over the
/// link (the SQLite store's own rules, rows and log entry), in one transaction with NOTIFY.
/// Undo and redo of them go through `undo(in:)` and `redo(in:)` like any change.
extension PostgresPlanCommands {
    /// Adds an activity under one of the unit's own goals, running through the plan's year;
    /// returns its id. Refused as on SQLite (an unknown goal, an inherited one, a handed-in plan).
    @discardableResult
    public func addActivity(title: String, under unitGoal: String, in plan: PlanRef) throws -> String {
        try changeHeld(plan) {
            return try PlanStore.addActivity(title: title, under: unitGoal, in: plan, login: login, link)
        }
    }

    /// Adds an enhetsmål under a board goal the plan inherits; returns its id. Refused as on
    /// SQLite (a goal that is not a board goal of the plan, a handed-in plan).
    @discardableResult
    public func addUnitGoal(title: String, under boardGoal: String, in plan: PlanRef) throws -> String {
        try changeHeld(plan) {
            return try PlanStore.addUnitGoal(title: title, under: boardGoal, in: plan, login: login, link)
        }
    }

    /// Deletes one of the unit's own goals or activities with everything under it; undo puts
    /// it back.
    public func deleteItem(_ id: String, in plan: PlanRef) throws {
        try changeHeld(plan) {
            try PlanStore.deleteItem(id, in: plan, login: login, link)
        }
    }

    /// Row-level security hides the plans of units the login was not granted, and their items
    /// with them: such a plan is refused as one the login may not change (`change` says so),
    /// not as an unknown goal.
    func requireVisible(_ plan: PlanRef) throws {
        guard try link.run("SELECT 1 FROM plan WHERE unit_id = $1 AND year = $2", [.text(plan.unitID), .integer(Int64(plan.year))])
            .single != nil else { throw PlanError.noPlan(unit: plan.unitID, year: plan.year) }
    }

    /// `change` of a command that PlanKit refuses in a handed-in period, with the plan's row held
    /// first (`holdPlan`), so that a hand-in and the command meet on it.
    func changeHeld<T>(_ plan: PlanRef, _ body: () throws -> T) throws -> T {
        try change(plan) {
            try holdPlan(plan)
            return try body()
        }
    }

    /// Locks the plan's row `FOR SHARE` until the transaction (`change`'s) ends, before a
    /// change that PlanKit refuses in a handed-in period: a hand-in, which updates the row
    /// first, waits for this change to commit; one that updated the row since this
    /// transaction's snapshot makes the lock fail (40001), and the change is tried again on a
    /// snapshot that holds the hand-in. Changes that only lock the row do not wait for each
    /// other. A plan the login may not change (row-level security: updates) is refused as such.
    private func holdPlan(_ plan: PlanRef) throws {
        guard try link.run("SELECT 1 FROM plan WHERE unit_id = $1 AND year = $2 FOR SHARE",
                           [.text(plan.unitID), .integer(Int64(plan.year))]).single != nil else {
            throw PlanError.noPlan(unit: plan.unitID, year: plan.year)
        }
    }
}
