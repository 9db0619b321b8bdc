import Foundation
import PlanKit

/// What a line of a plan is, by the families of lines the documents of 2012–2021 use. Case,
/// indentation and a trailing colon never matter.
enum LineKind: Equatable {
    /// A goal marker ("KF:s inriktningsmål:", "KF:s INRIKTNINGSMÅL 1:", "NÄMNDMÅL:"), with the
    /// number it carries and the text after the colon (the title, or empty when it follows).
    case marker(GoalLevel, number: String?, rest: String)
    /// A field label; nil for a label vp-tui does not keep ("Analys"). `inline` is text that
    /// follows the label's colon on the same line ("Kommentar: Målet …").
    case label(TextField?, text: String, inline: String)
    case indicatorHeader([IndicatorColumn])
    case activityHeader
    /// The heading of a chapter outside the cascade (economy, Agenda 2030, quality work,
    /// signatures, appendices, or a chapter the table of contents names): goal text ends here.
    case chapterHeading
    case text
}

/// Classifies lines. Knows the marker, label and table-header families, and the chapters that
/// are not part of the cascade (named in its own list and in the document's table of contents).
struct LineClassifier {
    /// Headings of the document's table of contents that are not goal markers, lower-cased.
    let contents: Set<String>

    init(contents: Set<String> = []) {
        self.contents = Set(contents.filter { Self.markerKind($0) == nil }.map(Self.key))
    }

    private static let markerPattern = try! NSRegularExpression(
        pattern: #"^(kf:s inriktningsmål|kf:s mål för verksamhetsområdet|nämndmål|enhetsmål)(?:\s+([0-9]+(?:\.[0-9]+)*)\.?)?\s*(:|$)\s*(.*)$"#,
        options: [.caseInsensitive])
    private static let levels: [String: GoalLevel] = [
        "kf:s inriktningsmål": .councilDirection, "kf:s mål för verksamhetsområdet": .councilArea,
        "nämndmål": .boardGoal, "enhetsmål": .unitGoal,
    ]
    static let labels: [String: TextField?] = [
        "beskrivning": .description, "förväntat resultat": .expectedResult, "förväntade resultat": .expectedResult,
        "arbetssätt": .method, "resursanvändning": .resources, "uppföljning": .followUp, "utveckling": .development,
        "kommentar": .comment, "analys": nil,
    ]
    private static let indicatorFamilies = ["indikator", "kf:s indikator", "nämndens indikator", "enhetens indikator"]
    private static let activityFamilies = ["aktivitet", "kf:s aktivitet", "nämndens aktivitet", "enhetens aktivitet"]
    /// Chapters that follow or interrupt the cascade in every plan of these years. Whole words:
    /// "Ekonomi" is a chapter, "Ekonomiskt bistånd" is not.
    static let outsideChapters = [
        "redovisning av ekonomi", "ekonomi", "ekonomi och upphandling", "nämndens ekonomi", "nämndens ekonomiska förutsättningar",
        "ekonomiska förutsättningar", "ekonomisk uppföljning", "uppföljning av ekonomi", "budget", "driftbudget",
        "investeringar", "investeringsbudget", "agenda 2030", "kvalitetsarbete", "systematiskt kvalitetsarbete",
        "underskrift", "underskrifter", "bilaga", "bilagor", "internkontroll", "intern kontroll", "resultatenheter",
        "omslutningsförändringar", "budgetjusteringar",
    ]

    /// A marker line: its level, number and the rest of the line.
    static func markerKind(_ text: String) -> (GoalLevel, number: String?, rest: String)? {
        // Every marker starts with K, N or E: most lines are ruled out without the pattern.
        guard let first = text.unicodeScalars.first, "kKnNeE".unicodeScalars.contains(first) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = markerPattern.firstMatch(in: text, range: range),
              let wordRange = Range(match.range(at: 1), in: text),
              let level = levels[text[wordRange].lowercased()] else { return nil }
        let number = Range(match.range(at: 2), in: text).map { String(text[$0]) }
        let rest = Range(match.range(at: 4), in: text).map { String(text[$0]) } ?? ""
        // "Nämndmål Hägersten …" without a colon is prose that begins with the word.
        if let colon = Range(match.range(at: 3), in: text), text[colon].isEmpty, !rest.isEmpty { return nil }
        return (level, number, rest.trimmingCharacters(in: .whitespaces))
    }

    static func key(_ text: String) -> String {
        var key = text.lowercased().trimmingCharacters(in: .whitespaces)
        while let last = key.last, last == ":" || last == " " { key.removeLast() }
        return key.split(separator: " ").joined(separator: " ")
    }

    func classify(_ text: String) -> LineKind {
        if let (level, number, rest) = Self.markerKind(text) { return .marker(level, number: number, rest: rest) }
        if let label = Self.label(text) { return label }
        // Table headers start with one of the families' first letters (I, K, N, E, A).
        let lower = text.unicodeScalars.first.map { "iIkKnNeEaA".unicodeScalars.contains($0) } == true ? text.lowercased() : ""
        if Self.indicatorFamilies.contains(where: lower.hasPrefix),
           lower.contains("periodicitet") || lower.contains("årsmål") {
            return .indicatorHeader(IndicatorRow.columns(ofHeader: text))
        }
        if Self.activityFamilies.contains(where: lower.hasPrefix), lower.contains("startdatum") || lower.contains("slutdatum") {
            return .activityHeader
        }
        if isChapterHeading(text) { return .chapterHeading }
        return .text
    }

    /// Longer than any label with its colon and spaces: such a line is a label only with text after a colon.
    private static let longestLabel = 32

    private static func label(_ text: String) -> LineKind? {
        if text.count <= longestLabel, let field = labels[Self.key(text)] { return .label(field, text: text, inline: "") }
        // "Kommentar: text" or "Förväntat resultat: text" on one line.
        guard let colon = text.prefix(longestLabel).firstIndex(of: ":") else { return nil }
        let head = Self.key(String(text[..<colon]))
        guard let field = labels[head] else { return nil }
        let inline = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        return .label(field, text: String(text[..<colon]), inline: inline)
    }

    /// A short line that names a chapter outside the cascade.
    func isChapterHeading(_ text: String) -> Bool {
        guard text.count <= 80, let first = text.first, first.isUppercase || first.isNumber,
              let last = text.last, !".,;!?".contains(last) else { return false }
        let key = Self.key(text)
        if contents.contains(key) { return true }
        let words = key.split(separator: " ")
        guard words.count <= 6 else { return false }
        return Self.outsideChapters.contains { chapter in key == chapter || key.hasPrefix(chapter + " ") && words.count <= 4 }
    }
}
