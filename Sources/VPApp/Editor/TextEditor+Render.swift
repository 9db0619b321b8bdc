extension TextEditor {
    /// Draws the visible part of the text into `rect` and puts the screen's cursor on the text
    /// cursor. Scrolls as little as needed to keep the cursor visible (and never past the end of
    /// the text while there is text above to show instead). Only the lines on the screen, and
    /// those between the last view and the cursor, are wrapped.
    ///
    /// At the end of a line that fills the width (or before a space hanging past the edge) the
    /// cursor is just past the text. `marginRight`: the caller keeps the column right of `rect`
    /// free, and the cursor is drawn there, after the last character as anywhere else; without
    /// it, on the last character, where it would seem to stand before it.
    public mutating func render(into screen: inout Screen, rect: Rect, style: Style, marginRight: Bool = false) {
        screen.fill(rect, style: style)
        guard rect.width > 0, rect.height > 0 else {
            screen.cursor = nil
            return
        }
        let width = rect.width
        let (lines, cursorRow) = scrollToCursor(width: width, height: rect.height)
        for (row, line) in lines.enumerated() {
            draw(line, into: &screen, row: rect.row + row, column: rect.column, width: width, style: style)
        }
        let cursorColumn = column(of: cursorUTF8, in: lines[cursorRow]).column
        let lastColumn = marginRight && rect.column + width < screen.width ? width : width - 1
        screen.cursor = (rect.row + cursorRow, rect.column + min(cursorColumn, lastColumn))
    }

    /// Moves the view as `render` does, without drawing: the lines it shows and the cursor's row
    /// among them. The app calls it after each key on the editor it keeps, since it draws a copy
    /// (whose view would otherwise be lost, and the next frame start again from the top).
    @discardableResult
    mutating func scrollToCursor(width: Int, height: Int) -> (lines: [LineIndex.Line], cursorRow: Int) {
        let width = max(1, width)
        let height = max(1, height)
        let cursor = cursorUTF8
        let (top, lines, cursorRow) = withLines(width: width) { index -> (Int, [LineIndex.Line], Int) in
            let cursorLine = index.line(containing: cursor, in: text)
            var top = index.line(containing: min(scrollAnchor ?? 0, index.textLength), in: text)
            if cursorLine.start < top.start {
                top = cursorLine
            } else {
                // The cursor below the view: the view moves down until it ends on the cursor's line.
                var line = top
                var steps = 0
                while line != cursorLine && steps < height - 1, let next = index.line(after: line, in: text) {
                    line = next
                    steps += 1
                }
                if line != cursorLine { top = index.line(from: cursorLine, moving: -(height - 1), in: text).line }
            }
            // Rows left empty at the bottom while text above is hidden: the view moves up.
            var shown = [top]
            while shown.count < height, let next = index.line(after: shown[shown.count - 1], in: text) { shown.append(next) }
            while shown.count < height, let previous = index.line(before: shown[0], in: text) { shown.insert(previous, at: 0) }
            let row = shown.firstIndex(of: cursorLine) ?? 0
            return (shown[0].start, shown, row)
        }
        scrollAnchor = top
        scrollWidth = width
        return (lines, cursorRow)
    }

    /// Moves the view by whole lines (page keys), when it has been drawn.
    mutating func scroll(by lines: Int, width: Int) {
        guard let anchor = scrollAnchor, lines != 0 else { return }
        scrollAnchor = withLines(width: width) { index in
            index.line(from: index.line(containing: anchor, in: text), moving: lines, in: text).line.start
        }
    }

    private func draw(_ line: LineIndex.Line, into screen: inout Screen, row: Int, column: Int, width: Int, style: Style) {
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
