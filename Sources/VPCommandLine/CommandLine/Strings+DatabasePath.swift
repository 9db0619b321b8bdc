import PlanKit

/// The words about the database path as given.
extension Strings.CommandLine {
    static let emptyDatabasePath =
        "--db har ett tomt värde; skriv sökvägen till databasen efter --db, eller utelämna --db för standarddatabasen."
}
