/// Cursor motion: by Character, by visual line, by word.
extension TextEditor {
    var cursorIndex: String.Index { Self.index(cursorUTF8, in: text) }

    mutating func moveLeft() {
        guard cursorUTF8 > 0 else { return }
        cursorUTF8 = Self.offset(text.index(before: cursorIndex), in: text)
        cursor -= 1
    }

    mutating func moveRight() {
        guard cursorUTF8 < text.utf8.count else { return }
        cursorUTF8 = Self.offset(text.index(after: cursorIndex), in: text)
        cursor += 1
    }

    /// Moves to another position, counting the Characters in between (only forward walks, over
    /// the stretch between the two positions).
    mutating func moveCursor(toUTF8 target: Int) {
        if target >= cursorUTF8 {
            cursor += text.distance(from: cursorIndex, to: Self.index(target, in: text))
        } else {
            cursor -= text.distance(from: Self.index(target, in: text), to: cursorIndex)
        }
        cursorUTF8 = target
    }

    /// Where the cursor is on screen within its paragraph.
    struct CursorLocation {
        var paragraph: WrappedParagraph
        var lineIndex: Int
        var column: Int
        /// Characters between the start of the cursor's visual line and the cursor.
        var charactersIntoLine: Int

        var line: LineSpan { paragraph.lines[lineIndex] }
        var isLastLineOfParagraph: Bool { lineIndex == paragraph.lines.count - 1 }
    }

    func locateCursor(width: Int) -> CursorLocation {
        let paragraph = wrappedParagraph(containing: cursorUTF8, width: width)
        let lineIndex = paragraph.lineIndex(of: cursorUTF8)
        let (column, characters) = column(of: cursorUTF8, in: paragraph.lines[lineIndex])
        return CursorLocation(paragraph: paragraph, lineIndex: lineIndex, column: column, charactersIntoLine: characters)
    }

    /// Moves up (negative) or down by visual lines, aiming for the preferred column. Returns how
    /// many lines the cursor moved. On the first (last) line, up (down) goes to the start (end) of
    /// the text instead, as most editors do.
    mutating func moveVertically(lines delta: Int, width: Int) -> Int {
        let location = locateCursor(width: width)
        let goal = preferredColumn ?? location.column
        preferredColumn = goal

        var paragraph = location.paragraph
        var lineIndex = location.lineIndex
        var moved = 0
        let total = text.utf8.count
        while moved < abs(delta) {
            if delta > 0 {
                if lineIndex + 1 < paragraph.lines.count {
                    lineIndex += 1
                } else if paragraph.end < total {
                    paragraph = wrappedParagraph(startingAt: paragraph.end + 1, width: width)
                    lineIndex = 0
                } else {
                    break
                }
            } else {
                if lineIndex > 0 {
                    lineIndex -= 1
                } else if paragraph.start > 0 {
                    // start - 1 is the "\n" ending the previous paragraph.
                    paragraph = wrappedParagraph(containing: paragraph.start - 1, width: width)
                    lineIndex = paragraph.lines.count - 1
                } else {
                    break
                }
            }
            moved += 1
        }

        if moved == 0 {
            moveCursor(toUTF8: delta < 0 ? 0 : total)
            return 0
        }
        let target = position(atColumn: goal, in: paragraph.lines[lineIndex],
                              endsParagraph: lineIndex == paragraph.lines.count - 1)
        moveCursor(toUTF8: target.position)
        return moved
    }

    mutating func moveToLineStart(width: Int) {
        let location = locateCursor(width: width)
        cursor -= location.charactersIntoLine
        cursorUTF8 = location.line.start
    }

    /// To the end of the visual line. On a wrapped line the end itself is shown at the start of
    /// the next line, so the cursor stops before the line's last Character (usually the space
    /// the line was broken after).
    mutating func moveToLineEnd(width: Int) {
        let location = locateCursor(width: width)
        let line = location.line
        if location.isLastLineOfParagraph {
            cursor += line.characterCount - location.charactersIntoLine
            cursorUTF8 = line.end
        } else {
            let lastStart = Self.offset(text.index(before: Self.index(line.end, in: text)), in: text)
            cursor += line.characterCount - 1 - location.charactersIntoLine
            cursorUTF8 = lastStart
        }
    }

    // MARK: Words

    /// Letters, digits and symbols (emoji included) make words; spaces, line breaks and
    /// punctuation separate them.
    static func isWordCharacter(_ character: Character) -> Bool {
        !character.isWhitespace && !character.isPunctuation
    }

    /// The start of the word before the cursor (skipping separators first), and how many
    /// Characters back that is.
    func wordStartBeforeCursor() -> (utf8: Int, characters: Int) {
        var index = cursorIndex
        var count = 0
        var inWord = false
        while index > text.startIndex {
            let previous = text.index(before: index)
            let isWord = Self.isWordCharacter(text[previous])
            if inWord && !isWord { break }
            if isWord { inWord = true }
            index = previous
            count += 1
        }
        return (Self.offset(index, in: text), count)
    }

    /// The end of the word after the cursor (skipping separators first), and how many Characters
    /// ahead that is.
    func wordEndAfterCursor() -> (utf8: Int, characters: Int) {
        var index = cursorIndex
        var count = 0
        var inWord = false
        while index < text.endIndex {
            let isWord = Self.isWordCharacter(text[index])
            if inWord && !isWord { break }
            if isWord { inWord = true }
            index = text.index(after: index)
            count += 1
        }
        return (Self.offset(index, in: text), count)
    }

    mutating func moveWordLeft() {
        let target = wordStartBeforeCursor()
        cursor -= target.characters
        cursorUTF8 = target.utf8
    }

    mutating func moveWordRight() {
        let target = wordEndAfterCursor()
        cursor += target.characters
        cursorUTF8 = target.utf8
    }
}
