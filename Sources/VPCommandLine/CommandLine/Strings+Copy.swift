import PlanKit

/// The words of `copy`.
extension Strings {
    enum CopyHelp {
        static let command = "Kopiera en hel databas till en tom: SQLite till PostgreSQL eller tvärtom."
        static let discussion = """
            Allt eller inget: kopian görs i en transaktion i målet, och går något fel är målet som det var. \
            Målet får inte ha några planer; en SQLite-fil som inte finns skapas. Varje databas anges som en \
            SQLite-fil eller en adress postgresql://ANVÄNDARE@VÄRD:PORT/DATABAS.
            """
        static let from = "Databasen att kopiera från (SQLite-fil eller postgresql://…)."
        static let to = "Den tomma databasen att kopiera till (SQLite-fil eller postgresql://…)."
        static let emptyEndpoint = "--from och --to får inte vara tomma."
    }
}
