import Foundation
import PlanKit

/// A change the PostgreSQL database refused, in a person's words.
public enum PostgresCommandError: Error, Equatable, LocalizedError {
    /// The login may not change this plan (or the plan does not exist: row-level security
    /// makes the two look the same to the login).
    case notAllowed(login: String, unit: String, year: Int)

    public var errorDescription: String? { Strings.Postgres.commandError(self) }
}

extension PostgresCommandError: NamingUnitError {
    public func namingUnit(_ name: (String) -> String) -> Error {
        switch self {
        case .notAllowed(let login, let unit, let year): PostgresCommandError.notAllowed(login: login, unit: name(unit), year: year)
        }
    }
}

extension Strings.Postgres {
    static func commandError(_ error: PostgresCommandError) -> String {
        switch error {
        case .notAllowed(let login, let unit, let year):
            "Du (”\(login)”) har inte behörighet till planen för \(unit) \(year), eller så finns den inte. Inget har sparats. "
                + "Be den som sköter databasen om rätt till enheten (vp-tui grant)."
        }
    }
}
