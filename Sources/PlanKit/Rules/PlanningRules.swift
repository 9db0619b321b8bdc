import Foundation

/// A planning change PlanKit refuses: dates that do not fit, a section that is not the unit's.
public enum PlanningError: Error, Equatable, LocalizedError {
    case endBeforeStart(start: String, end: String)
    /// The activity would not run at any time of the plan's year.
    case outsideYear(start: String, end: String, year: Int)
    case sectionTitleNeeded
    /// The template's sections are the City's: they are not renamed or removed.
    case notOwnSection(String)

    public var errorDescription: String? { Strings.planningError(self) }
}

extension EditRules {
    /// Checks an activity's dates: both dates the calendar knows, the end not before the start,
    /// and the activity running at some time of the plan's year (it may begin in an earlier year
    /// or end in a later one, as the board's activities do).
    public static func validateActivityDates(start: String, end: String, year: Int) throws {
        try validateDate(start)
        try validateDate(end)
        guard start <= end else { throw PlanningError.endBeforeStart(start: start, end: end) }
        guard end >= "\(year)-01-01", start <= "\(year)-12-31" else {
            throw PlanningError.outsideYear(start: start, end: end, year: year)
        }
    }
}
