import Foundation
import PlanKit

/// Reads a goal's title: on the marker line, or on the lines after it past blank lines (a page
/// break can put several between them); wrapped over lines as long as a line wraps; for a board
/// or unit goal, the whole first block, since its description follows a label.
struct GoalTitleReader {
    let lines: [SourceLine]
    let joiner: TextJoiner
    let classifier: LineClassifier
    /// Blank lines allowed between a marker and a title on the lines after it.
    static let blanksBeforeTitle = 12

    struct Found {
        var lines: [SourceLine]
        /// The index of the first line after the title.
        var next: Int
        /// The title's end was guessed (a long block ended by length, not by the text).
        var guessedEnd: Bool
    }

    /// "förs-" + "kolor": a word broken at the line end goes on on the next line.
    static func endsInWordBreak(_ line: SourceLine, _ next: SourceLine) -> Bool {
        guard line.text.hasSuffix("-"), !line.text.hasSuffix(" -"), let before = line.text.dropLast().last, before.isLetter,
              let first = next.text.first else { return false }
        return first.isLowercase
    }

    private func isTitleText(_ line: SourceLine) -> Bool { !line.isBlank && classifier.classify(line.text) == .text }

    func read(_ level: GoalLevel, rest: String, marker index: Int) -> Found {
        var titleLines: [SourceLine] = []
        var cursor = index + 1
        if !rest.isEmpty {
            var first = lines[index]
            first.text = rest
            titleLines = [first]
        } else {
            var blanks = 0
            while cursor < lines.count, lines[cursor].isBlank, blanks < Self.blanksBeforeTitle {
                cursor += 1
                blanks += 1
            }
            if cursor < lines.count, isTitleText(lines[cursor]) {
                titleLines = [lines[cursor]]
                cursor += 1
            }
        }
        while let last = titleLines.last, last.soft || Self.endsInWordBreak(last, lines[min(cursor, lines.count - 1)]),
              cursor < lines.count, isTitleText(lines[cursor]) {
            titleLines.append(lines[cursor])
            cursor += 1
        }
        var guessed = false
        if level == .boardGoal || level == .unitGoal {
            while !titleLines.isEmpty, cursor < lines.count, isTitleText(lines[cursor]), !lines[cursor].breakBefore {
                if joiner.singleLine(titleLines).count >= 400 {
                    guessed = true
                    break
                }
                titleLines.append(lines[cursor])
                cursor += 1
            }
        }
        return Found(lines: titleLines, next: cursor, guessedEnd: guessed)
    }
}
