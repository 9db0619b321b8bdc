import Foundation

/// A step of the plan's year that PlanKit refuses: starting, handing in, reopening, carrying over.
public enum YearError: Error, Equatable, LocalizedError {
    /// The period (or the year's VP) is there already.
    case periodExists(ReportPeriod, year: Int)
    /// The board's cascade for the year is not in the database.
    case noCascade(board: String, year: Int)
    /// The unit has no plan for the year to start from.
    case nothingToStartFrom(unit: String, year: Int)
    case incomplete(ReportPeriod, gaps: [CompletenessGap])
    case alreadySubmitted(ReportPeriod, by: String, at: String)
    case notSubmitted(ReportPeriod)
    case reopenNeedsReason
    /// A change to a report that has been handed in: it is read-only until reopened.
    case handedIn(ReportPeriod)
    case invalidTarget(String)
    case unknownPlacement(String)
    /// The previous period has no analysis of the item to copy.
    case nothingToCopy(ReportPeriod)

    public var errorDescription: String? { Strings.yearError(self) }
}
