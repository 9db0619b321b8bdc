extension TextEditor {
    /// The cursor's visual row (counted over the whole wrapped text) and column at `width`.
    /// The column can equal `width` when the cursor ends a paragraph whose last line is full;
    /// `render` then shows it on the last cell.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        let width = max(1, width)
        let location = locateCursor(width: width)
        return (rowsBefore(paragraphStart: location.paragraph.start, width: width) + location.lineIndex, location.column)
    }

    /// Visual rows of all paragraphs before the one starting at `paragraphStart`: from the layout
    /// cache when it has this width, otherwise by wrapping them.
    private func rowsBefore(paragraphStart: Int, width: Int) -> Int {
        if let cache = layout.cache, cache.width == width {
            return cache.rowStarts[cache.paragraphIndex(containingUTF8: paragraphStart)]
        }
        var rows = 0
        var start = 0
        while start < paragraphStart {
            let paragraph = wrappedParagraph(startingAt: start, width: width)
            rows += paragraph.lines.count
            start = paragraph.end + 1
        }
        return rows
    }

    /// Draws the visible part of the text into `rect` and puts the screen's cursor on the text
    /// cursor. Scrolls as little as needed to keep the cursor visible (and never past the end of
    /// the text while there is text above to show instead).
    public mutating func render(into screen: inout Screen, rect: Rect, style: Style) {
        screen.fill(rect, style: style)
        guard rect.width > 0, rect.height > 0 else {
            screen.cursor = nil
            return
        }
        let width = rect.width
        if layout.cache?.width != width {
            layout.cache = LayoutCache(text: text, width: width)
        }
        guard let cache = layout.cache else { return }

        let (cursorRow, cursorColumn) = cursorPosition(width: width)
        var top = scrollRow ?? 0
        if cursorRow < top {
            top = cursorRow
        } else if cursorRow >= top + rect.height {
            top = cursorRow - rect.height + 1
        }
        // Don't leave empty rows at the bottom while text above is hidden (after deleting a lot,
        // or paging past the end). Lowering `top` this way keeps the cursor inside the view.
        top = max(0, min(top, cache.totalRows - rect.height))
        scrollRow = top

        var row = 0
        var paragraphIndex = cache.paragraphIndex(containingRow: top)
        var skip = top - cache.rowStarts[paragraphIndex]
        while row < rect.height && paragraphIndex < cache.paragraphCount {
            let start = cache.starts[paragraphIndex]
            let end = start + cache.lengths[paragraphIndex]
            for line in Self.wrap(text, from: start, to: end, width: width).dropFirst(skip) {
                guard row < rect.height else { break }
                draw(line, into: &screen, row: rect.row + row, column: rect.column, width: width, style: style)
                row += 1
            }
            skip = 0
            paragraphIndex += 1
        }

        screen.cursor = (rect.row + cursorRow - top, rect.column + min(cursorColumn, width - 1))
    }

    private func draw(_ line: LineSpan, into screen: inout Screen, row: Int, column: Int, width: Int, style: Style) {
        var x = 0
        for character in text[Self.index(line.start, in: text)..<Self.index(line.end, in: text)] {
            let cellWidth = Self.cellWidth(character)
            if x + cellWidth > width { break }  // only a wide character on a 1-column area
            // Zero-width characters keep the blank cell they were given by the layout.
            if DisplayWidth.of(character) > 0 {
                screen.put(String(character), row: row, column: column + x, style: style, maxWidth: cellWidth)
            }
            x += cellWidth
        }
    }
}

// MARK: - Test support

extension TextEditor {
    /// Describes every broken internal invariant (empty when all hold). Walks the whole text, so it
    /// is for tests only.
    func invariantViolations() -> [String] {
        var problems: [String] = []
        let count = text.count
        if cursor < 0 || cursor > count { problems.append("cursor \(cursor) outside 0...\(count)") }
        // The UTF-8 cursor must sit on a Character boundary, `cursor` Characters into the text.
        var offset = 0
        var characters = 0
        var found = cursorUTF8 == 0 && cursor == 0
        for character in text where !found && offset < cursorUTF8 {
            offset += character.utf8.count
            characters += 1
            if offset == cursorUTF8 { found = characters == cursor }
        }
        if !found { problems.append("cursorUTF8 \(cursorUTF8) does not match cursor \(cursor)") }
        if let cache = layout.cache, cache != LayoutCache(text: text, width: cache.width) {
            problems.append("layout cache out of date at width \(cache.width)")
        }
        return problems
    }
}
