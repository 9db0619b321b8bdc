import PlanKit
/// The words of `vp-tui import-text`: help, outline, warnings and errors.
extension Strings {
    public enum TextImport {
        // MARK: Help

        public static let command = "Läs en verksamhetsplan som text (från PDF) och importera nämndens mål, indikatorer och aktiviteter."
        public static let discussion = """
            FIL är texten ur en nämnds verksamhetsplan (eller en enhets verksamhetsplan med enhetsmål), \
            till exempel från pdftotext. Med --dry-run visas vad som hittades utan att något sparas. \
            Utan --dry-run importeras allt eller inget: nämndens mål för året, eller enhetens plan med \
            enhetsmålen under nämndens mål (nämndens verksamhetsplan måste då vara importerad först). \
            Det som inte kunde placeras visas som varningar med radnummer.
            """
        public static let fileArgument = "Textfilen med verksamhetsplanen."
        public static let boardOption = "Nämndens namn, till exempel \"Hägersten-Älvsjö stadsdelsnämnd\" (annars läses det ur texten)."
        public static let yearOption = "Året planen gäller (annars läses det ur texten)."
        public static let unitOption = "Enhetens namn när texten är en enhets verksamhetsplan (annars läses det ur texten)."
        public static let dryRunOption = "Visa bara vad som hittades; spara ingenting."
        public static let formatOption = "Utdata vid --dry-run: text (en översikt) eller json (formatet vp-tui-plan)."

        // MARK: Outline and summary

        public static func documentHeading(kind: TextDocumentKind, year: Int, board: String, boardID: String) -> String {
            switch kind {
            case .boardPlan: return "Nämndens verksamhetsplan \(year): \(board) [\(boardID)]"
            case .unitPlan: return "Enhetens verksamhetsplan \(year) under \(board) [\(boardID)]"
            }
        }

        public static func unitHeading(_ name: String, id: String) -> String { "Enhet: \(name) [\(id)]" }
        public static let unitUnknown = "Enhet: (namnet hittades inte)"
        public static let indicatorLabel = "Indikator"
        public static let activityLabel = "Aktivitet"
        public static let noID = "utan id"
        public static let annualTarget = "Årsmål"
        public static let councilTarget = "KF:s årsmål"
        public static let noTarget = "–"
        public static let noDate = "inget datum"
        public static let warningsHeading = "Varningar:"

        public static func periodicityName(_ periodicity: Periodicity) -> String {
            switch periodicity {
            case .tertial: return "Tertial"
            case .term: return "Termin"
            case .halfYear: return "Halvår"
            case .year: return "År"
            }
        }

        public static func directionName(_ direction: Direction) -> String {
            direction == .higherIsBetter ? "högre är bättre" : "lägre är bättre"
        }

        public static func characters(_ count: Int) -> String { "\(count) tecken" }
        public static func warningLine(_ line: Int, _ message: String) -> String { "rad \(line): \(message)" }

        /// The closing line; `doubts` counts the lines listed under "Osäkert (kontrollera):", said
        /// beside the warnings so that the line does not read as if nothing needed a look.
        public static func summary(_ counts: TextImportCounts, doubts: Int = 0) -> String {
            "Hittade: \(counts.councilDirections) KF:s inriktningsmål, \(counts.councilAreas) KF:s mål för verksamhetsområdet, " +
                "\(counts.boardGoals) nämndmål, \(counts.unitGoals) enhetsmål, \(counts.indicators) indikatorer, " +
                "\(counts.activities) aktiviteter, \(counts.warnings) \(counts.warnings == 1 ? "varning" : "varningar")"
                + (doubts > 0 ? ", \(doubts) osäkra att kontrollera" : "")
        }

        // MARK: Warnings

