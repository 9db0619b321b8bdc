/// Every word PlanKit shows a user, in Swedish, in one place.
public enum Strings {
    // Periods and documents
    public static func periodName(_ period: ReportPeriod) -> String {
        switch period {
        case .vp: return "VP"
        case .t1: return "T1"
        case .t2: return "T2"
        case .vb: return "VB"
        }
    }

    public static func documentName(_ period: ReportPeriod) -> String {
        switch period {
        case .vp: return "Verksamhetsplan"
        case .t1: return "Tertialrapport 1"
        case .t2: return "Tertialrapport 2"
        case .vb: return "Verksamhetsberättelse"
        }
    }

    public static func documentTitle(_ period: ReportPeriod, year: Int, unit: String) -> String {
        switch period {
        case .vp: return "Verksamhetsplan \(year) för \(unit)"
        case .t1: return "Tertialrapport T1 \(year) för \(unit)"
        case .t2: return "Tertialrapport T2 \(year) för \(unit)"
        case .vb: return "Verksamhetsberättelse VB \(year) för \(unit)"
        }
    }

    // Goal levels and fields
    public static func levelLabel(_ level: GoalLevel) -> String {
        switch level {
        case .councilDirection: return "KF:s inriktningsmål"
        case .councilArea: return "KF:s mål för verksamhetsområdet"
        case .boardGoal: return "Nämndmål"
        case .unitGoal: return "Enhetsmål"
        }
    }

    public static func fieldLabel(_ field: TextField) -> String {
        switch field {
        case .title: return "Rubrik"
        case .description: return "Beskrivning"
        case .expectedResult: return "Förväntat resultat"
        case .method: return "Arbetssätt"
        case .resources: return "Resursanvändning"
        case .followUp: return "Uppföljning"
        case .development: return "Utveckling"
        case .comment: return "Kommentar"
        }
    }

    public static let analysis = "Analys"
    public static let activity = "Aktivitet"
    public static let indicator = "Indikator"
    public static let startDate = "Startdatum"
    public static let endDate = "Slutdatum"
    public static let deviationColumn = "Avvikelse"
    public static let annualTarget = "Årsmål"
    public static let councilAnnualTarget = "KF:s årsmål"
    public static let periodicityLabel = "Periodicitet"
    public static let outcome = "Utfall"
    public static let judgementLabel = "Bedömning"
    public static let councilGoalsHeading = "Uppföljning av Kommunfullmäktiges inriktningsmål"

    public static func dateLabel(_ field: DateField) -> String {
        field == .start ? startDate : endDate
    }

    /// "ärvt från nämnden" / "från KF".
    public static func inheritedLabel(_ author: Author) -> String {
        switch author {
        case .council: return "ärvt från KF"
        case .board: return "ärvt från nämnden"
        case .unit: return "eget"
        }
    }

    // Ratings, statuses, judgements
    public static func rating(_ rating: Rating?) -> String {
        switch rating {
        case .fully: return "Uppfylls helt"
        case .partly: return "Uppfylls delvis"
        case .not: return "Uppfylls inte"
        case nil: return "Ingen"
        }
    }

    public static let noRatingMark = "— Ingen"
    public static let ratingMark = "●"
    public static let doneMark = "✓"

    public static func status(_ status: ActivityStatus?) -> String {
        switch status {
        case .notStarted: return "Ej påbörjad"
        case .ongoing: return "Pågår"
        case .done: return "Genomförd"
        case .deviation: return "Avvikelse"
        case nil: return "Ingen status"
        }
    }

    public static func judgement(_ judgement: Judgement) -> String {
        switch judgement {
        case .fully: return "Uppfylls helt"
        case .partly: return "Uppfylls delvis"
        case .not: return "Uppfylls inte"
        case .cannotJudge: return "Kan inte bedömas"
        }
    }

    public static func periodicity(_ periodicity: Periodicity) -> String {
        switch periodicity {
        case .tertial: return "Tertial"
        case .term: return "Termin"
        case .halfYear: return "Halvår"
        case .year: return "År"
        }
    }

    public static func organisationKind(_ kind: OrganisationKind) -> String {
        switch kind {
        case .city: return "Stad"
        case .board: return "Nämnd"
        case .department: return "Avdelning"
        case .unit: return "Enhet"
        }
    }

    // Completeness (the gaps' words are in Strings+Lacking.swift)
    public static func complete(_ period: ReportPeriod, unit: String, year: Int) -> String {
        "\(documentName(period)) \(year) för \(unit) är komplett: inget saknas."
    }

