import PlanKit

/// The app saving on the city's PostgreSQL database.
extension Strings {
    public enum PostgresSaving {
        /// A plan the login may read but not change; fits the status line of 80 columns.
        public static let readOnlyPlan = "Läsrätt i PostgreSQL-databasen: ändringar i den här planen kan inte sparas."
        /// The connection to the server broke; what is being written is kept on this computer.
        /// Short: it is said on one line of 80 columns while the person writes.
        public static let lost = "Förbindelsen med databasen bröts: det du skriver sparas på den här datorn."
        /// A save tried while the server could not be reached.
        public static let notSavedWhileLost = "Databasen svarar inte: inget sparat än. Sparas när den svarar igen."
        /// A rating, a status or an undo tried while the server could not be reached.
        public static let notSavedLost = "Databasen svarar inte: inget sparat. Försök igen när den svarar."
        public static let back = "Databasen svarar igen."
    }
}

extension AppState {
    /// Why nothing can be changed, as the status line says it.
    var readOnlyBanner: String {
        if savesOnServer { return Strings.PostgresSaving.readOnlyPlan }
        return readsFromPostgres ? Strings.PostgresReading.readOnlyBanner : Strings.App.readOnlyBanner
    }
}
