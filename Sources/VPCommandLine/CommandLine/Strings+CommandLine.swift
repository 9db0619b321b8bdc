import PlanKit

/// The command line's words: help texts, summaries and messages.
extension Strings {
    enum Help {
        static let root = "Skriv och följ upp enhetens verksamhetsplan i terminalen."
        static let rootDiscussion = """
            Utan kommando öppnas den interaktiva appen. Databasen är en SQLite-fil: --db DATABAS, \
            annars $VP_TUI_DB, annars $XDG_DATA_HOME/vp-tui/plan.sqlite (~/.local/share/vp-tui/plan.sqlite). \
            Finns den inte skapas den med de medföljande exempelplanerna.
            """
        static let db = "Databasfilen (SQLite), eller en PostgreSQL-databas att läsa ur (postgresql://…: export, check, status, "
            + "units och appen). Standard: $VP_TUI_DB eller ~/.local/share/vp-tui/plan.sqlite."
        static let importCommand = "Importera planer, nämndens mål och organisationer från JSON-filer (allt eller inget)."
        static let importFiles = "En eller flera JSON-filer i formatet vp-tui-plan (se docs/FORMAT.md)."
        static let exportCommand = "Skriv ut en enhets plan eller rapport som JSON, Markdown eller text."
        static let checkCommand = "Kontrollera vad som saknas innan rapporten kan lämnas in. Slutkod 0: komplett, 1: något saknas, 2: fel."
        static let unitsCommand = "Visa organisationer, enheter, år och perioder i databasen."
        static let unit = "Enhetens id eller namn (skiftläget spelar ingen roll)."
        static let year = "Året, till exempel 2021."
        static let period = "Perioden."
        static let exportPeriod = "Perioden för Markdown och text (standard: den senaste i planen). JSON innehåller alla perioder."
        static let format = "Utdataformat."
        static let appCommand = "Öppna den interaktiva appen (standard när inget kommando anges)."
        static let appUnit = "Öppna den här enhetens plan direkt (id eller namn)."
        static let appYear = "Öppna planen för det här året direkt."
        static let appPeriod = "Öppna den här perioden direkt."
        static let appCompact = "Börja i kompakt visning: utan detaljruta, raden markerad med en pil. Minst att skicka över en långsam förbindelse; D i programmet växlar. Eller sätt VP_TUI_COMPACT=1 i miljön (0 slår av)."
        static let output = "Skriv till den här filen i stället för till standard ut."
    }

    enum CommandLine {
        static func imported(_ summary: ImportSummary, files: Int) -> String {
            "Importerade \(files) \(files == 1 ? "fil" : "filer"): \(summary.organisations) organisationer, \(summary.goals) mål, " +
                "\(summary.activities) aktiviteter, \(summary.indicators) indikatorer, \(summary.plans) planer, " +
                "\(summary.followUps) uppföljningar, \(summary.sections) avsnitt."
        }

