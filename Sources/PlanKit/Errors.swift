import Foundation

/// A change PlanKit refuses, by rule.
public enum PlanError: Error, Equatable, LocalizedError {
    case inherited(itemID: String, author: Author)
    case notRatedByUnit(itemID: String)
    case fieldNotApplicable(itemID: String, field: String)
    case unknownItem(String)
    case unknownUnit(String)
    case ambiguousUnit(String, candidates: [String])
    case noPlan(unit: String, year: Int)
    case periodNotInPlan(ReportPeriod)
    case unknownSection(String, ReportPeriod)
    case staleRevision(expected: Int, actual: Int)
    case undoConflict
    case nothingToUndo
    case nothingToRedo
    case invalidDate(String)
    case notANumber(String)

    public var errorDescription: String? { Strings.planError(self) }
}

/// A database that cannot be opened or written as asked.
public enum StoreError: Error, Equatable, LocalizedError {
    case notADatabase(path: String)
    case newerSchema(path: String, found: Int, supported: Int)
    case cannotCreate(path: String, reason: String)
    case readOnly(path: String)
    /// The disk (or the database's size limit) is full: the change was rolled back.
    case diskFull(path: String)
    case samplesMissing

    public var errorDescription: String? { Strings.storeError(self) }
}