        public static func unplacedText(_ excerpt: String) -> String {
            "texten kunde inte placeras under något mål och har hoppats över: ”\(excerpt)”"
        }
        public static func goalWithoutTitle(_ level: GoalLevel) -> String { "\(Strings.levelLabel(level)) utan rubrik" }
        public static func goalWithoutParent(_ level: GoalLevel) -> String {
            switch level {
            case .councilArea: return "KF:s mål för verksamhetsområdet står inte under något KF:s inriktningsmål och har hoppats över"
            case .boardGoal: return "nämndmålet står inte under något KF:s mål för verksamhetsområdet och har hoppats över"
            case .unitGoal: return "enhetsmålet står inte under något nämndmål och har hoppats över"
            case .councilDirection: return "KF:s inriktningsmål har hoppats över"
            }
        }
        public static func missingNumber(_ level: GoalLevel) -> String {
            "\(Strings.levelLabel(level)) har inget nummer i texten och får inget; kontrollera målet"
        }
        public static func titleEndGuessed(_ title: String) -> String {
            "rubriken ”\(title)” tar slut där texten blev för lång; kontrollera var rubriken slutar"
        }
        public static func directionUnsure(_ name: String) -> String {
            "riktningen för ”\(name)” framgår inte av målvärdena; högre är bättre antas (en sparad riktning behålls)"
        }
        public static func oddCells(_ count: Int, expected: Int) -> String {
            "raden har \(count) celler där rubriken har \(expected); kontrollera värdena"
        }
        public static let doubtsHeading = "Osäkert (kontrollera):"
        public static func numberMismatch(area: String, direction: String) -> String {
            "KF:s mål \(area) står under KF:s inriktningsmål \(direction)"
        }
        public static func duplicateNumber(_ number: String) -> String {
            "numret \(number) förekommer flera gånger; id:t fick ett tillägg"
        }
        public static func labelOutsideGoal(_ label: String) -> String { "rubriken ”\(label)” står utanför något mål" }
        public static func tableOutsideGoal() -> String { "tabellen står utanför något mål och har hoppats över" }
        public static func labelEndsGoal(_ label: String) -> String {
            "rubriken ”\(label)” hör inte till målet ovanför (den förekommer redan eller gäller en annan nivå); texten under den har hoppats över"
        }
        public static func followUpLabelSkipped(_ label: String) -> String {
            "”\(label)” hör till uppföljningen, inte till planen; texten under den har hoppats över"
        }
        public static func datesWithoutActivity(_ dates: String) -> String { "datum utan aktivitetstext: \(dates)" }
        public static func singleDate(_ date: String) -> String { "aktiviteten har bara ett datum (\(date)); det tolkas som startdatum" }
        public static func invalidDate(_ date: String) -> String { "”\(date)” är inget giltigt datum och har utelämnats" }
        public static func indicatorRowUnreadable(_ excerpt: String) -> String {
            "indikatorraden kunde inte tolkas och har hoppats över: ”\(excerpt)”"
        }
        public static func singleValueAmbiguous(_ value: String) -> String {
            "indikatorn har bara ett värde (\(value)); det tolkas som Årsmål men kan vara KF:s årsmål"
        }
        public static func periodicityUnknown(_ word: String) -> String {
            "periodiciteten ”\(word)” finns inte i vp-tui; den sparas som År"
        }
        public static func directionConflict(_ name: String) -> String {
            "riktningen för ”\(name)” är motsägelsefull (målvärdena pekar åt olika håll); Årsmålets riktning används"
        }
        public static func boardGoalNotInCascade(_ title: String) -> String {
            "nämndmålet ”\(title)” finns inte bland nämndens mål i databasen"
        }
        public static func councilGoalNotInCascade(_ number: String) -> String {
            "KF:s mål \(number) finns inte bland nämndens mål i databasen"
        }
        public static func itemNotInCascade(_ title: String) -> String {
            "”\(title)” finns inte under motsvarande mål i nämndens mål i databasen och tas inte med i planen"
        }
        public static func approximateMatch(_ title: String, _ stored: String) -> String {
            "”\(title)” matchades ungefärligt mot ”\(stored)”"
        }
        public static func unitGoalWithoutBoardGoal(_ title: String) -> String {
            "enhetsmålet ”\(title)” kan inte placeras eftersom nämndmålet ovanför inte hittades i nämndens mål"
        }
        public static func provisionalIDs(board: String, year: Int) -> String {
            "nämndens mål för \(year) (\(board)) finns inte att jämföra med; id:n för de ärvda målen är preliminära. " +
                "Importera nämndens verksamhetsplan först."
        }
        public static let unitNameMissing = "enhetens namn hittades inte i texten; ange det med --enhet"

        // MARK: Errors

