import PlanKit

/// The words of the reading commands on a PostgreSQL database, and of the commands that do not
/// change one yet.
extension Strings {
    enum PostgresReading {
        static func changesNotYet(_ command: String?) -> String {
            let who = command.map { "vp-tui \($0)" } ?? "det här kommandot"
            return "Ändringar i en PostgreSQL-databas stöds ännu inte av \(who). Från PostgreSQL läser "
                + "export, check, status, units och appen (skrivskyddat); för ändringar ange en SQLite-fil med --db FIL."
        }

        static let noReadableUnits = "Du har inte behörighet till någon enhet i PostgreSQL-databasen."
    }
}
