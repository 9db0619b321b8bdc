import PlanKit

/// Handing a period's report in and opening it again on the server, with the SQLite store's rules and report.
extension PostgresPlanCommands {
    /// Hands the period's report in, in one transaction with its edit log entry and NOTIFY:
    /// the plan is read into a snapshot in that transaction, judged and built by PlanKit
    /// (`PlanStore.handInBlocks`: a period the plan lacks, one handed in already, the gaps that
    /// are left), and the hand-in is written (`PlanStore.recordHandIn`). A plan the login may
    /// not change is refused as such (`PostgresCommandError.notAllowed`).
    ///
    /// The plan's row is updated first, to what it holds, and every change of the plan meets
    /// the hand-in there: a field's write holds only on the row's version it read, the other
    /// changes lock the row (`PostgresFieldSave`, `holdPlan`), and a period's start updates it.
    /// The update waits for the changes that hold the row, and keeps new ones out until the
    /// hand-in commits. The transaction is READ COMMITTED so that the plan is read after that
    /// wait, each table as committed then: a snapshot of the transaction's start (REPEATABLE
    /// READ) would miss a change committed while the hand-in waited for it, and hand in a report
    /// without it. The plan's fields, items and sections do not change meanwhile; the board's
    /// cascade, which an admin changes without the row, is read table by table. Two hand-ins of one report: the
    /// later one waits for the earlier and then finds it. Row-level security lets only a login
    /// that may change the plan update the row.
    @discardableResult
    public func submit(_ plan: PlanRef, period: ReportPeriod) throws -> HandIn {
        try change(plan, begin: "BEGIN ISOLATION LEVEL READ COMMITTED") {
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