        static func wrote(_ path: String) -> String { "Skrev \(path)" }
        static func createdDatabase(_ path: String) -> String { "Skapade \(path) med exempelplanerna." }
        static func filledEmptyFile(_ path: String) -> String {
            "\(path) var en tom fil; den är nu en ny databas med exempelplanerna."
        }
        static func invalidYear(_ year: Int) -> String {
            "Året \(year) går inte att använda; ange ett år med fyra siffror, till exempel 2021."
        }
        static func pathNotUTF8(_ path: String) -> String {
            "Sökvägen \(path) innehåller byte som inte är UTF-8 (visade som \\xHH); vp-tui kan inte öppna den. Byt namn på filen eller katalogen."
        }
        static let seeUnits = "Se \"vp-tui units\"."
        /// What to do next, on the command line, after a PlanKit refusal: where the units are
        /// listed, or how to start a period or a year the unit has not started.
        static func hint(_ error: Error) -> String? {
            switch error {
            case PlanError.unknownUnit:
                return seeUnits
            case PlanError.periodNotInPlan(let period):
                return "Starta den med \"vp-tui start\" och samma --unit och --year, --period \(period.rawValue)."
            case PlanError.noPlan(let unit, let year) where unit.isEmpty || year == 0:
                return seeUnits
            case PlanError.noPlan:
                return "Starta årets verksamhetsplan med \"vp-tui start\" och samma --unit och --year, --period vp."
            case YearError.noCascade(_, let year):
                return "Importera dem först, till exempel med \"vp-tui import-text NÄMNDENS-PLAN.txt --year \(year)\", och starta sedan året igen."
            case YearError.nothingToStartFrom:
                return "Ange ett annat år att utgå från med --from."
            case YearError.alreadySubmitted:
                return "Öppna den med \"vp-tui reopen … --reason TEXT\" om den ska ändras."
            case YearError.reopenNeedsReason:
                return "Skriv skälet med --reason TEXT."
            case YearError.handedIn(let period):
                return "Öppna den igen med \"vp-tui reopen … --period \(period.rawValue) --reason TEXT\"."
            case RollupError.boardOrDepartmentNeeded:
                return "Välj med --namnd NÄMND eller --avdelning AVDELNING."
            default:
                return nil
            }
        }
        /// What an export of an incomplete report adds: where the missing lines are listed.
        static let seeCheck = "Se \"vp-tui check\"."
        static let noOrganisations = "Databasen är tom. Importera en plan med \"vp-tui import FIL\"."
        static let noPlan = "(ingen plan)"
        static func planLine(year: Int, periods: [ReportPeriod]) -> String {
            "\(year): " + periods.map(Strings.periodName).joined(separator: ", ")
        }
        static func errorPrefix(_ message: String) -> String { "vp-tui: fel: \(message)" }

        /// swift-argument-parser writes the frame of its help and its messages about a command
        /// line it cannot read in English. These are its phrases (regular expressions, in the
        /// order they are tried) with their Swedish, `$1`, `$2` standing for what a phrase names.
        /// Where the English is one width, so is the Swedish ("USAGE: ", "Help:  "), since the
        /// lines below are indented to it.
        static let argumentParserPhrases: [(english: String, swedish: String)] = [
            (#"^OVERVIEW: "#, "ÖVERSIKT: "),
            (#"^USAGE: "#, "ANROP: "),
            (#"^ARGUMENTS:$"#, "ARGUMENT:"),
            (#"^OPTIONS:$"#, "FLAGGOR:"),
            (#"^SUBCOMMANDS:$"#, "KOMMANDON:"),
            (#"Show help information\."#, "Visa hjälpen."),
            (#"Show the version\."#, "Visa versionen."),
            (#" \(default\)"#, " (standard)"),
            (#"\(values:"#, "(värden:"),
            (#"default:"#, "standard:"),
            (#" <subcommand>$"#, " <kommando>"),
            (#"See '(.*) <subcommand>' for detailed help\."#, "Se '$1 <kommando>' för hjälp om ett kommando."),
            (#"See '(.*)' for more information\."#, "Se '$1' för mer hjälp."),
            (#"^Error: "#, "Fel: "),
            (#"^Help:  "#, "Hjälp: "),
            (#"^Usage: "#, "Anrop: "),
            (#"Missing expected argument '(.*)'"#, "Argumentet '$1' saknas"),
            (#"Missing one of: "#, "Ett av dessa saknas: "),
            (#"Missing value for '(.*)'"#, "Värdet saknas för '$1'"),
            (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "Okänd flagga '$1'. Menade du '$2'?"),
            (#"Unknown option '([^']*)'"#, "Okänd flagga '$1'"),
            (#"^   or: "#, " eller: "),
            (#"Unexpected argument '(.*)'"#, "Oväntat argument '$1'"),
            (#"([0-9]+) unexpected arguments: "#, "$1 oväntade argument: "),
            (#"The value '([^']*)' is invalid for '([^']*)'"#, "Värdet '$1' går inte att använda för '$2'"),
            (#"\. Please provide one of the following:"#, ". Välj ett av dessa:"),
            (#"\. Please provide one of (.*) or ('[^']*')\."#, ". Välj ett av $1 eller $2."),
            (#"\. Please provide one of "#, ". Välj ett av "),
            (#"The option '([^']*)' does not take any value, but '([^']*)' was specified\."#,
             "Flaggan '$1' tar inget värde, men '$2' angavs."),
            (#"Missing required subcommand\."#, "Ett kommando saknas."),
            (#"Invalid option: "#, "Ogiltig flagga: "),
        ]
    }
}
