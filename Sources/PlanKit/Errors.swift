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
    /// An outcome typed with a unit the indicator is not measured in.
    case wrongUnit(String, expected: String?)
    /// An outcome with more significant digits than a `Decimal` holds, or out of its range.
    case tooManyDigits(String, max: Int)
    /// A percentage outside 0–100 for an indicator that is a share.
    case notAShare(String)
    /// A text with a NUL character, which neither database keeps: SQLite's text ends at it,
    /// PostgreSQL's text cannot hold it.
    case nulCharacter

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
    /// The path cannot hold a database: a folder, a link loop, a name too long, …
    case unusablePath(path: String, problem: PathProblem)
    /// A SQLite database of another program: refused, left byte for byte as it was.
    case notOurs(path: String)
    /// A vp-tui database that lacks one of its tables.
    case missingTable(path: String, table: String)
    /// SQLite's check found the file damaged.
    case damaged(path: String, detail: String)

    public var errorDescription: String? { Strings.storeError(self) }
}
