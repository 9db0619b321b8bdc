/// Questions about the whole wrapped text, answered by wrapping all of it: for tests and
/// occasional use, never on a key or a frame.
extension TextEditor {
    /// The cursor's visual row (counted over the whole wrapped text) and column at `width`.
    /// The column can equal `width` when the cursor ends a paragraph whose last line is full;
    /// `render` then shows it on the last cell.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        let width = max(1, width)
        let row = row(of: cursorUTF8, width: width)
        return (row, locateCursor(width: width).column)
    }

    /// The first visual row shown by the last `render`, counted over the whole text at the
    /// width it was drawn at; nil until the editor has been drawn.
    public var scrollRow: Int? {
        scrollAnchor.map { row(of: $0, width: scrollWidth) }
    }

    /// The row of the visual line that shows a position: at the end of a line that is not the
    /// last of its paragraph, the next line.
    func row(of position: Int, width: Int) -> Int {
        let lines = visualLines(width: width)
        for (row, line) in lines.enumerated() {
            if position < line.utf8Range.upperBound || (position == line.utf8Range.upperBound && line.endsParagraph) {
                return row
            }
        }
        return max(0, lines.count - 1)
    }

    /// Describes every broken internal invariant (empty when all hold). Walks the whole text, so it
    /// is for tests only.
    func invariantViolations() -> [String] {
        var problems: [String] = []
        let count = text.utf8.count
        if cursorUTF8 < 0 || cursorUTF8 > count { problems.append("cursor \(cursorUTF8) outside 0...\(count)") }
        // The cursor must sit on a Character boundary.
        var offset = 0
        var found = cursorUTF8 == 0
        for character in text where !found && offset < cursorUTF8 {
            offset += character.utf8.count
            if offset == cursorUTF8 { found = true }
        }
        if !found { problems.append("cursor \(cursorUTF8) is not at a Character boundary") }
        // The lazily found lines agree with wrapping everything.
        for width in [scrollWidth, 1, 7, 20] {
            let lazy = allLinesThroughIndex(width: width).map { $0.start..<$0.end }
            let full = visualLines(width: width).map(\.utf8Range)
            if lazy != full { problems.append("lines found lazily differ from the full wrap at width \(width)") }
        }
        return problems
    }

    /// Every line, from the first, through the line index: what drawing and motion see.
    func allLinesThroughIndex(width: Int) -> [LineIndex.Line] {
        withLines(width: width) { index in
            var lines = [index.line(containing: 0, in: text)]
            while let next = index.line(after: lines[lines.count - 1], in: text) { lines.append(next) }
            return lines
        }
    }
}
