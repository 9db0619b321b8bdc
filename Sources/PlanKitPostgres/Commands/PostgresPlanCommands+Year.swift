import PlanKit

/// Starting a follow-up period or next year's plan, and placing or letting go of what the new
/// year carried over, on the server: PlanKit's commands over the link (the SQLite store's rules,
/// rows and log entries), each in one transaction with NOTIFY.
///
/// Each first updates a plan's row to what it holds (the plan changed, or last year's for a new
/// year). Two sessions that start the same period at once meet on that row: the later one waits
/// for the earlier, is refused by PostgreSQL (40001) and tried again, where it finds the period
/// started (`YearError.periodExists`) and writes nothing. Row-level security lets only a login
/// that may change the plan update the row, so a login that may only read it is refused before
/// anything is written.
extension PostgresPlanCommands {
    @discardableResult
    public func startPeriod(_ period: ReportPeriod, in plan: PlanRef) throws -> StartedPeriod {
        try change(plan) {
            guard try lockPlan(plan) != nil else { throw PlanError.noPlan(unit: plan.unitID, year: plan.year) }
            return try PlanStore.startPeriod(period, in: plan, login: login, link)
        }
    }

    /// The new plan is made from last year's plan and the board's cascade of the year, read
    /// into a snapshot in the same transaction.
    @discardableResult
    public func startYear(unit: String, year: Int, from fromYear: Int?) throws -> StartedYear {
        let fromYear = fromYear ?? year - 1
        let plan = PlanRef(unitID: unit, year: year)
        return try change(plan) {
            try PlanStore.startYear(unit: unit, year: year, from: fromYear, login: login, link) {
                let old = PlanRef(unitID: unit, year: fromYear)
                guard let board = try lockPlan(old) else {
                    // Last year's plan may be seen but not changed: the login may only read the unit.
                    if try isVisible(old) || !(try mayWrite(unit)) { throw PlanError.noPlan(unit: unit, year: year) }
                    throw YearError.nothingToStartFrom(unit: unit, year: fromYear)
                }
                let snapshot = try PostgresSnapshot.yearStart(on: link, unitID: unit, fromYear: fromYear, year: year,
                                                              boardID: board, login: login)
                return try snapshot.yearStartSources(unit: unit, year: year, from: fromYear)
            }
        }
    }

    @discardableResult
    public func placeCarriedItem(_ sourceID: String, under boardGoal: String?, in plan: PlanRef) throws -> CarryOverEntry {
        try change(plan) {
            guard try lockPlan(plan) != nil else { throw PlanError.noPlan(unit: plan.unitID, year: plan.year) }
            return try PlanStore.placeCarriedItem(sourceID, under: boardGoal, in: plan, login: login, link)
        }
    }

    public func dropCarriedItem(_ sourceID: String, in plan: PlanRef) throws {
        try change(plan) {
            guard try lockPlan(plan) != nil else { throw PlanError.noPlan(unit: plan.unitID, year: plan.year) }
            try PlanStore.dropCarriedItem(sourceID, in: plan, login: login, link)
        }
    }

    /// Updates the plan's row to what it holds and returns its board; nil when the login may
    /// not change the plan or it is not there.
    private func lockPlan(_ plan: PlanRef) throws -> String? {
        let board = try link.run("UPDATE plan SET periods = periods WHERE unit_id = $1 AND year = $2 RETURNING board_id",
                                 [.text(plan.unitID), .integer(Int64(plan.year))]).single
        guard case .text(let id)? = board else { return nil }
        return id
    }

    private func isVisible(_ plan: PlanRef) throws -> Bool {
        try link.run("SELECT 1 FROM plan WHERE unit_id = $1 AND year = $2", [.text(plan.unitID), .integer(Int64(plan.year))]).single != nil
    }

    /// Whether the login may change the unit's plans (always, for one that row-level security does not bind).
    private func mayWrite(_ unit: String) throws -> Bool {
        try link.run("SELECT NOT row_security_active('public.plan') OR $1 IN (SELECT vp_writable())", [.text(unit)]).single == .integer(1)
    }
}
