/// Drawing helpers on the cell grid.
extension Screen {
    /// Writes text clipped to a width, ending in an ellipsis when it does not fit.
    @discardableResult
    mutating func putTruncated(_ text: String, row: Int, column: Int, width: Int, style: Style, ellipsis: String) -> Int {
        guard width > 0 else { return 0 }
        // No character takes more columns than it has UTF-8 bytes, so most texts fit at a glance.
        if text.utf8.count <= width { return put(text, row: row, column: column, style: style, maxWidth: width) }
        if let latin = DisplayWidth.latinWidth(text) {
            if latin <= width { return put(text, row: row, column: column, style: style, maxWidth: width) }
            // Latin text (one column a scalar, controls none): the scalars that fit beside the ellipsis.
            let room = max(0, width - DisplayWidth.of(ellipsis))
            let scalars = text.unicodeScalars
            var used = 0
            var cut = scalars.startIndex
            while cut < scalars.endIndex {
                if !DisplayWidth.isControl(scalars[cut].value) {
                    if used == room { break }
                    used += 1
                }
                cut = scalars.index(after: cut)
            }
            let kept = Substring(scalars[..<cut])
            return put(String(kept) + ellipsis, row: row, column: column, style: style, maxWidth: width)
        }
        // Otherwise one pass that stops at the width, however long the text (a label can be a
        // goal's whole wording): it finds what fits beside the ellipsis and whether all fits.
        let room = width - DisplayWidth.of(ellipsis)
        var keptEnd = text.startIndex
        var used = 0
        var index = text.startIndex
        while index < text.endIndex {
            used += DisplayWidth.of(text[index])
            if used > width {
                return put(String(text[..<keptEnd]) + ellipsis, row: row, column: column, style: style, maxWidth: width)
            }
            index = text.index(after: index)
            if used <= room { keptEnd = index }
        }
        return put(text, row: row, column: column, style: style, maxWidth: width)
    }

    /// Applies a style to every cell of a rectangle, keeping the characters.
    mutating func restyle(_ rect: Rect, _ change: (inout Style) -> Void) {
        for row in max(0, rect.row)..<min(height, rect.row + rect.height) {
            for column in max(0, rect.column)..<min(width, rect.column + rect.width) {
                var cell = self[row, column]
                change(&cell.style)
                self[row, column] = cell
            }
        }
    }

    /// A line of key hints, "Enter Öppna  e Analys ...". When they do not all fit, the hints at
    /// the indices of `dropOrder` give way in that order; then (and without one) those from the
    /// middle, so that the first ones and the last two always show.
    mutating func putHints(_ hints: [(String, String)], row: Int, width: Int, theme: Theme, dropOrder: [Int]? = nil) {
        fill(Rect(row: row, column: 0, height: 1, width: width), style: theme.hints)
        func needed(_ hint: (String, String)) -> Int { DisplayWidth.of(hint.0) + 1 + DisplayWidth.of(hint.1) + 2 }
        var shown = hints
        func tooWide() -> Bool { shown.map(needed).reduce(0, +) - 2 > width }
        if let dropOrder {
            var kept = Array(hints.indices)
            for index in dropOrder where tooWide() {
                guard let position = kept.firstIndex(of: index) else { continue }
                kept.remove(at: position)
                shown.remove(at: position)
            }
        }
        while shown.count > 3 && tooWide() {
            shown.remove(at: shown.count - 3)
        }
        var column = 0
        for (key, action) in shown {
            let needed = DisplayWidth.of(key) + 1 + DisplayWidth.of(action) + 2
            if column + needed - 2 > width { break }
            column += put(key, row: row, column: column, style: theme.hintKey)
            column += put(" " + action + "  ", row: row, column: column, style: theme.hints)
        }
    }
}

/// Word wrapping by display width, for the detail pane and the help.
enum Wrap {
    /// - Parameter limit: stop after this many lines (what a pane can show), however long the text.
    static func lines(_ text: String, width: Int, limit: Int = .max) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        // Paragraphs are split at "\n" and words at spaces (by Character, as components(separatedBy:)
        // and split(separator:) did), but only as far as the lines wanted: a text can be long (a
        // board goal's description of 17 000 characters), a pane shows a screenful.
        var paragraphs = text[...]
        var moreParagraphs = true
        while moreParagraphs {
            let newline = paragraphs.firstIndex(of: "\n")
            var words = paragraphs[..<(newline ?? paragraphs.endIndex)]
            if let newline { paragraphs = paragraphs[paragraphs.index(after: newline)...] } else { moreParagraphs = false }
            if result.count >= limit { return Array(result.prefix(limit)) }
            var line = ""
            var lineWidth = 0
            var moreWords = true
            while moreWords {
                let space = words.firstIndex(of: " ")
                var word = String(words[..<(space ?? words.endIndex)])
                if let space { words = words[words.index(after: space)...] } else { moreWords = false }
                if result.count >= limit { return Array(result.prefix(limit)) }
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                if wordWidth > width {
                    // A word longer than a line (a text without spaces) is cut in one pass, and
                    // only as far as the lines wanted. lineWidth is 0 here: the line was ended above.
                    var head = ""
                    var headWidth = 0
                    for character in word {
                        let cellWidth = DisplayWidth.of(character)
                        if headWidth + cellWidth > width && !head.isEmpty {
                            result.append(head)
                            if result.count >= limit { return Array(result.prefix(limit)) }
                            head = ""
                            headWidth = 0
                        }
                        head.append(character)
                        headWidth += cellWidth
                    }
                    word = head
                    wordWidth = headWidth
                }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += wordWidth
            }
            result.append(line)
        }
        return result.count > limit ? Array(result.prefix(limit)) : result
    }
}
