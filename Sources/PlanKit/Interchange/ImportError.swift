import Foundation

/// Why a file could not be imported: which file, where in it, and what.
public struct ImportError: Error, Equatable, LocalizedError {
    public var file: String
    /// A JSON path such as `plans[0].followUps[3].rating`, when known.
    public var path: String?
    /// A line (and column) in the file, when known.
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(file: String, path: String? = nil, line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var errorDescription: String? {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        if let path, !path.isEmpty { location += " (\(path))" }
        return "\(location): \(message) Inget har importerats."
    }
}

/// The Swedish messages of the importer.
enum ImportMessages {
    static func fileMissing() -> String { "filen finns inte eller går inte att läsa." }
    static func notUTF8() -> String { "filen är inte UTF-8-text (spara den som UTF-8 och försök igen)." }
    static func empty() -> String { "filen är tom." }
    static func unknownVersion(_ found: Int) -> String {
        "formatversion \(found) finns inte; den här versionen av vp-tui läser version 1 till \(InterchangeFile.currentVersion)."
    }
    static func nulCharacter() -> String { "texten innehåller ett NUL-tecken (\\u0000), som inte kan sparas." }
    static func notAllowed(_ value: String, allowed: [String]) -> String {
        let list = allowed.isEmpty ? "" : " Tillåtna värden: \(allowed.joined(separator: ", "))."
        return "\"\(visible(value))\" är inget tillåtet värde här.\(list)"
    }

    /// A value from the file as it can be shown in a message: invisible characters named by
    /// their code (<U+200B>), and long text shortened.
    static func visible(_ value: String) -> String {
        var shown = ""
        var count = 0
        for scalar in value.unicodeScalars {
            count += 1
            if count > 60 {
                shown += "…"
                break
            }
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
                shown += "<U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4) + ">"
            default:
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
    static func malformed(_ detail: String) -> String { "filen är inte giltig JSON (\(detail))." }
    static func truncated() -> String { "filen tar slut mitt i JSON-texten (avkortad fil?)." }
    static func notAnObject() -> String { "filen ska innehålla ett JSON-objekt med \"format\" och \"version\"." }
    static func wrongFormat(_ found: String) -> String { "formatet är \"\(visible(found))\", väntade \"\(InterchangeFile.formatName)\"." }
    static func futureVersion(_ found: Int) -> String {
        "formatversion \(found) är nyare än den här versionen av vp-tui klarar (högst \(InterchangeFile.currentVersion)). Uppdatera vp-tui."
    }
    static func missingField(_ key: String) -> String { "fältet \"\(key)\" saknas." }
    static func wrongType(_ expected: String) -> String { "fel typ av värde, väntade \(expected)." }
    /// Foundation's reason is English and names its own types, so it is not passed on: the
    /// place in the file (line, column, JSON path) says where.
    static func invalidValue() -> String { "ogiltigt värde: det går inte att läsa som det fältet kräver." }
    static func invalidID(_ id: String) -> String { "\"\(visible(id))\" är inget giltigt id (bokstäver, siffror, punkt, bindestreck och understreck)." }
    static func duplicateID(_ id: String) -> String { "id \"\(visible(id))\" förekommer två gånger i filen." }
    static func unknownOrganisation(_ id: String) -> String { "organisationen \"\(visible(id))\" finns varken i filen eller i databasen." }
    static func wrongKind(_ id: String, expected: OrganisationKind) -> String {
        "\"\(visible(id))\" är ingen \(Strings.organisationKind(expected).lowercased())."
    }
    static func wrongParentKind(_ id: String) -> String { "\"\(visible(id))\" kan inte ligga under den överordnade organisationen." }
    static func unknownCascade(_ board: String, _ year: Int) -> String {
        "nämnden \"\(visible(board))\" har inga mål för \(year), varken i filen eller i databasen."
    }
    static func wrongLevel(_ found: GoalLevel, expected: GoalLevel?) -> String {
        if let expected { return "målnivån \"\(found.rawValue)\" passar inte här; väntade \"\(expected.rawValue)\"." }
        return "målnivån \"\(found.rawValue)\" passar inte här."
    }
    static func unknownItem(_ id: String) -> String { "det finns inget mål, ingen aktivitet och ingen indikator med id \"\(visible(id))\"." }
    static func notInCascade(_ id: String) -> String { "\"\(visible(id))\" hör inte till nämndens mål för året." }
    static func notBoardGoal(_ id: String) -> String { "\"\(visible(id))\" är inget nämndmål; ett enhetsmål ska ligga under ett nämndmål." }
    static func idTaken(_ id: String) -> String { "id \"\(visible(id))\" används redan av en annan nämnd, enhet eller ett annat år i databasen." }
    static func itemNotInPlan(_ id: String) -> String { "\"\(visible(id))\" ingår inte i planen (varken eget eller i \"inherits\")." }
    static func notInherited(_ id: String) -> String { "\"\(visible(id))\" är inte ärvt i planen (\"inherits\")." }
    static func periodNotInPlan(_ period: ReportPeriod) -> String { "perioden \"\(period.rawValue)\" finns inte i planens \"periods\"." }
    static func noPeriods() -> String { "planen måste ha minst en period i \"periods\"." }
    static func unknownSectionParent(_ id: String) -> String { "överordnat avsnitt \"\(visible(id))\" finns inte tidigare i samma period." }
    static func invalidYear(_ year: Int) -> String { "\(year) är inget rimligt år." }
    static func invalidOutcome() -> String { "utfallet måste vara ett ändligt tal." }
    static func outcomeOutOfRange(_ written: String) -> String {
        "utfallet \(written) är för stort eller för litet för att sparas exakt som decimaltal; skriv det med högst \(ExactDecimal.maxDigits) värdesiffror utan exponent."
    }
    static func inexactOutcome(_ written: String) -> String {
        "utfallet \(written) har fler värdesiffror än vp-tui sparar exakt (högst \(ExactDecimal.maxDigits)); avrunda det i filen."
    }
}

private extension String {
    func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
