@testable import VPApp

/// Checks of the editor's internal state that walk the whole text.
extension TextEditor {
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
