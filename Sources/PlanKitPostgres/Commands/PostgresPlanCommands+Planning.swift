import PlanKit

/// Planning the VP on the server: the unit's own indicators and an activity's two dates, with
/// PlanKit's commands over the link, each in one transaction with its log entries and NOTIFY.
extension PostgresPlanCommands {
    /// Adds an own indicator under one of the unit's own goals; returns its id. Refused as on
    /// SQLite (a target that does not read as its kind, an empty name, a goal not the unit's).
    @discardableResult
    public func addIndicator(name: String, under unitGoal: String, target: String, targetKind: TargetKind,
                             measureUnit: String?, periodicity: Periodicity, direction: Direction,
                             in plan: PlanRef) throws -> String {
        try changeHeld(plan) {
            return try PlanStore.addIndicator(name: name, under: unitGoal, target: target, targetKind: targetKind,
                                              measureUnit: measureUnit, periodicity: periodicity, direction: direction,
                                              in: plan, login: login, link)
        }
    }

    /// Changes an own indicator's target, unit, periodicity and direction; one change in the log.
    public func setIndicator(_ indicator: String, target: String, targetKind: TargetKind, measureUnit: String?,
                             periodicity: Periodicity, direction: Direction, in plan: PlanRef) throws {
        try changeHeld(plan) {
            try PlanStore.setIndicator(indicator, target: target, targetKind: targetKind, measureUnit: measureUnit,
                                       periodicity: periodicity, direction: direction, in: plan, login: login, link)
        }
    }

    /// Sets both dates of an own activity in one transaction, refused as
    /// `EditRules.validateActivityDates` says.
    public func setActivityDates(start: String, end: String, activity: String, in plan: PlanRef) throws {
        try changeHeld(plan) {
            try PlanStore.setActivityDates(start: start, end: end, activity: activity, in: plan, login: login, link)
        }
    }
}
