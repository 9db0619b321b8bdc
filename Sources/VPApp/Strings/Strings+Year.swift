import PlanKit

/// The app's words for the plan's year: handing in, copying last period's analysis, and the
/// list of what starting the year carried over.
extension Strings.App {
    // MARK: Handing in

    /// "2026-12-04T18:03:12.123Z" (UTC, as the store keeps it) as "2026-12-04 19:03" in Stockholm: local time.
    public static func handInTime(_ at: String) -> String {
        Strings.localTime(at)
    }

    /// The line that says a report is handed in and how it is opened again.
    public static func handedInBanner(_ handIn: HandIn) -> String {
        "Inlämnad av \(handIn.login) \(handInTime(handIn.at)). Låst: L öppnar den igen, med ett skäl"
    }

    /// Why a change is refused in a handed-in report.
    public static func handedInRefusal(_ handIn: HandIn) -> String {
        "\(Strings.documentSubject(handIn.period)) är inlämnad och kan inte ändras. " + reopenHow
    }

    public static func handInQuestion(_ period: ReportPeriod, year: Int) -> String {
        "Lämna in \(Strings.documentObject(period)) för \(year)? Den blir skrivskyddad. (j/n)"
    }

    public static func handedIn(_ handIn: HandIn) -> String {
        "\(Strings.documentSubject(handIn.period)) lämnades in av \(handIn.login) \(handInTime(handIn.at))."
    }

    public static let handInCancelled = "Inget lämnades in."
    public static let handInYes = "Lämna in"
    public static let handInNo = "Avbryt"

    public static func handInGapsTitle(_ period: ReportPeriod, count: Int) -> String {
        "\(Strings.documentSubject(period)) kan inte lämnas in: \(Strings.missingLines(count))"
    }

    public static let close = "Stäng"

    /// A gap in the list: what is missing, and where.
    public static func gapLine(_ message: String, where place: String) -> String {
        place.isEmpty ? message : "\(message): \(place)"
    }

    // MARK: Copying the previous analysis

    public static func copiedAnalysis(from period: ReportPeriod) -> String {
        "Analysen från \(Strings.periodName(period)) kopierades in; u ångrar."
    }

    public static func appendedAnalysis(from period: ReportPeriod) -> String {
        "Analysen från \(Strings.periodName(period)) lades till efter din text; Esc sparar, Ctrl-Z tar bort den."
    }

    public static let noPreviousAnalysis = "Förra perioden har ingen analys av raden att kopiera."

    // MARK: The carry-over list

    public static func carryOverTitle(from year: Int?, undecided: Int) -> String {
        let from = year.map { " från \($0)" } ?? ""
        return "Det som fördes över\(from)" + (undecided > 0 ? " – \(undecided) att besluta" : " – allt är beslutat")
    }

    public static let noCarryOver = "Inget fördes över från förra året till den här planen."
    public static let carryOverOnlyInPlan = "Det som fördes över från förra året visas i verksamhetsplanen (VP); byt period med t."

    public static func carryKind(_ kind: ItemKind) -> String {
        switch kind {
        case .goal: return "Enhetsmål"
        case .activity: return "Aktivitet"
        case .indicator: return "Indikator"
        }
    }

    /// The mark and state word of a carried entry in the list.
    public static func carryState(_ entry: CarryOverEntry) -> String {
        switch entry.outcome {
        case .placed: return "Följde med"
        case .placedByCloseWording: return entry.decided ? "Följde med" : "Kontrollera"
        case .needsPlacing: return "Placera"
        case .finished: return "Genomförd"
        case .dropped: return "Släppt"
        }
    }

    /// What the detail line below the list says of the selected entry.
    public static func carryDetail(_ entry: CarryOverEntry, placedUnder: String?) -> String {
        let old = entry.oldParentTitle.map { "Förra året under \"\($0)\"." } ?? ""
        switch entry.outcome {
        case .placed:
            return "\(old) Står nu under \"\(placedUnder ?? "?")\". Enter visar den i planen."
        case .placedByCloseWording:
            return entry.decided
                ? "\(old) Står nu under \"\(placedUnder ?? "?")\". Enter visar den i planen."
                : "\(old) Placerades under nämndmålet med närmast lydelse: \"\(placedUnder ?? "?")\". Enter godkänner."
        case .needsPlacing:
            return "\(old) Inget nämndmål i år liknar det. Enter placerar den under ett nämndmål, Delete släpper den."
        case .finished:
            return "\(old) Genomförd förra året; följer inte med."
        case .dropped:
            return "\(old) Släpptes; följer inte med."
        }
    }

    public static let placeTitle = "Placera under nämndmålet"
    public static func placed(_ title: String, under goal: String) -> String { "\"\(title)\" placerades under \"\(goal)\"." }
    public static func confirmedPlacement(_ title: String) -> String { "\"\(title)\" står kvar där den placerades." }
    public static func dropQuestion(_ title: String) -> String { "Släpp \"\(title)\"? Den följer inte med till årets plan. (j/n)" }
    public static func dropped(_ title: String) -> String { "\"\(title)\" släpptes; den finns kvar i förra årets plan." }
    public static let dropYes = "Släpp"
    public static let dropNo = "Behåll"
    public static let onlyHeldCanDrop = "Bara en post som väntar på att placeras kan släppas."
    public static let noBoardGoals = "Årets plan har inga nämndmål att placera posten under."
    public static let carryOverHint = "Överfört"
}
