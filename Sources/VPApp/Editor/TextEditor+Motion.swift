/// Cursor motion: by Character, by visual line, by word.
extension TextEditor {
    var cursorIndex: String.Index { Self.index(cursorUTF8, in: text) }

    mutating func moveLeft() {
        guard cursorUTF8 > 0 else { return }
        cursorUTF8 = Self.offset(text.index(before: cursorIndex), in: text)
    }

    mutating func moveRight() {
        guard cursorUTF8 < text.utf8.count else { return }
        cursorUTF8 = Self.offset(text.index(after: cursorIndex), in: text)
    }

    /// The visual line that shows the cursor, and the cursor's column in it.
    func locateCursor(width: Int) -> (line: LineIndex.Line, column: Int) {
        let line = withLines(width: width) { $0.line(containing: cursorUTF8, in: text) }
        return (line, column(of: cursorUTF8, in: line).column)
    }

    /// Moves up (negative) or down by visual lines, aiming for the preferred column. Returns how
    /// many lines the cursor moved. On the first (last) line, up (down) goes to the start (end) of
    /// the text instead, as most editors do.
    mutating func moveVertically(lines delta: Int, width: Int) -> Int {
        let location = locateCursor(width: width)
        let goal = preferredColumn ?? location.column
        preferredColumn = goal
        let (line, moved) = withLines(width: width) { index in
            index.line(from: location.line, moving: delta, in: text)
        }
        if moved == 0 {
            cursorUTF8 = delta < 0 ? 0 : text.utf8.count
            return 0
        }
        cursorUTF8 = position(atColumn: goal, in: line).position
        return moved
    }

    mutating func moveToLineStart(width: Int) {
        cursorUTF8 = locateCursor(width: width).line.start
    }

    /// To the end of the visual line. On a wrapped line the end itself is shown at the start of
    /// the next line, so the cursor stops before the line's last Character (usually the space
    /// the line was broken after).
    mutating func moveToLineEnd(width: Int) {
        let line = locateCursor(width: width).line
        if line.isLastOfParagraph {
            cursorUTF8 = line.end
        } else {
            cursorUTF8 = Self.offset(text.index(before: Self.index(line.end, in: text)), in: text)
        }
    }

    // MARK: Words

    /// Letters, digits and symbols (emoji included) make words; spaces, line breaks and
    /// punctuation separate them.
    static func isWordCharacter(_ character: Character) -> Bool {
        !character.isWhitespace && !character.isPunctuation
    }

    /// How many Characters a word motion looks at, at most. A run of letters longer than this
    /// (a text without spaces, a long link) is no word to jump over in one go; stopping there
    /// keeps the key as fast in such a text as in prose.
    static let wordScanLimit = 1_000

    /// The start of the word before the cursor (skipping separators first).
    func wordStartBeforeCursor() -> Int {
        var index = cursorIndex
        var inWord = false
        var scanned = 0
        while index > text.startIndex && scanned < Self.wordScanLimit {
            scanned += 1
            let previous = text.index(before: index)
            let isWord = Self.isWordCharacter(text[previous])
            if inWord && !isWord { break }
            if isWord { inWord = true }
            index = previous
        }
        return Self.offset(index, in: text)
    }

    /// The end of the word after the cursor (skipping separators first).
    func wordEndAfterCursor() -> Int {
        var index = cursorIndex
        var inWord = false
        var scanned = 0
        while index < text.endIndex && scanned < Self.wordScanLimit {
            scanned += 1
            let isWord = Self.isWordCharacter(text[index])
            if inWord && !isWord { break }
            if isWord { inWord = true }
            index = text.index(after: index)
        }
        return Self.offset(index, in: text)
    }

    mutating func moveWordLeft() {
        cursorUTF8 = wordStartBeforeCursor()
    }

    mutating func moveWordRight() {
        cursorUTF8 = wordEndAfterCursor()
    }
}
