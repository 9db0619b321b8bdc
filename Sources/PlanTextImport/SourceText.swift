import Foundation
import PlanKit

/// One line of the text after the PDF artefacts of the line itself are dealt with.
struct SourceLine: Equatable {
    /// 1-based line number in the file, for warnings.
    var number: Int
    /// The line's text: trimmed, inner runs of spaces collapsed, bullets and stray symbols removed.
    var text: String
    /// The line wraps onto the next one inside the same paragraph or table cell. pdftotext ends
    /// such lines with a space; a line that ends a paragraph or a list item has none.
    var soft: Bool
    /// The line starts a new text flow: a new page (pdftotext begins it with a space) or the
    /// text after a removed page header.
    var breakBefore: Bool
    /// The line was a bullet item (•, , ●).
    var isBullet: Bool
    /// Indented by two spaces or more (pdftotext starts a page with one): where a converter lost
    /// the bullets, their items keep this indentation.
    /// The line ended with a soft hyphen (U+00AD): a word split at the line end.
    var softHyphen: Bool
    var indented: Bool = false
    /// The cells of a line whose converter kept table cells apart with tabs (an empty cell is
    /// kept, it means something); nil for a line without tabs.
    var cells: [String]? = nil

    var isBlank: Bool { text.isEmpty }
}

/// The text of a document as lines, with page headers and footers removed.
///
/// Rules (see the README section "Importing a board's plan from text"):
/// - a page header is a block around a page number line ("Sid 8 (21)", "Sida 8 av 21", "8 (21)")
///   made of such lines, "Tjänsteutlåtande", "Dnr …", phone numbers, a web address and an
///   organisation name ending in "förvaltning"; it is removed, and the text on both sides is
///   joined as one paragraph when the line before it wraps;
/// - a line that pdftotext starts with a space begins a new page or text flow;
/// - a trailing space means the line wraps (soft); a document without trailing spaces falls back
///   to punctuation: a line wraps unless it ends a sentence or the next line starts with a capital;
/// - bullets become list items, private-use symbols and check marks are dropped, table-of-contents
///   lines ("Rubrik ..... 6", "Rubrik<TAB>6") are dropped.
struct SourceText {
    private(set) var lines: [SourceLine]
    /// The headings of the document's table of contents, as written.
    private(set) var contents: [String] = []
    /// Every word of the text, lower-cased: a hyphen at a line end is dropped only when the joined
    /// word occurs elsewhere in the same text.
    let words: Set<String>

    init(_ raw: String) {
        let normalised = raw.utf8.contains(13)
            ? raw.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : raw
        var result: [SourceLine] = []
        var words: Set<String> = []
        var pendingBreak = false
        var withTrailingSpace = 0
        var nonBlank = 0
        let rawLines = normalised.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let rawBlank = rawLines.map(Self.isBlank)
        let doubleSpaced = Self.isDoubleSpaced(blank: rawBlank)
        for (offset, rawLine) in rawLines.enumerated() {
            if let heading = Self.contentsHeading(rawLine) { contents.append(heading) }
            // Double spacing: the blank line after every line means nothing; two or more mean one.
            if doubleSpaced, rawBlank[offset], offset > 0, !rawBlank[offset - 1],
               offset + 1 < rawLines.count, !rawBlank[offset + 1] {
                continue
            }
            var line = Self.clean(rawLine, number: offset + 1)
            if rawLine.unicodeScalars.contains("\u{0C}") { pendingBreak = true }
            if !line.isBlank {
                if pendingBreak { line.breakBefore = true; pendingBreak = false }
                nonBlank += 1
                if line.soft { withTrailingSpace += 1 }
                for word in line.text.lowercased().split(whereSeparator: { !$0.isLetter }) { words.insert(String(word)) }
            }
            result.append(line)
        }
        self.words = words
        // Without trailing spaces (another converter, or trimmed text), or with one on every line,
        // they say nothing about wrapping: it is judged by punctuation.
        let trailingShare = nonBlank > 0 ? Double(withTrailingSpace) / Double(nonBlank) : 0
        if nonBlank > 0, trailingShare < 0.1 || trailingShare > 0.97 {
            for index in result.indices where !result[index].isBlank {
                let next = index + 1 < result.count ? result[index + 1] : nil
                result[index].soft = Self.guessSoft(result[index].text, next: next?.isBlank == false ? next?.text : nil)
            }
        }
        Self.inferLostBullets(&result)
        lines = Self.removingPageHeaders(result)
    }

