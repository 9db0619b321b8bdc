import PlanKit

/// The interactive app's words: labels, messages and the names of keys. What each key does is
/// said beside its binding, in the key tables (Keys/).
extension Strings {
    public enum App {
        public static func header(unit: String, year: Int, period: ReportPeriod) -> String {
            "\(unit) · \(documentName(period)) \(year) (\(periodName(period)))"
        }

        /// The header where the whole one does not fit: "Förskolan Tussilagon · VB 2021".
        public static func shortHeader(unit: String, year: Int, period: ReportPeriod) -> String {
            "\(unit) · \(periodName(period)) \(year)"
        }

        public static let tooSmall = "Fönstret är för litet."
        public static func tooSmallDetail(width: Int, height: Int, minWidth: Int, minHeight: Int) -> String {
            "Nu \(width)×\(height), behöver minst \(minWidth)×\(minHeight)."
        }

        public static let saved = "Sparat"
        public static let undone = "Ångrat"
        public static let redone = "Gjort om"
        public static let readOnlyBanner = "Skrivskyddad databas: ändringar kan inte sparas."
        public static let inheritedReadOnly = "Texten är ärvd och kan inte ändras här; enhetens analys skrivs med e."
        public static let analysisOnlyInFollowUp = "Analys skrivs i T1, T2 och VB; byt period med t."
        public static let councilGoalNoAnalysis = "KF:s mål följs upp av nämnden; skriv enhetens analys under nämndmålet eller enhetsmålet."
        public static let noRatingHere = "Bara enhetsmål bedöms i enhetens rapport."
        public static let notAGoal = "Bedömning gäller mål: välj ett enhetsmål."
        public static let notAnActivity = "Status gäller aktiviteter: välj en aktivitet."
        public static let notAnIndicator = "Utfall gäller indikatorer: välj en indikator."
        public static let noFollowUpInPlan = "I verksamhetsplanen (VP) följs inget upp; byt period med t."
        public static func missingCount(_ count: Int) -> String { count == 0 ? "Komplett" : Strings.missingLines(count) }
        public static let nothingMissing = "Inget saknas: rapporten är komplett."
        public static func missingHere(_ message: String, remaining: Int) -> String {
            "\(message) (\(Strings.missingLines(remaining)))"
        }
        public static func searchPrompt(_ query: String) -> String { "Sök: \(query)" }
        public static func searchResult(_ index: Int, of count: Int, query: String) -> String {
            "Träff \(index) av \(count) för \"\(query)\" (. nästa, , föregående)"
        }
        public static func noMatches(_ query: String) -> String { "Ingen träff för \"\(query)\"." }
        public static func outcomePrompt(_ text: String) -> String { "Utfall: \(text)" }
        public static let outcomeHint = "Skriv ett tal, t.ex. 12,5. Enter sparar, Esc avbryter, tomt rensar."
        public static func exported(_ path: String) -> String { "Rapporten skrevs till \(path)" }
        public static func exportPrompt(_ path: String) -> String { "Skriv rapporten till: \(path)" }
        public static let externalEditorFailed = "Den externa editorn gick inte att starta; texten är oförändrad."
        public static let noChoice = "Databasen har inga planer. Importera en med: vp-tui import FIL"
        /// "Ta bort "X" och 2 aktiviteter, 3 analyser? (j/n)".
        public static func deleteConfirm(_ title: String, with contents: DeletionContents) -> String {
            let parts = [(contents.activities, "aktivitet", "aktiviteter"), (contents.indicators, "indikator", "indikatorer"),
                         (contents.analyses, "analys", "analyser")]
                .filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
            let with = parts.isEmpty ? "" : " och " + parts.joined(separator: ", ")
            return "Ta bort \"\(title)\"\(with)? (j/n)"
        }
        public static let deleted = "Borttaget"
        public static func newItemPrompt(goal: Bool, _ title: String) -> String {
            (goal ? "Nytt enhetsmål: " : "Ny aktivitet: ") + title
        }
        public static let titleNeeded = "Skriv en rubrik, eller Esc för att avbryta."
        public static let onlyInPlan = "Mål och aktiviteter läggs till i verksamhetsplanen (VP)."
        public static let renameOnlyInPlan = "Egna mål och aktiviteter namnges i verksamhetsplanen (VP); byt period med t."
        public static let addWhere = "Välj ett nämndmål (för ett enhetsmål) eller ett eget enhetsmål (för en aktivitet)."
        public static let cannotDeleteInherited = "Ärvda mål och aktiviteter kan inte tas bort."

