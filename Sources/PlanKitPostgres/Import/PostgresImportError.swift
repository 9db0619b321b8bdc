import Foundation
import PlanKit

/// Why an import into PostgreSQL was not made. The database is then as it was.
public enum PostgresImportError: Error, Equatable, LocalizedError {
    /// The login is neither the tables' owner nor the admin of the board (`name`: as the
    /// organisation tree has it).
    case notAdministered(board: String, name: String)
    /// Row-level security refused a row the import changed: one the login may not write.
    case notPermitted
    /// An id of the file is another cascade's or plan's in the database (one the login may not read).
    case idTaken
    /// A row points at one that is not in the database.
    case keysBroken
    /// Other sessions kept changing the same rows while the import was tried three times.
    case busy

    public var errorDescription: String? { Strings.PostgresImport.error(self) }
}

extension Strings {
    public enum PostgresImport {
        static let nothingChanged = "Inget har ändrats."

        static func error(_ error: PostgresImportError) -> String {
            switch error {
            case .notAdministered(let board, let name):
                "Du har inte behörighet att läsa in planer i nämnden ”\(name)” [\(board)] i PostgreSQL-databasen: "
                    + "det får bara databasens ägare och den som förvaltar nämnden. \(nothingChanged)"
            case .notPermitted:
                "Du har inte behörighet att ändra allt som filen ändrar i PostgreSQL-databasen: den når utanför det du förvaltar. "
                    + nothingChanged
            case .idTaken:
                "Filen har ett id som redan används i PostgreSQL-databasen, i en annan nämnds plan eller ett annat år. "
                    + nothingChanged
            case .keysBroken:
                "Filen pekar på något som inte finns i PostgreSQL-databasen. \(nothingChanged)"
            case .busy:
                "Andra ändrade samma planer i PostgreSQL-databasen medan filen lästes in. \(nothingChanged) Försök igen."
            }
        }

        /// The progress line on standard error.
        public static func progress(_ progress: ImportProgress) -> String {
            switch progress {
            case .reading: "Läser nämndens planer ur PostgreSQL-databasen …"
            case .importing: "Läser in filen …"
            case .writing(let table, let done, let total):
                "Skriver i PostgreSQL-databasen (\(table)): \(Copy.grouped(done)) av \(Copy.grouped(total)) ändrade rader"
            }
        }
    }
}
