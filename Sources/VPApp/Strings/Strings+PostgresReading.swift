import PlanKit

/// The app on plans read from PostgreSQL, which it cannot change yet.
extension Strings {
    public enum PostgresReading {
        public static let readOnlyBanner = "Läst från PostgreSQL: ändringar kan inte sparas här ännu."
    }
}

extension AppState {
    /// Why nothing can be changed, as the status line says it.
    var readOnlyBanner: String {
        readsFromPostgres ? Strings.PostgresReading.readOnlyBanner : Strings.App.readOnlyBanner
    }
}
