/// The words of the plan's year: period states, starting periods and years, handing in.
extension Strings {
    public static let unrated = "Ej bedömd"
    public static let unratedMark = "○"
    public static let notStartedMark = "□"
    public static let ongoingMark = "◐"
    /// How T1 and T2 head a rating: the forecast for the whole year.
    public static let forecastLabel = "Prognos för helåret"

    /// How many lines of a report lack something (`MissingLine`): the one wording of
    /// completeness, in the app, on the command line and in the report.
    public static func missingLines(_ count: Int) -> String {
        count == 1 ? "1 punkt saknar något" : "\(count) punkter saknar något"
    }

    /// The line at the top of a report that cannot be handed in yet.
    public static func draftLine(_ missing: Int) -> String { "Utkast – \(missingLines(missing))" }

    /// What an export of an incomplete report says beside it.
    public static func exportedDraft(_ missing: Int, period: ReportPeriod) -> String {
        "\(documentSubject(period)) är inte komplett: \(missingLines(missing))."
    }

    /// One line of a list of what is missing: what the line lacks, then where it is.
    public static func missingLineEntry(_ line: MissingLine) -> String {
        "- \(line.message): \(line.path.joined(separator: " › "))"
    }

    public static let followedUpLabel = "följs upp av enheten"
    public static let notFollowedUp = "Följs inte upp av enheten"

    public static func periodState(_ state: PeriodState) -> String {
        switch state {
        case .notStarted: return "ej påbörjad"
        case .ongoing: return "pågår"
        case .complete: return "komplett"
        case .submitted: return "inlämnad"
        }
    }

    /// "VP inlämnad, T1 pågår, T2 ej påbörjad, VB ej påbörjad".
    public static func periodStates(_ states: PlanPeriodStates) -> String {
        ReportPeriod.allCases.map { "\(periodName($0)) \(periodState(states[$0]))" }.joined(separator: ", ")
    }
}

extension Strings {
    public static func yearError(_ error: YearError) -> String {
        switch error {
        case .periodExists(let period, let year):
            return period == .vp
                ? "Verksamhetsplanen för \(year) finns redan; inget har ändrats."
                : "\(documentName(period)) (\(periodName(period))) \(year) är redan påbörjad; inget har ändrats."
        case .noCascade(let board, let year):
            return "Nämndens mål för \(year) finns inte i databasen (nämnd \(board))."
        case .nothingToStartFrom(let unit, let year):
            return "Enheten \(unit) har ingen plan för \(year) att utgå från."
        case .incomplete(let period, let gaps):
            let lines = Completeness.lines(of: gaps)
            return "\(documentSubject(period)) kan inte lämnas in: \(missingLines(lines.count)):\n"
                + lines.map(missingLineEntry).joined(separator: "\n")
        case .alreadySubmitted(let period, let login, let at):
            return "\(documentSubject(period)) är redan inlämnad (av \(login), \(localTime(at)))."
        case .notSubmitted(let period):
            return "\(documentSubject(period)) är inte inlämnad; det finns inget att öppna igen."
        case .reopenNeedsReason:
            return "Ange varför rapporten öppnas igen; skälet sparas i ändringsloggen. Inget har ändrats."
        case .handedIn(let period):
            return "\(documentSubject(period)) är inlämnad och kan inte ändras."
        case .invalidTarget(let text):
            return "\"\(text)\" går inte att läsa som årsmål; skriv ett tal (12,5), en riktning (öka, minska, bibehålla) eller en kort text."
        case .nothingToCopy(let period):
            return "Perioden före \(periodName(period)) har ingen analys att kopiera."
        case .unknownPlacement(let text):
            return "Det finns inget nämndmål \"\(text)\" i årets plan att placera posten under."
        }
    }
}