    /// Lost bullets: in a text whose lines are not indented as a rule (as `pdftotext -layout`
    /// indents them), a line of text indented by two spaces or more is a list item whose bullet was
    /// lost (a table header or a label so indented stays what it is). Like a bullet item, it does
    /// not start a new page.
    static func inferLostBullets(_ lines: inout [SourceLine]) {
        let text = lines.filter { !$0.isBlank }
        let indented = text.filter(\.indented).count
        guard indented > 0, Double(indented) < 0.05 * Double(text.count) else { return }
        let classifier = LineClassifier()
        for index in lines.indices where lines[index].indented && !lines[index].isBlank && !lines[index].isBullet
            && classifier.classify(lines[index].text) == .text {
            lines[index].isBullet = true
            lines[index].breakBefore = false
        }
    }

    /// Most lines are followed by one blank line, and blank lines come alone.
    static func isDoubleSpaced(_ raw: [String]) -> Bool { isDoubleSpaced(blank: raw.map(isBlank)) }

    /// Only tabs and spaces (as `trimmingCharacters(in: .whitespaces)` sees it; a form feed is not blank).
    static func isBlank(_ raw: String) -> Bool {
        raw.unicodeScalars.allSatisfy(\.isBlankSpace)
    }

    static func isDoubleSpaced(blank: [Bool]) -> Bool {
        var textLines = 0
        var followedByBlank = 0
        for index in blank.indices where !blank[index] {
            textLines += 1
            if index + 1 < blank.count, blank[index + 1] { followedByBlank += 1 }
        }
        return textLines >= 20 && Double(followedByBlank) / Double(textLines) > 0.85
    }

