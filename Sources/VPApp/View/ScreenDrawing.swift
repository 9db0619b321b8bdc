/// Drawing helpers on the cell grid.
extension Screen {
    /// Writes text clipped to a width, ending in an ellipsis when it does not fit.
    @discardableResult
    mutating func putTruncated(_ text: String, row: Int, column: Int, width: Int, style: Style, ellipsis: String) -> Int {
        guard width > 0 else { return 0 }
        if DisplayWidth.of(text) <= width { return put(text, row: row, column: column, style: style, maxWidth: width) }
        let room = width - DisplayWidth.of(ellipsis)
        var kept = ""
        var used = 0
        for character in text {
            let cellWidth = DisplayWidth.of(character)
            if used + cellWidth > room { break }
            kept.append(character)
            used += cellWidth
        }
        return put(kept + ellipsis, row: row, column: column, style: style, maxWidth: width)
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

    /// A line of key hints, "Enter Öppna  e Analys ...". When they do not all fit, hints are
    /// dropped from the middle, so the first ones and the last two (help and quit) always show.
    mutating func putHints(_ hints: [(String, String)], row: Int, width: Int, theme: Theme) {
        fill(Rect(row: row, column: 0, height: 1, width: width), style: theme.hints)
        func needed(_ hint: (String, String)) -> Int { DisplayWidth.of(hint.0) + 1 + DisplayWidth.of(hint.1) + 2 }
        var shown = hints
        while shown.count > 3 && shown.map(needed).reduce(0, +) - 2 > width {
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
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraphLine in text.components(separatedBy: "\n") {
            var line = ""
            var lineWidth = 0
            for word in paragraphLine.split(separator: " ", omittingEmptySubsequences: false) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    var head = ""
                    var headWidth = 0
                    for character in word {
                        let cellWidth = DisplayWidth.of(character)
                        if headWidth + cellWidth > width - lineWidth { break }
                        head.append(character)
                        headWidth += cellWidth
                    }
                    if head.isEmpty { break }
                    result.append(line + head)
                    line = ""
                    lineWidth = 0
                    word = String(word.dropFirst(head.count))
                    wordWidth = DisplayWidth.of(word)
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
        return result
    }
}
