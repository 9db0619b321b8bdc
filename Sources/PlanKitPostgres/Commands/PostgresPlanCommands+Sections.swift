import PlanKit

/// The unit's own sections on the server: PlanKit's commands over the link (the SQLite store's
/// own rules, rows and log entry), each in one transaction with NOTIFY. Undo and redo of them go
/// through `undo(in:)` and `redo(in:)` like any change.
extension PostgresPlanCommands {
    /// Adds an own section at the end of the period's sections before or after the goals;
    /// returns its id. Refused as on SQLite (an empty heading, a period the plan lacks or has
    /// handed in).
    @discardableResult
    public func addSection(title: String, period: ReportPeriod, placement: SectionPlacement = .afterGoals,
                           in plan: PlanRef) throws -> String {
        try changeHeld(plan) {
            return try PlanStore.addSection(title: title, period: period, placement: placement, in: plan, login: login, link)
        }
    }

    /// Gives an own section a new heading; a template's section is refused.
    public func renameSection(_ section: String, to title: String, period: ReportPeriod, in plan: PlanRef) throws {
        try changeHeld(plan) {
            try PlanStore.renameSection(section, to: title, period: period, in: plan, login: login, link)
        }
    }

    /// Removes an own section with its text; undo puts both back.
    public func removeSection(_ section: String, period: ReportPeriod, in plan: PlanRef) throws {
        try changeHeld(plan) {
            try PlanStore.removeSection(section, period: period, in: plan, login: login, link)
        }
    }
}