        // Drafts, conflicts and other sessions
        public static func draftFound(at time: String) -> String {
            "Det finns ett osparat utkast av den här texten från \(time)."
        }
        public static let draftHeading = "Utkast"
        public static let savedHeading = "Sparad text"
        public static func conflict(by login: String, at time: String) -> String {
            "\(login) sparade en ändring av texten \(time) medan du skrev. Inget är överskrivet."
        }
        public static let mineHeading = "Din text"
        public static func theirsHeading(_ login: String) -> String { "Sparad text (av \(login))" }
        public static func mergedText(mine: String, theirs: String, by login: String) -> String {
            "\(mine)\n\n--- Sparat av \(login) ---\n\n\(theirs)"
        }
        public static func alsoOpenBy(_ sessions: [(login: String, host: String, since: String)]) -> String {
            "Öppen även av " + sessions.map { "\($0.login)@\($0.host) sedan \($0.since)" }.joined(separator: ", ")
        }
        public static let updatedFromElsewhere = "Uppdaterad med ändringar från en annan session."

        // Outline and detail
        public static let own = "eget"
        public static let lock = "🔒"
        public static let lockASCII = "#"
        public static let noStatus = "Ingen status"
        public static let noRating = "Ingen bedömning"
        public static let emptySection = "tomt"
        public static let missingMark = "!"
        public static let direction = "Riktning"
        public static func directionLabel(_ direction: Direction) -> String {
            direction == .higherIsBetter ? "högre är bättre" : "lägre är bättre"
        }
        public static let period = "Period"
        public static let empty = "(tomt)"
        public static func ratingShort(_ rating: Rating?) -> String {
            switch rating {
            case .fully: return "Helt"
            case .partly: return "Delvis"
            case .not: return "Inte"
            case nil: return "Ingen bedömning"
            }
        }

        // Editor
        public static func editorTitle(_ field: String, of item: String) -> String { "\(field) – \(item)" }
        public static let pickerRatingTitle = "Bedömning"
        public static let pickerStatusTitle = "Status"
        public static let pickerFieldTitle = "Vilken text?"

        // Overview
        public static let overviewTitle = "Översikt: vad som saknas"
        public static let overviewTotal = "Totalt"
        public static let sectionsArea = "Avsnitt"
        public static func overviewLine(done: Int, total: Int) -> String { "\(done) av \(total) klara" }

        public static let compactOn = "Kompakt visning: ingen detaljruta (d visar detaljerna, D slår av)"
        public static let compactOff = "Detaljrutan visas igen"

        public static let helpTitle = "Hjälp – alla tangenter"
        public static let helpFooter = "Allt du skriver sparas direkt i databasen; det finns inget att spara innan du avslutar."

        // The names of keys, as the help page shows them.
        public static func keyName(_ key: KeyEvent) -> String {
            switch key {
            case .character(" "): return "Mellanslag"
            case .character(let character): return String(character)
            case .control(let letter): return "Ctrl-" + letter.uppercased()
            case .enter: return "Enter"
            case .backspace: return "Backsteg"
            case .tab: return "Tab"
            case .delete: return "Delete"
            case .escape: return "Esc"
            case .up: return "↑"
            case .down: return "↓"
            case .left: return "←"
            case .right: return "→"
            case .home: return "Home"
            case .end: return "End"
            case .pageUp: return "PgUp"
            case .pageDown: return "PgDn"
            case .ctrlLeft: return "Ctrl-←"
            case .ctrlRight: return "Ctrl-→"
            case .ctrlHome: return "Ctrl-Home"
            case .ctrlEnd: return "Ctrl-End"
            // Keys no table binds by name (pasted text, resizing, ...).
            default: return ""
            }
        }

        /// The help page's groups, in the order shown.
        public static func helpGroup(_ group: HelpGroup) -> String {
            switch group {
            case .move: return "Flytta"
            case .followUp: return "Följa upp"
            case .plan: return "I verksamhetsplanen (VP)"
            case .editor: return "I textredigeraren"
            case .picker: return Strings.PickerHelp.group
            case .board: return Strings.RollupPage.helpGroup
            case .chooser: return Strings.Chooser.helpGroup
            case .other: return "Övrigt"
            }
        }
    }
}
