import PlanKit

/// The words of the chooser: units grouped by board and department, their plans by year, the
/// periods with their state, starting the next period, and the plan remembered between runs.
extension Strings {
    public enum Chooser {
        public static let title = "Välj enhet, år och period"
        public static let noBoard = "Utan nämnd"
        public static let filterEmpty = "Skriv för att filtrera på enhet, avdelning eller nämnd"
        public static func filter(_ text: String, cursor: String) -> String { "Filter: \(text)\(cursor)" }
        public static func shown(_ units: Int, of total: Int) -> String {
            units == total ? "\(total) \(total == 1 ? "enhet" : "enheter")" : "\(units) av \(total) enheter"
        }
        public static func noMatch(_ text: String) -> String {
            "Ingen enhet, avdelning eller nämnd matchar \"\(text)\". Backsteg ändrar, Esc rensar."
        }
        /// The state of a period not yet read (the states are read in the background).
        public static let stateUnknown = "…"
        public static let stateUnreadable = "kan inte läsas"

        // Start rows.
        public static func startRow(_ period: ReportPeriod, year: Int) -> String {
            period == .vp ? "Starta verksamhetsplan \(year) …" : "Starta \(followUpNamed(period)) …"
        }
        /// A follow-up period as the start rows name it: "T1 (Tertialrapport 1)".
        static func followUpNamed(_ period: ReportPeriod) -> String {
            "\(periodName(period)) (\(documentName(period)))"
        }
        /// After the year in the row's year column: short enough for a window of 60 columns.
        public static let cascadeMissingRow = "VP: nämndens mål saknas (Enter visar hur)"
        public static func cascadeMissing(board: String, year: Int) -> String {
            "Nämndens mål för \(year) finns inte i databasen (\(board)). Importera dem först med "
                + "\"vp-tui import-text NÄMNDENS-PLAN.txt --year \(year)\"; sedan kan verksamhetsplanen startas här."
        }

        /// What a new period follows on from, as `vp-tui start` says it.
        static func startsFrom(_ from: ReportPeriod, skipped: [ReportPeriod]) -> String {
            let source = from == .vp ? "verksamhetsplanen (VP)" : "\(documentName(from).lowercased()) (\(periodName(from)))"
            let without = skipped.isEmpty ? "" : " (" + skipped.map(periodName).joined(separator: " och ") + " är inte påbörjad)"
            return "Den utgår från \(source)\(without)"
        }

        public static func confirmStart(_ request: StartRequest) -> String {
            if request.period == .vp {
                return "Starta verksamhetsplanen \(request.year) för \(request.unitName)? Den utgår från planen för "
                    + "\(request.fromYear); enhetens egna mål, indikatorer och ej genomförda aktiviteter följer med. (j/n)"
            }
            return "Starta \(documentName(request.period).lowercased()) (\(periodName(request.period))) \(request.year) för "
                + "\(request.unitName)? \(startsFrom(request.startsFrom, skipped: request.skipped)). (j/n)"
        }
        public static let confirmYes = "Starta"
        public static let confirmNo = "Avbryt"

        /// `layout`: where the detail pane, which shows what the period before said, is drawn.
        public static func startedPeriod(_ started: StartedPeriod, unit: String, layout: Layout) -> String {
            let skipped = ReportPeriod.allCases.filter { $0.isFollowUp && $0 > started.startsFrom && $0 < started.period }
            let without = skipped.isEmpty ? "" : " (" + skipped.map(periodName).joined(separator: " och ") + " inte påbörjad)"
            return "Startade \(periodName(started.period)) \(started.ref.year) för \(unit), från \(periodName(started.startsFrom))\(without); "
                + previousShown(layout)
        }

        public static func startedYear(_ started: StartedYear, unit: String) -> String {
            let carried = started.entries.filter { $0.placedID != nil }.count
            let open = started.entries.filter(\.needsDecision).count
            return "Startade VP \(started.ref.year) för \(unit) från \(started.fromYear): "
                + "\(carried) \(carried == 1 ? "post följde med" : "poster följde med"), \(open) behöver beslut."
        }

        // Keys.
        public static let typeKey = "a–ö"
        public static let hintFilter = "Filtrera"
        public static let hintMove = "Välj"
        public static let hintOpen = "Öppna"
        public static let hintBoardOrDepartment = "Nämnd/avd."
        public static let hintClear = "Rensa"
        public static let hintHelp = "Hjälp"
        public static let hintQuit = "Avsluta"

        // The plan remembered between runs.
        public static func rememberedGone(_ plan: String) -> String {
            "Den senast öppnade planen (\(plan)) finns inte längre; välj en annan."
        }
    }
}
