import PlanKit

/// The words of `grant`, `revoke` and the PostgreSQL database address; what they did is said
/// in `Strings.RightsOutcome`.
extension Strings {
    enum Rights {
        static let grantCommand = "Ge en inloggning rätt till en enhet, avdelning eller nämnd i PostgreSQL-databasen."
        static let grantDiscussion = """
            Rätten gäller i PostgreSQL självt (radsäkerhet), så den gäller också för psql och andra program. \
            --unit ger rätt att skriva enhetens planer; --avdelning --read ger läsrätt till alla enheter under \
            avdelningen; --namnd --read eller --admin ger läsrätt till, eller förvaltning av, hela nämnden. \
            Finns ingen roll med inloggningens namn skapas den (LOGIN). Körs av databasens ägare, som får skapa roller.
            """
        static let revokeCommand = "Ta bort en rätt som gavs med vp-tui grant."
        static let login = "Inloggningen (rollen i PostgreSQL, samma som inloggningen i systemet)."
        static let unit = "Enheten vars planer inloggningen får skriva."
        static let department = "Avdelningen vars enheter inloggningen får läsa (med --read)."
        static let board = "Nämnden som inloggningen får läsa (--read) eller förvalta (--admin)."
        static let read = "Läsrätt (med --avdelning eller --namnd)."
        static let admin = "Förvaltning av nämnden: skriva allt under den, importera dess styrkedja, ge rätter."
        static let db = "PostgreSQL-databasens adress, postgresql://ANVÄNDARE@VÄRD:PORT/DATABAS "
            + "eller postgresql:///DATABAS?host=/SOCKETMAPP. Standard: $VP_TUI_DB."

        static let oneScope = "Ange precis en av --unit, --avdelning och --namnd."
        static let unitIsWrite = "--unit ger skrivrätt till enheten; --read och --admin hör till --avdelning och --namnd."
        static let departmentIsRead = "--avdelning ger läsrätt: skriv --avdelning AVDELNING --read."
        static let boardNeedsKind = "--namnd kräver --read eller --admin (inte båda)."
        static let emptyLogin = "Inloggningen får inte vara tom."

        static let noDatabase = "Ange PostgreSQL-databasen med --db postgresql://… eller VP_TUI_DB."
        static func notPostgres(_ given: String) -> String {
            "”\(given)” är ingen PostgreSQL-adress. Rätter per enhet finns bara i en PostgreSQL-databas "
                + "(en SQLite-fil kan var och en som får skriva filen ändra); ange --db postgresql://…"
        }
    }
}
