import Foundation
import PlanKit

/// A document section of a unit's VP or VB as found in the text (Inledning, Sammanfattande analys,
/// Uppföljning av ekonomi and its sub-sections, ...), with its text.
public struct FoundSection: Equatable, Sendable {
    public var id: String
    public var parentID: String?
    public var title: String
    public var placement: SectionPlacement
    /// The line of its heading (1-based).
    public var line: Int
    public var text: String
}

/// Finds the standard sections of a unit's document (`SectionTemplate`) in its text.
///
/// - The document is a VB when its opening lines call it a verksamhetsberättelse (or "VB"),
///   otherwise a VP; the sections looked for are the template's of that period.
/// - A heading is a line of its own equal to a section's title (case, trailing dots and colon do
///   not matter). Headings are taken in the template's order, so that the two "Övrigt" (under
///   Uppföljning av ekonomi, and the last section) are told apart; a section placed before the
///   goals is looked for before the first goal marker, one placed after them after it.
/// - A section's text runs to the next heading found, a heading of the table of contents, the
///   first goal marker (for a section before the goals) or the end of the text.
struct UnitDocumentSections {
    static let openingLines = 60

    /// The words that name a document's period, in its title: "Tertialrapport 1", "Tertialrapport
    /// T2", "T1", "Verksamhetsberättelse", "VB", "Verksamhetsplan", "VP". The abbreviations only in
    /// capitals, as whole words.
    private static let periodWords = Pattern(
        #"(?i:tertialrapport(?:en)?)(?: (?:för )?(?:T|tertial )?([12])\b)?|\bT([12])\b|(?i:verksamhetsberättelse)|\bVB\b|(?i:verksamhetsplan)|\bVP\b"#)

    private static let tertialAbbreviation = Pattern(#"\bT([12])\b"#)

    /// The period the document is: named by the first of `periodWords` in its opening lines (its
    /// title comes before any mention of other documents); a VP when none is there.
    static func period(of text: String) -> ReportPeriod { periodFound(in: text).period }

    /// The period, and whether it is a tertialrapport whose title says not which tertial (read as T1).
    static func periodFound(in text: String) -> (period: ReportPeriod, tertialGuessed: Bool) {
        let opening = text.split(separator: "\n", maxSplits: openingLines, omittingEmptySubsequences: false)
            .prefix(openingLines).joined(separator: "\n")
        let range = NSRange(opening.startIndex..., in: opening)
        guard let match = periodWords.expression.firstMatch(in: opening, range: range),
              let whole = Range(match.range, in: opening) else { return (.vp, false) }
        let word = opening[whole].lowercased()
        func group(_ index: Int) -> String? { Range(match.range(at: index), in: opening).map { String(opening[$0]) } }
        if word.hasPrefix("tertialrapport") {
            // "Tertialrapport 2021 T2": the number may follow the year.
            let line = opening[whole.upperBound...].prefix { $0 != "\n" }
            guard let tertial = group(1) ?? tertialAbbreviation.groups(String(line))?.first ?? nil else { return (.t1, true) }
            return (tertial == "2" ? .t2 : .t1, false)
        }
        if let tertial = group(2) { return (tertial == "2" ? .t2 : .t1, false) }
        if word.hasPrefix("verksamhetsberättelse") || word == "vb" { return (.vb, false) }
        return (.vp, false)
    }

    private static let leadingNumber = Pattern(#"^[0-9]+(?:\.[0-9]+)*\.?\s+"#)

    /// A heading as compared: case, a leading number ("3.1"), the kind of dash, runs of spaces and
    /// trailing dots and colons do not matter.
    private static func key(_ text: String) -> String {
        var text = text.replacingOccurrences(of: "–", with: "-").replacingOccurrences(of: "—", with: "-")
        if text.first?.isNumber == true, let match = leadingNumber.expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
           let range = Range(match.range, in: text) {
            text.removeSubrange(range)
        }
        return text.split(separator: " ").joined(separator: " ").trimmingCharacters(in: CharacterSet(charactersIn: " .:\t")).lowercased()
    }

    /// The keys a template section's heading may have: its title, and for a title of two parts
    /// ("Analys av resultaträkning - uppföljning av driftbudget") the first part alone.
    private static func headingKeys(_ entry: SectionTemplate.Entry) -> Set<String> {
        let whole = key(entry.title)
        guard let dash = whole.range(of: " - ") else { return [whole] }
        return [whole, String(whole[..<dash.lowerBound])]
    }

    static func find(in source: SourceText, period: ReportPeriod, firstMarkerLine: Int?) -> [FoundSection] {
        let lines = source.lines
        let keys = lines.map { $0.isBlank ? "" : key($0.text) }
        let markerIndex = firstMarkerLine.flatMap { marker in lines.firstIndex { $0.number >= marker } } ?? lines.count
        let stops = Set(source.contents.map(key) + [key(Strings.TextImport.contentsTitle)])
        let entries = SectionTemplate.entries(for: period)
        let subTitles = Set(entries.filter { $0.parentID != nil }.map { key($0.title) })
        var headings: [(entry: SectionTemplate.Entry, index: Int)] = []
        var from = 0
        // The sections of the first level, in the template's order.
        for entry in entries where entry.parentID == nil {
            let start = entry.placement == .afterGoals ? max(from, markerIndex) : from
            let end = entry.placement == .beforeGoals ? markerIndex : lines.count
            guard start < end else { continue }
            let wanted = headingKeys(entry)
            let matching = (start..<end).filter { wanted.contains(keys[$0]) }
            // A title a sub-section shares ("Övrigt") is the last such line: the sub-section's comes first.
            guard let index = subTitles.contains(key(entry.title)) ? matching.last : matching.first else { continue }
            headings.append((entry, index))
            from = index + 1
        }
        // Each section's sub-sections, in any order, between its heading and the next section's.
        let firstLevel = headings
        for (parent, parentIndex) in firstLevel {
            let next = firstLevel.map(\.index).filter { $0 > parentIndex }.min()
            let end = next ?? (parent.placement == .beforeGoals ? markerIndex : lines.count)
            var taken = Set<Int>()
            for child in entries where child.parentID == parent.id {
                let wanted = headingKeys(child)
                guard parentIndex + 1 < end,
                      let index = (parentIndex + 1..<end).first(where: { !taken.contains($0) && wanted.contains(keys[$0]) }) else { continue }
                taken.insert(index)
                headings.append((child, index))
            }
        }
        headings.sort { $0.index < $1.index }
        let headingIndices = Set(headings.map(\.index))
        let joiner = TextJoiner(words: source.words)
        return headings.map { entry, index in
            var last = entry.placement == .beforeGoals ? markerIndex : lines.count
            if let next = headingIndices.filter({ $0 > index }).min() { last = min(last, next) }
            var body: [SourceLine] = []
            for line in lines[(index + 1)..<max(index + 1, last)] {
                if !line.isBlank, stops.contains(key(line.text)) { break }
                body.append(line)
            }
            let text = blocks(body).map { joiner.text($0) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
            return FoundSection(id: entry.id, parentID: entry.parentID, title: entry.title, placement: entry.placement,
                                line: lines[index].number, text: text)
        }
    }

    /// A sub-heading inside a section ("Främjande - understödja") is a short line of its own after
    /// a finished sentence: it is kept on a line of its own, not joined to the text around it.
    private static func isSubHeading(_ line: SourceLine, after previous: SourceLine?) -> Bool {
        guard !line.isBlank, line.text.count <= 60, line.text.split(separator: " ").count <= 6,
              let first = line.text.first, first.isUppercase, let last = line.text.last,
              !".!?:;,".contains(last) else { return false }
        guard let previous, !previous.isBlank, let end = previous.text.last else { return true }
        return ".!?:".contains(end) || isSubHeading(previous, after: nil)
    }

    private static func blocks(_ body: [SourceLine]) -> [[SourceLine]] {
        var blocks: [[SourceLine]] = [[]]
        var previous: SourceLine?
        for line in body {
            if isSubHeading(line, after: previous) {
                blocks.append([line])
                blocks.append([])
            } else {
                blocks[blocks.count - 1].append(line)
            }
            if !line.isBlank { previous = line }
        }
        return blocks
    }

    /// The section records of a unit's plan for `period`: every standard section, with the text
    /// found for it. Merged with what is stored by `PlanStore.importText`.
    static func records(_ found: [FoundSection], period: ReportPeriod) -> [SectionRecord] {
        SectionTemplate.entries(for: period).map { entry in
            let text = found.first { $0.id == entry.id }?.text ?? ""
            return SectionRecord(period: period, id: entry.id, parent: entry.parentID, title: entry.title,
                                 placement: entry.placement, text: text.isEmpty ? nil : text)
        }
    }
}