    private static let contentsPattern = Pattern(#"^\s*(.*?)\s*(?:\.{4,}|\t)\s*[0-9]{1,3}\s*$"#)
    private static let tableOfContentsLine = Pattern(#"(\.{4,}\s*|^[^\t]+\t)[0-9]{1,3}\s*$"#)

    /// The heading of a table-of-contents line ("Rubrik ..... 6", "Rubrik<TAB>6").
    static func contentsHeading(_ raw: String) -> String? {
        guard raw.endsInDigit, !raw.dropLast().contains("\t\t"),
              let groups = contentsPattern.groups(raw), let found = groups[0] else { return nil }
        let heading = found.trimmingCharacters(in: CharacterSet(charactersIn: ". \t"))
        return heading.isEmpty || heading.contains("\t") ? nil : heading
    }

    // MARK: One line

    private static let bullets: Set<Character> = ["•", "●", "▪", "◦", "■", "►", "➢", "\u{F0B7}", "\u{F0A7}", "\u{F0D8}", "\u{F076}", "\u{F0FC}"]
    private static let stray: Set<Character> = ["✓", "✔", "\u{FEFF}", "\u{200B}", "\u{200E}", "\u{200F}"]
    private static let bulletScalars = Set(bullets.flatMap(\.unicodeScalars))
    private static let strayScalars = Set(stray.flatMap(\.unicodeScalars))

    private static func clean(_ raw: String, number: Int) -> SourceLine {
        // "Rubrik ..... 6" or "Rubrik<TAB>6": a table of contents, not the text itself.
        let isTableOfContents = raw.endsInDigit && tableOfContentsLine.matches(raw)
        let cellTexts = raw.unicodeScalars.contains("\t") && !isTableOfContents
            ? raw.components(separatedBy: "\t").map { $0.split(separator: " ").joined(separator: " ") } : nil
        // One pass over the scalars (a pass per rule over Characters was the bulk of reading a
        // long text): tabs, no-break and figure spaces and form feeds are spaces; the line is
        // trimmed; soft hyphens, stray symbols, bullets and private-use symbols are dropped;
        // runs of spaces become one.
        let mapped = raw.unicodeScalars.map { scalar -> Unicode.Scalar in
            switch scalar {
            case "\t", "\u{00A0}", "\u{2007}", "\u{202F}", "\u{0C}": return " "
            default: return scalar
            }
        }
        let trailingSpace = mapped.last == " "
        let leadingSpace = mapped.first == " "
        let indented = raw.unicodeScalars.prefix(2).elementsEqual("  ".unicodeScalars) && !raw.unicodeScalars.contains("\t")
        var lower = mapped.startIndex
        var upper = mapped.endIndex
        while lower < upper, mapped[lower].isBlankSpace { lower += 1 }
        while upper > lower, mapped[upper - 1].isBlankSpace { upper -= 1 }
        let softHyphen = upper > lower && mapped[upper - 1] == "\u{00AD}"
        var kept = mapped[lower..<upper].filter { $0 != "\u{00AD}" }[...]
        var isBullet = false
        if let first = kept.first, bulletScalars.contains(first) {
            isBullet = true
            kept = kept.dropFirst()
        }
        var scalars = String.UnicodeScalarView()
        for scalar in kept {
            if strayScalars.contains(scalar) || bulletScalars.contains(scalar) || (0xE000...0xF8FF).contains(scalar.value) { continue }
            if scalar == " ", scalars.isEmpty || scalars.last == " " { continue }
            scalars.append(scalar)
        }
        if scalars.last == " " { scalars.removeLast() }
        var text = String(scalars)
        if isTableOfContents { text = "" }
        return SourceLine(number: number, text: text, soft: !text.isEmpty && trailingSpace,
                          breakBefore: leadingSpace && !text.isEmpty, isBullet: isBullet && !text.isEmpty,
                          softHyphen: softHyphen, indented: indented && !text.isEmpty, cells: text.isEmpty ? nil : cellTexts)
    }

    /// Conjunctions after a suspended compound: "hälso- och sjukvård", "kultur- eller".
    private static let afterSuspendedHyphen: Set<String> = ["och", "eller", "samt", "respektive", "som", "till"]

    private static func guessSoft(_ text: String, next: String?) -> Bool {
        guard let next, let last = text.last, let first = next.first else { return false }
        if ".!?:;".contains(last) { return false }
        if last == "-" {
            // "Hägersten-" + "Älvsjö" is one word; "hälso-" + "och sjukvård" is not.
            let word = next.split(separator: " ").first.map { $0.lowercased() } ?? ""
            return afterSuspendedHyphen.contains(word)
        }
        return !first.isUppercase || last == "," || last.isLowercase && first.isLowercase
    }

    // MARK: Page headers and footers

    private static let pageNumberPatterns = [Pattern(#"^(?i:sid|sida)\.? *\d+ *(\( *\d+ *\)|(?i:av) *\d+)$"#),
                                             Pattern(#"^\d+ *\( *\d+ *\)$"#)]
    private static let phoneNumber = Pattern(#"^(\+46|0)[0-9 \-]{6,}$"#)
    private static let webAddress = Pattern(#"^[A-Za-z0-9.@/:_\-]+\.[A-Za-z]{2,}$"#)

    static func isPageNumber(_ text: String) -> Bool {
        // Every form ends in a digit or ")"; most lines do not.
        guard let last = text.last, last == ")" || last.isASCII && last.isNumber else { return false }
        return pageNumberPatterns.contains { $0.matches(text) }
    }

    static func isHeaderLike(_ text: String) -> Bool {
        if isPageNumber(text) { return true }
        let lower = text.lowercased()
        if lower == "tjänsteutlåtande" || lower.hasPrefix("dnr ") || lower.hasPrefix("dnr:") { return true }
        // Phone numbers: "08 508 23049", "+46 8 508 230 49".
        if phoneNumber.matches(text) { return true }
        // A web or mail address alone: "start.stockholm", "www.stockholm.se".
        if !text.contains(" "), text.count <= 60, text.contains("."),
           webAddress.matches(text) { return true }
        // The organisation's name as a running header: "Hägersten-Älvsjö stadsdelsförvaltning".
        let wordsInLine = text.split(separator: " ")
        if wordsInLine.count <= 5, let last = wordsInLine.last?.lowercased(),
           last.hasSuffix("förvaltning") || last.hasSuffix("förvaltningen") {
            return true
        }
        return false
    }

    /// Removes the block of header and footer lines around every page number line.
    private static func removingPageHeaders(_ lines: [SourceLine]) -> [SourceLine] {
        var lines = lines
        var remove = Set<Int>()
        var blankBefore = Set<Int>()
        for anchor in lines.indices where isPageNumber(lines[anchor].text) {
            var top = anchor
            var cursor = anchor - 1
            while cursor >= 0, anchor - cursor <= 6, lines[cursor].isBlank || isHeaderLike(lines[cursor].text) {
                if !lines[cursor].isBlank { top = cursor }
                cursor -= 1
            }
            var bottom = anchor
            cursor = anchor + 1
            while cursor < lines.count, cursor - anchor <= 8, lines[cursor].isBlank || isHeaderLike(lines[cursor].text) {
                if !lines[cursor].isBlank { bottom = cursor }
                cursor += 1
            }
            // The header goes with the blank lines on both sides of it; what was before and after
            // it is joined as the wrapping of the line before says: one paragraph when that line
            // wraps, else a new paragraph.
            var before = top - 1
            while before >= 0, lines[before].isBlank { before -= 1 }
            var after = bottom + 1
            while after < lines.count, lines[after].isBlank { after += 1 }
            for index in (before + 1)..<after { remove.insert(index) }
            guard after < lines.count else { continue }
            lines[after].breakBefore = true
            if before < 0 || !lines[before].soft { blankBefore.insert(after) }
        }
        var result: [SourceLine] = []
        for (index, line) in lines.enumerated() where !remove.contains(index) {
            if blankBefore.contains(index) {
                result.append(SourceLine(number: line.number, text: "", soft: false, breakBefore: false, isBullet: false,
                                         softHyphen: false))
            }
            result.append(line)
        }
        return result
    }
}

/// Joins lines into the text of a field or a title, undoing the PDF's line wrapping.
struct TextJoiner {
    let words: Set<String>

    /// A paragraph of a field with the lines it came from.
    struct Paragraph: Equatable {
        var firstLine: Int
        var lastLine: Int
        var text: String
        var lineCount: Int

        /// A short line of its own without closing punctuation, such as a sub-heading.
        var isHeadingLike: Bool {
            guard lineCount == 1, text.count <= 60, let first = text.first, first.isUppercase,
                  let last = text.last, !".!?:;,".contains(last) else { return false }
            return text.split(separator: " ").count <= 6
        }
    }

    /// How two neighbouring lines of the same block are joined.
    private enum Join { case space, none, newline, paragraph }

    private func join(_ previous: SourceLine, _ next: SourceLine, singleLine: Bool,
                      hardBreakEndsParagraph: Bool = false) -> (Join, dropHyphen: Bool) {
        if next.isBullet { return (singleLine ? .space : .newline, false) }
        if previous.softHyphen { return (.none, false) }
        if previous.text.hasSuffix("-"), !previous.soft, !previous.text.hasSuffix(" -") {
            return (.none, shouldDropHyphen(previous.text, next.text))
        }
        if next.breakBefore {
            if let last = previous.text.last, ".!?:".contains(last), !singleLine { return (.paragraph, false) }
            return (.space, false)
        }
        if previous.soft || singleLine { return (.space, false) }
        return (hardBreakEndsParagraph ? .paragraph : .newline, false)
    }

    /// "utveck-" + "ling" becomes "utveckling" only when the text uses "utveckling" elsewhere;
    /// "Hägersten-" + "Älvsjö" and "2020-" + "2023" keep their hyphen.
    private func shouldDropHyphen(_ previous: String, _ next: String) -> Bool {
        let stem = previous.dropLast()
        guard let before = stem.last, before.isLowercase, let first = next.first, first.isLowercase else { return false }
        let head = stem.reversed().prefix { $0.isLetter }.reversed()
        let tail = next.prefix { $0.isLetter }
        guard !head.isEmpty, !tail.isEmpty else { return false }
        return words.contains((String(head) + String(tail)).lowercased())
    }

    /// The paragraphs of a run of lines: blank lines separate paragraphs, wrapped lines are
    /// joined with a space, a line that ends without wrapping keeps its line break, or ends the
    /// paragraph in prose (`hardBreakEndsParagraph`: descriptions and comments, whose paragraphs
    /// the PDF separates by a line end only, where lists of results keep one item per line).
    func paragraphs(_ lines: [SourceLine], hardBreakEndsParagraph: Bool = false) -> [Paragraph] {
        var result: [Paragraph] = []
        var current: Paragraph?
        var previous: SourceLine?
        func finish() {
            if let paragraph = current, !paragraph.text.isEmpty { result.append(paragraph) }
            current = nil
            previous = nil
        }
        for line in lines {
            if line.isBlank { finish(); continue }
            let text = line.isBullet ? "- " + line.text : line.text
            guard var paragraph = current, let before = previous else {
                current = Paragraph(firstLine: line.number, lastLine: line.number, text: text, lineCount: 1)
                previous = line
                continue
            }
            let (kind, dropHyphen) = join(before, line, singleLine: false, hardBreakEndsParagraph: hardBreakEndsParagraph)
            if dropHyphen { paragraph.text.removeLast() }
            switch kind {
            case .space: paragraph.text += " " + text
            case .none: paragraph.text += text
            case .newline: paragraph.text += "\n" + text
            case .paragraph:
                current = paragraph
                finish()
                current = Paragraph(firstLine: line.number, lastLine: line.number, text: text, lineCount: 1)
                previous = line
                continue
            }
            paragraph.lastLine = line.number
            paragraph.lineCount += 1
            current = paragraph
            previous = line
        }
        finish()
        return result
    }

    /// The text of a field: paragraphs separated by a blank line.
    func text(_ lines: [SourceLine], hardBreakEndsParagraph: Bool = false) -> String {
        paragraphs(lines, hardBreakEndsParagraph: hardBreakEndsParagraph).map(\.text).joined(separator: "\n\n")
    }

    /// A title or a table cell: all lines on one line.
    func singleLine(_ lines: [SourceLine]) -> String {
        var text = ""
        var previous: SourceLine?
        for line in lines where !line.isBlank {
            if let before = previous {
                let (kind, dropHyphen) = join(before, line, singleLine: true)
                if dropHyphen { text.removeLast() }
                text += kind == .none ? line.text : " " + line.text
            } else {
                text = line.text
            }
            previous = line
        }
        return text
    }
}
