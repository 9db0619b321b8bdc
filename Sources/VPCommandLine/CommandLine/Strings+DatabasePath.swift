import PlanKit

/// The words about the database path as given.
extension Strings.CommandLine {
    static let emptyDatabasePath =
        "--db har ett tomt värde; skriv sökvägen till databasen efter --db, eller utelämna --db för standarddatabasen."

    static func missingDatabase(_ path: String) -> String {
        "Databasen \(path) finns inte; kontrollera sökvägen. Inget har skapats. "
            + "En ny databas med exempelplanerna skapas när appen startas med den: vp-tui --db \(path)"
    }
}
