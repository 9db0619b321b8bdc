/// Questions about the whole wrapped text, answered by wrapping all of it: for occasional use,
/// never on a key or a frame.
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
}
