import PlanKit

/// The words of planning the VP in the app: own indicators, dates, the board's items, own sections.
extension Strings.App {
    public static let indicatorsInPlan = "Egna indikatorer läggs till och ändras i verksamhetsplanen (VP)."
    public static let indicatorWhere = "Välj ett eget enhetsmål (för en ny indikator) eller en egen indikator (för att ändra årsmålet)."
    public static let datesWhere = "Välj en egen aktivitet: nämndens aktiviteter har nämndens datum."
    public static let datesInPlan = "Aktiviteternas datum sätts i verksamhetsplanen (VP)."
    public static let followedUpWhere = "Välj en av nämndens eller KF:s aktiviteter eller indikatorer: det är dem enheten tar upp eller väljer bort."
    public static let followedUpInPlan = "Vad enheten följer upp väljs i verksamhetsplanen (VP)."
    public static let declined = "Följs inte upp av enheten (f tar upp den igen)"
    public static let takenUp = "Följs upp av enheten"
    /// The badge of a board item the unit does not follow up, in the plan (VP).
    public static let declinedBadge = "följs ej upp"
    public static let templateSection = "Mallens avsnitt behåller sin rubrik; bara enhetens egna avsnitt byter namn eller tas bort."
    public static let noSuchPeriod = "Planen har inte den här perioden."

    public static let targetKindTitle = "Typ av årsmål"
    public static let directionTitle = "Vilket håll är bättre?"

    public static func targetKind(_ kind: TargetKind) -> String {
        switch kind {
        case .number: return "Tal, t.ex. 85 % eller 25 st"
        case .direction: return "Riktning: öka eller minska"
        case .text: return "Text, t.ex. Fastställs T1"
        }
    }

    public static func directionChoice(_ direction: Direction) -> String {
        direction == .higherIsBetter ? "Högre är bättre" : "Lägre är bättre"
    }

    public static func targetRefused(_ text: String, kind: TargetKind) -> String {
        let shown = text.isEmpty ? "(tomt)" : "\"\(text)\""
        switch kind {
        case .number: return "\(shown) är inget tal; skriv t.ex. 85 %, 25 st eller 4,9 (Esc avbryter)."
        case .direction: return "\(shown) är ingen riktning; skriv öka eller minska (Esc avbryter)."
        case .text: return "Skriv årsmålet som text, t.ex. Fastställs T1 (Esc avbryter)."
        }
    }

    public static func indicatorSaved(_ target: String) -> String { "Sparat: årsmål \(target)" }
    public static func datesSaved(_ start: String, _ end: String) -> String { "Sparat: \(start) – \(end)" }
    public static func sectionAdded(_ title: String) -> String { "Avsnittet \"\(title)\" lades till; Enter skriver texten" }
    public static func sectionRemoved(_ title: String) -> String { "Avsnittet \"\(title)\" togs bort; u ångrar" }

    /// The question of a planning step, with what is typed so far.
    public static func planningPrompt(_ step: PlanningPrompt, _ text: String) -> String {
        switch step {
        case .indicatorName: return "Ny indikator, namn: \(text)"
        case .indicatorTarget(let form):
            switch form.kind {
            case .number: return "Årsmål (tal): \(text)"
            case .direction: return "Årsmål (öka/minska): \(text)"
            case .text: return "Årsmål (text): \(text)"
            }
        case .indicatorUnit: return "Enhet (%, st, kr …; tomt för ingen): \(text)"
        case .startDate: return "Startdatum (ÅÅÅÅ-MM-DD): \(text)"
        case .endDate: return "Slutdatum (ÅÅÅÅ-MM-DD): \(text)"
        case .newSection: return "Nytt eget avsnitt, rubrik: \(text)"
        case .renameSection: return "Avsnittets rubrik: \(text)"
        case .reopenReason(let period): return Strings.App.reopenPrompt(period, text)
        }
    }
}
