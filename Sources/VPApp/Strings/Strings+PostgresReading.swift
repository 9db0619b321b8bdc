import PlanKit

/// The app on plans read from PostgreSQL, which it cannot change yet.
extension Strings {
    public enum PostgresReading {
        public static let readOnlyBanner = "Läst från PostgreSQL: ändringar kan inte sparas här ännu."
    }
}
