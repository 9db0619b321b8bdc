import Foundation
@testable import PlanTextImport
import PlanKit

/// Makes variants of a plan's text with the layouts other converters and other years give the
/// same content: each variant must give the same cascade as the original.
enum LayoutMutator: String, CaseIterable {
    case upperCaseMarkers, titleAfterBlankLines, doubleSpaced, hyphenated, tabCells, pageHeaders, bulletsRemoved,
         economyBetweenGoals, paragraphPerLine

    private static let classifier = LineClassifier()

    static func isMarker(_ line: String) -> Bool {
        // A table of contents names the markers too; those lines are not the goals.
        guard !line.contains("\t"), !line.contains("....") else { return false }
        if case .marker = classifier.classify(line.trimmingCharacters(in: .whitespaces)) { return true }
        return false
    }

    /// The variant of `text`; `original` is the cascade read from the original text (tab cells
    /// are rebuilt from the rows it found).
    func apply(_ text: String, original: TextImportResult) -> String {
        var lines = text.components(separatedBy: "\n")
        switch self {
        case .upperCaseMarkers:
            lines = Self.upperCaseMarkers(lines)
        case .titleAfterBlankLines:
            lines = lines.flatMap { line -> [String] in
                guard Self.isMarker(line), let colon = line.lastIndex(of: ":") else { return [line] }
                let title = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                let marker = String(line[...colon])
                return title.isEmpty ? [marker, "", " ", ""] : [marker, "", " ", "", title]
            }
        case .doubleSpaced:
            lines = lines.flatMap { line in [line.hasSuffix(" ") ? line : line + " ", ""] }
        case .hyphenated:
            lines = Self.hyphenate(lines)
        case .tabCells:
            lines = Self.tabCells(lines, original: original)
        case .pageHeaders:
            lines = Self.pageHeaders(lines)
        case .bulletsRemoved:
            let bullets: Set<Character> = ["•", "●", "▪", "\u{F0B7}", "\u{F0A7}"]
            lines = lines.map { line in
                guard let index = line.firstIndex(where: { !$0.isWhitespace }), bullets.contains(line[index]) else { return line }
                return String(line[..<index]) + "  " + line[line.index(after: index)...].drop { $0 == " " }
            }
        case .economyBetweenGoals:
            lines = Self.moveEconomy(lines)
        case .paragraphPerLine:
            lines = Self.paragraphPerLine(lines)
        }
        return lines.joined(separator: "\n")
    }

    /// "KF:s INRIKTNINGSMÅL 1:" with the number moved from the title onto the marker, as older
    /// plans write it; "NÄMNDMÅL:".
    private static func upperCaseMarkers(_ lines: [String]) -> [String] {
        var lines = lines
        let words = [("inriktningsmål", "INRIKTNINGSMÅL"), ("mål för verksamhetsområdet", "MÅL FÖR VERKSAMHETSOMRÅDET"),
                     ("Nämndmål", "NÄMNDMÅL"), ("Enhetsmål", "ENHETSMÅL")]
        for index in lines.indices where isMarker(lines[index]) {
            var line = lines[index]
            for (word, upper) in words { line = line.replacingOccurrences(of: word, with: upper) }
            // The title's number onto the marker: "KF:s INRIKTNINGSMÅL 1:" / "1.1 Title" → "Title".
            if line.hasPrefix("KF:s") || line.hasPrefix(" KF:s"), line.trimmingCharacters(in: .whitespaces).hasSuffix(":"),
               let next = lines.indices.first(where: { $0 > index && !lines[$0].trimmingCharacters(in: .whitespaces).isEmpty }),
               let range = lines[next].range(of: #"^\s*[0-9]+(\.[0-9]+)*\.?\s+"#, options: .regularExpression) {
                let number = lines[next][range].trimmingCharacters(in: CharacterSet(charactersIn: ". "))
                line = line.trimmingCharacters(in: .whitespaces).dropLast() + " \(number):"
                lines[next] = String(lines[next][range.upperBound...])
            }
            lines[index] = line
        }
        return lines
    }

