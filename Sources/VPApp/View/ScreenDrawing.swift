/// Drawing helpers on the cell grid.
extension Screen {
    /// Writes text clipped to a width, ending in an ellipsis when it does not fit.
    @discardableResult
    mutating func putTruncated(_ text: String, row: Int, column: Int, width: Int, style: Style, ellipsis: String) -> Int {
        guard width > 0 else { return 0 }
        // No character takes more columns than it has UTF-8 bytes, so most texts fit at a glance.
        if text.utf8.count <= width { return put(text, row: row, column: column, style: style, maxWidth: width) }
        // One pass that stops at the width, however long the text (a label can be a goal's
        // whole wording): whether all of it fits.
        var text = text
        let fits = text.withUTF8 { bytes in
            var walk = CharacterWalk(bytes)
            var used = 0
            while let piece = walk.next() {
                used += piece.width
                if used > width { return false }
            }
            return true
        }
        if fits { return put(text, row: row, column: column, style: style, maxWidth: width) }
        // What fits beside the ellipsis, then the ellipsis, drawn apart so that neither is copied
        // into a new text: `put` stops at the first character that does not fit.
        let used = put(text, row: row, column: column, style: style, maxWidth: width - DisplayWidth.of(ellipsis))
        return used + put(ellipsis, row: row, column: column + used, style: style, maxWidth: width - used)
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
///
/// Paragraphs are split at "\n" and words at " " (each as a character of its own, as
/// `components(separatedBy:)` and `split(separator:)` split), lines filled with whole words,
/// and a word longer than a line cut where the columns run out. Only as far as the lines
/// wanted: a text can be long (a board goal's description of 17 000 characters), a pane shows
/// a screenful. The characters come from `CharacterWalk`, and lines are cut from the text's
/// bytes: the detail pane wraps several texts on every frame.
enum Wrap {
    /// - Parameter limit: stop after this many lines (what a pane can show), however long the text.
    static func lines(_ text: String, width: Int, limit: Int = .max) -> [String] {
        guard width > 0, limit > 0 else { return [] }
        var text = text
        return text.withUTF8 { bytes in
            var result: [String] = []
            func string(_ range: Range<Int>) -> String {
                String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            }
            var walk = CharacterWalk(bytes)
            // The line so far: its bytes, unless it is one run of the text (the usual case).
            var lineBytes: [UInt8] = []
            var lineRun: Range<Int>? = nil
            var lineWidth = 0
            func endLine() {
                result.append(lineRun.map(string) ?? String(decoding: lineBytes, as: UTF8.self))
                lineBytes.removeAll(keepingCapacity: true)
                lineRun = 0..<0
                lineWidth = 0
            }
            func append(_ range: Range<Int>, separated: Bool) {
                if let run = lineRun {
                    if run.isEmpty && !separated { lineRun = range; return }
                    if separated && run.upperBound + 1 == range.lowerBound && bytes[run.upperBound] == 0x20 {
                        lineRun = run.lowerBound..<range.upperBound
                        return
                    }
                    lineBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run]))
                    lineRun = nil
                }
                if separated { lineBytes.append(0x20) }
                lineBytes.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[range]))
            }
            lineRun = 0..<0
            var wordStart = 0
            var wordWidth = 0
            var atEnd = false
            while !atEnd {
                let piece = walk.next()
                let endsParagraph = piece.map { walk.isAlone($0, 0x0A) } ?? true
                guard endsParagraph || walk.isAlone(piece!, 0x20) else {
                    wordWidth += piece!.width
                    continue
                }
                // A word ends here.
                let wordEnd = piece.map { $0.end - 1 } ?? bytes.count
                if result.count >= limit { return Array(result.prefix(limit)) }
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width { endLine() }
                var start = wordStart
                if wordWidth > width {
                    // A word longer than a line is cut in one pass; lineWidth is 0 here.
                    var cut = CharacterWalk(UnsafeBufferPointer(rebasing: bytes[wordStart..<wordEnd]))
                    var headWidth = 0
                    var partStart = wordStart
                    while let part = cut.next() {
                        if headWidth + part.width > width && partStart > start {
                            result.append(string(start..<partStart))
                            if result.count >= limit { return Array(result.prefix(limit)) }
                            start = partStart
                            headWidth = 0
                        }
                        headWidth += part.width
                        partStart = wordStart + part.end
                    }
                    wordWidth = headWidth
                }
                append(start..<wordEnd, separated: lineWidth > 0)
                if lineWidth > 0 { lineWidth += 1 }
                lineWidth += wordWidth
                wordStart = piece?.end ?? bytes.count
                wordWidth = 0
                if endsParagraph {
                    endLine()
                    atEnd = piece == nil
                    if !atEnd && result.count >= limit { return Array(result.prefix(limit)) }
                }
            }
            return result.count > limit ? Array(result.prefix(limit)) : result
        }
    }
}
