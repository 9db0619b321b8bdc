import PlanKit

/// Handing a period's report in and opening it again on the server, with the SQLite store's rules and report.
extension PostgresPlanCommands {
    /// Hands the period's report in, in one transaction with its edit log entry and NOTIFY:
    /// the plan is read into a snapshot in that transaction, judged and built by PlanKit
    /// (`PlanStore.handInBlocks`: a period the plan lacks, one handed in already, the gaps that
    /// are left), and the hand-in is written (`PlanStore.recordHandIn`). A plan the login may
    /// not change is refused as such (`PostgresCommandError.notAllowed`).
    @discardableResult
    public func submit(_ plan: PlanRef, period: ReportPeriod) throws -> HandIn {
        try change(plan) {
            // The plan's row is updated first, to what it holds: two hand-ins of one plan at once
            // then meet on the row, and the later one's transaction is refused (40001) and tried
            // again, where it finds the first hand-in. Every change that the hand-in closes meets
            // it there too: a field's write holds only on the row's version it read, and the
            // other changes lock the row (`PostgresFieldSave`, `holdPlan`). Row-level security
            // lets only a login that may change the plan update the row.
            let board = try link.run("UPDATE plan SET periods = periods WHERE unit_id = $1 AND year = $2 RETURNING board_id",
                                     [.text(plan.unitID), .integer(Int64(plan.year))]).single
            guard case .text(let boardID)? = board else { throw PlanError.noPlan(unit: plan.unitID, year: plan.year) }
            let snapshot = try PostgresSnapshot.plan(on: link, unitID: plan.unitID, year: plan.year, boardID: boardID, login: login)
            let blocks = try snapshot.handInBlocks(plan, period: period)
            return try PlanStore.recordHandIn(plan, period: period, blocks: blocks, login: login, link)
        }
    }

    /// Opens a handed-in report again for changes, with the reason in the edit log (PlanKit's
    /// `PlanStore.reopen`), in one transaction with NOTIFY.
    public func reopen(_ plan: PlanRef, period: ReportPeriod, reason: String) throws {
        try change(plan) {
            // A plan the login may not see is refused as such, not as a report that is not handed in.
            try requireVisible(plan)
            try PlanStore.reopen(plan, period: period, reason: reason, login: login, link)
        }
    }
}