    /// Breaks the first word of a wrapped line's successor over the line end with a hyphen, for
    /// words of eight letters or more that stay whole somewhere else in the text (so that the text
    /// itself says they are words), keeping the line within 85 columns.
    private static func hyphenate(_ lines: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for line in lines {
            for word in line.lowercased().split(whereSeparator: { !$0.isLetter }) { counts[String(word), default: 0] += 1 }
        }
        var lines = lines
        for index in lines.indices.dropLast() where lines[index].hasSuffix(" ") && !isMarker(lines[index]) {
            let next = lines[index + 1]
            guard !next.hasPrefix(" "), let word = next.split(separator: " ").first.map(String.init),
                  word.count >= 8, word.allSatisfy(\.isLetter), word.first?.isLowercase == true,
                  counts[word, default: 0] >= 2 else { continue }
            // One whole occurrence must remain for the text to say that the word is a word.
            counts[word, default: 0] -= 1
            let cut = word.index(word.startIndex, offsetBy: word.count / 2)
            let head = lines[index] + word[..<cut] + "-"
            guard head.count <= 85 else { continue }
            lines[index] = head
            lines[index + 1] = String(word[cut...]) + next.dropFirst(word.count)
        }
        return lines
    }

    /// Rows that stand on one line ("Name 2,7 % 2,7 % Tertial") with their cells separated by tabs.
    private static func tabCells(_ lines: [String], original: TextImportResult) -> [String] {
        var rows: [String: String] = [:]
        for goal in original.goals.flatMap(\.allGoals) {
            for indicator in goal.indicators {
                let values = [indicator.target, indicator.councilTarget].compactMap { $0 }
                let words = Strings.TextImport.periodicityName(indicator.periodicity)
                let spaced = ([indicator.name] + values + [words]).joined(separator: " ")
                rows[spaced] = ([indicator.name] + values + [words]).joined(separator: "\t")
            }
        }
        return lines.map { line in
            let key = line.split(separator: " ").joined(separator: " ")
            return rows[key] ?? line
        }
    }

    /// A running header in capitals with the page number, every 50 lines at a paragraph break.
    private static func pageHeaders(_ lines: [String]) -> [String] {
        var result: [String] = []
        var sinceHeader = 0
        var page = 1
        for line in lines {
            result.append(line)
            sinceHeader += 1
            if sinceHeader >= 50, line.trimmingCharacters(in: .whitespaces).isEmpty {
                page += 1
                result += ["HÄGERSTEN-ÄLVSJÖ STADSDELSFÖRVALTNING", "SID \(page) (99)", ""]
                sinceHeader = 0
            }
        }
        return result
    }

    /// The chapters after the last goal's tables (economy, Agenda 2030 …), moved before a goal
    /// marker in the middle of the document.
    private static func moveEconomy(_ lines: [String]) -> [String] {
        let markers = lines.indices.filter { isMarker(lines[$0]) }
        guard let last = markers.last, markers.count >= 4,
              let start = lines.indices.first(where: { $0 > last && classifier.isChapterHeading(lines[$0].trimmingCharacters(in: .whitespaces)) })
        else { return lines }
        let chapter = Array(lines[start...])
        let head = Array(lines[..<start])
        let middle = markers[markers.count / 2]
        return Array(head[..<middle]) + [""] + chapter + [""] + Array(head[middle...])
    }

    /// Every wrapped line joined to the next: one paragraph per line, no trailing spaces.
    private static func paragraphPerLine(_ lines: [String]) -> [String] {
        var result: [String] = []
        var current: String?
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = current {
                current = open + " " + trimmed
            } else {
                current = line.hasPrefix(" ") ? trimmed : line.trimmingCharacters(in: .init(charactersIn: " "))
            }
            if !line.hasSuffix(" ") || trimmed.isEmpty {
                result.append(current!.trimmingCharacters(in: .whitespaces))
                current = nil
            }
        }
        if let current { result.append(current) }
        return result
    }
}