        public static func fileMissing(_ path: String) -> String { "Kan inte läsa \(path)." }
        public static let noGoals = "Texten innehåller inga mål (inga rader som ”KF:s inriktningsmål:” eller ”Nämndmål:”)."
        public static let boardUnknown = "Nämndens namn hittades inte i texten; ange det med --namnd."
        public static let yearUnknown = "Året hittades inte i texten; ange det med --year."
        public static func cascadeMissing(board: String, year: Int) -> String {
            "Nämndens mål för \(year) (\(board)) finns inte i databasen. Importera nämndens verksamhetsplan först, " +
                "till exempel med vp-tui import-text. Inget har importerats."
        }
        public static func storedChange(id: String, field: String, old: String, new: String) -> String {
            "\(id) \(fieldName(field)): ”\(TextPlanParser.excerpt(old, length: 40))” → ”\(TextPlanParser.excerpt(new, length: 40))”"
        }
        static func fieldName(_ field: String) -> String {
            switch field {
            case "title": return "rubrik"
            case "description": return "beskrivning"
            case "expectedResult": return "förväntat resultat"
            case "method": return "arbetssätt"
            case "resources": return "resursanvändning"
            case "followUp": return "uppföljning"
            case "development": return "utveckling"
            case "comment": return "kommentar"
            case "name": return "namn"
            case "target": return "årsmål"
            case "councilTarget": return "KF:s årsmål"
            case "start": return "startdatum"
            case "end": return "slutdatum"
            default: return field
            }
        }
        public static func changesNeedReplace(_ changes: [StoredTextChange]) -> String {
            let shown = changes.prefix(20).map { "  " + $0.description }
            let more = changes.count > 20 ? ["  … och \(changes.count - 20) till"] : []
            return (["Importen skulle ändra \(changes.count) texter som redan finns i databasen:"] + shown + more
                    + ["Kör igen med --replace för att ersätta dem. Inget har importerats."]).joined(separator: "\n")
        }
        public static let replaceOption = "Ersätt texter som redan finns i databasen när texten säger något annat (utan flaggan vägras importen och ändringarna visas). Tomma texter ersätter aldrig sparade."
        public static let changesHeading = "Skulle ändra sparade texter (kräver --replace):"
        public static func pdftotextMissing(_ path: String) -> String {
            "\(path) är en PDF, och för att läsa den behövs programmet pdftotext, som inte finns. " +
                "Installera det med ”sudo apt-get install poppler-utils” (Debian, Ubuntu), ”sudo dnf install poppler-utils” " +
                "(Fedora) eller ”brew install poppler” (macOS), eller gör om PDF:en till text själv och importera textfilen. " +
                "Inget har importerats."
        }
        public static func pdftotextFailed(_ path: String, detail: String) -> String {
            "pdftotext kunde inte läsa \(path)\(detail.isEmpty ? "" : " (\(detail))"). Är filen en hel PDF? Inget har importerats."
        }
        public static let contentsTitle = "Innehållsförteckning"
        public static func sectionsHeading(_ period: ReportPeriod) -> String { "Avsnitt i \(period.rawValue.uppercased()):" }
        public static func sectionLine(_ title: String, line: Int, preview: String, characters: Int) -> String {
            characters == 0 ? "\(title) (rad \(line)): tomt" : "\(title) (rad \(line)): \(preview) (\(characters) tecken)"
        }
        public static func departmentHeading(_ name: String, id: String) -> String { "Avdelning: \(name) [\(id)]" }
        public static let unitMissing = "Enhetens namn hittades inte i texten; ange det med --enhet. Inget har importerats."
        public static let vanishedHeading = "Finns inte längre i texten (tas bort, med allt under sig, bara med --replace):"
        public static let vanishedKeptHeading = "Finns inte längre i texten och har behållits (ta bort dem med --replace):"
        public static let vanishedRemovedHeading = "Borttagna, de finns inte längre i texten:"
        public static func vanishedItem(id: String, kind: ItemKind, title: String, units: [String]) -> String {
            let what: String
            switch kind {
            case .goal: what = "målet"
            case .indicator: what = "indikatorn"
            case .activity: what = "aktiviteten"
            }
            let excerpt = title.count <= 70 ? title : String(title.prefix(70)) + "…"
            let line = "\(id): \(what) ”\(excerpt)”"
            guard !units.isEmpty else { return line }
            return line + " — enheterna \(units.joined(separator: ", ")) har uppföljningar eller egna mål på det, "
                + "som tas bort med det"
        }
        public static let departmentNotMentioned =
            "texten säger inte vilken avdelning enheten hör till; en ny enhet placeras direkt under nämnden"
        public static func departmentInferred(_ name: String, lines: [Int]) -> String {
            let shown = lines.prefix(6).map(String.init).joined(separator: ", ") + (lines.count > 6 ? " …" : "")
            return "avdelningen ”\(name)” står inte uttryckligen (”enhet inom …”); den är den som nämns mest, "
                + "på raderna \(shown)"
        }
        public static func departmentUnclear(_ mentions: [(name: String, lines: Int)]) -> String {
            let list = mentions.map { "\($0.name) (\($0.lines) rader)" }.joined(separator: ", ")
            return "avdelningen framgår inte: texten nämner \(list); en ny enhet placeras direkt under nämnden"
        }
        public static let tertialGuessed =
            "titeln säger ”Tertialrapport” men inte vilken tertial; texten läses som T1 (tertial 1)"
    }
}