    /// `count` lines lack something (`MissingLine`).
    public static func gapsFound(_ count: Int, period: ReportPeriod, unit: String, year: Int) -> String {
        "\(documentName(period)) \(year) för \(unit): \(missingLines(count)) innan den kan lämnas in:"
    }

    // Errors of the model and the store
    public static func planError(_ error: PlanError) -> String {
        switch error {
        case .inherited(let id, let author):
            return "\"\(id)\" är \(inheritedLabel(author)) och kan inte ändras av enheten; enhetens uppföljning (status, analys, utfall) går att ändra."
        case .notRatedByUnit(let id):
            return "\"\(id)\" bedöms inte av enheten: bara enhetsmål får en bedömning i enhetens rapport."
        case .fieldNotApplicable(let id, let what):
            return "\"\(id)\" har inget fält \(what)."
        case .unknownItem(let id):
            return "Det finns ingen post med id \"\(id)\" i planen."
        case .unknownUnit(let name):
            return "Det finns ingen enhet som heter eller har id \"\(name)\"."
        case .ambiguousUnit(let name, let candidates):
            return "\"\(name)\" passar flera enheter: \(candidates.joined(separator: ", ")). Ange enhetens id."
        case .noPlan(let unit, let year):
            // Asked for a year alone (or a unit alone), there is no unit (or year) to name.
            if unit.isEmpty { return "Det finns ingen plan för \(year)." }
            if year == 0 { return "Enheten \(unit) har ingen plan." }
            return "Enheten \(unit) har ingen plan för \(year)."
        case .periodNotInPlan(let period):
            return "Planen har ingen \(documentName(period).lowercased()) (\(periodName(period)))."
        case .unknownSection(let id, let period):
            return "\(documentSubject(period)) har inget avsnitt \"\(id)\"."
        case .staleRevision(let expected, let actual):
            return "Någon annan har ändrat fältet sedan du läste det (version \(expected), nu \(actual)). Läs om och försök igen."
        case .undoConflict:
            return "Kan inte ångra: fältet har ändrats igen efteråt."
        case .nothingToUndo:
            return "Det finns inget att ångra."
        case .nothingToRedo:
            return "Det finns inget att göra om."
        case .invalidDate(let text):
            // Written as asked but not in the calendar (2021-02-30): asking for the form again would not help.
            let isDateShaped = text.count == 10 && text.enumerated().allSatisfy { index, character in
                index == 4 || index == 7 ? character == "-" : character.isASCII && character.isNumber
            }
            return isDateShaped ? "\"\(text)\" är inget datum som finns i kalendern."
                : "\"\(text)\" är inget datum; skriv ÅÅÅÅ-MM-DD."
        case .notANumber(let text):
            return "\"\(text)\" är inget tal; skriv till exempel 12,5."
        case .wrongUnit(let text, let expected?):
            return "\"\(text)\": indikatorn mäts i \(expected); skriv talet, med eller utan \(expected)."
        case .wrongUnit(let text, nil):
            return "\"\(text)\": indikatorn har ingen enhet; skriv bara talet."
        case .tooManyDigits(let text, let max):
            return "\"\(text)\" har fler siffror än vp-tui sparar exakt (högst \(max) värdesiffror) eller är för stort eller för litet; avrunda talet."
        case .notAShare(let text):
            return "\"\(text)\": indikatorn är en andel i procent, så utfallet ligger mellan 0 och 100."
        case .nulCharacter:
            return "Texten innehåller ett NUL-tecken (\\u0000), som inte kan sparas. Inget har ändrats."
        }
    }

    public static func storeError(_ error: StoreError) -> String {
        switch error {
        case .notADatabase(let path):
            return "\(path) är ingen vp-tui-databas (inte en SQLite-fil). Inget har ändrats."
        case .newerSchema(let path, let found, let supported):
            return "\(path) kommer från en nyare version av vp-tui (schema \(found), denna version klarar \(supported)). Uppdatera vp-tui; inget har ändrats."
        case .cannotCreate(let path, let reason):
            return "Kan inte skapa databasen \(path): \(reason). Ange en annan fil med --db."
        case .readOnly(let path):
            return "\(path) är skrivskyddad; ändringar kan inte sparas."
        case .diskFull(let path):
            return "Disken är full: ändringen kunde inte sparas i \(path). Det som redan var sparat är oförändrat; frigör utrymme och försök igen."
        case .samplesMissing:
            return "Hittar inte exempelplanerna som följer med vp-tui."
        case .unusablePath(let path, let problem): return unusableDatabasePath(path, problem)
        case .notOurs(let path): return notOurDatabase(path)
        case .missingTable(let path, let table): return missingTable(path, table)
        case .damaged(let path, let detail): return damaged(path, detail)
        }
    }
}
