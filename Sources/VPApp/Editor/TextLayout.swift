/// One line as it appears on screen after word wrap.
///
/// Positions are given twice: as Character offsets (what the public API speaks, `cursor` included)
/// and as UTF-8 offsets (what the editor uses internally, because a UTF-8 offset turns into a
/// `String.Index` in constant time while a Character offset needs a walk from the start of the text).
public struct VisualLine: Equatable, Sendable {
    /// The Characters of the line, as offsets into `TextEditor.text`. Never includes the "\n".
    public let range: Range<Int>
    /// The same line as UTF-8 offsets into `TextEditor.text`.
    public let utf8Range: Range<Int>
    /// Terminal columns the line takes; at most the wrap width, except for a single character
    /// wider than a degenerate width of 1. A space hanging past the edge takes none.
    public let columns: Int
    /// True for the last visual line of a paragraph. The cursor at `range.upperBound` belongs to
    /// this line only then; otherwise that position is shown at the start of the next line.
    public let endsParagraph: Bool

    public init(range: Range<Int>, utf8Range: Range<Int>, columns: Int, endsParagraph: Bool) {
        self.range = range
        self.utf8Range = utf8Range
        self.columns = columns
        self.endsParagraph = endsParagraph
    }
}

extension TextEditor {
    /// A visual line of one paragraph while the editor works with it, in UTF-8 offsets.
    struct LineSpan: Equatable, Sendable {
        var start: Int
        var end: Int
        var characterCount: Int
        var columns: Int
    }

    // MARK: Measuring

    /// Columns a Character takes in the editor. Characters that `DisplayWidth` measures as zero
    /// (a lone zero-width joiner, a variation selector, a zero-width space) still get one blank
    /// column, so that every cursor position has a cell of its own and left/right always moves
    /// the cursor visibly.
    @inline(__always)
    static func cellWidth(_ character: Character) -> Int {
        if character.isASCII { return 1 }
        return max(1, DisplayWidth.of(character))
    }

    // MARK: Converting offsets

    @inline(__always)
    static func index(_ offset: Int, in text: String) -> String.Index {
        // O(1) for native strings, which the editor keeps its text as.
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }

    @inline(__always)
    static func offset(_ index: String.Index, in text: String) -> Int {
        text.utf8.distance(from: text.utf8.startIndex, to: index)
    }

    /// UTF-8 offset of the first "\n" at or after `from` and before `limit`, or nil.
    static func nextNewline(in text: String, from: Int, limit: Int) -> Int? {
        if let found = text.utf8.withContiguousStorageIfAvailable({ bytes -> Int? in
            var position = from
            while position < limit {
                if bytes[position] == 0x0A { return position }
                position += 1
            }
            return nil
        }) {
            return found
        }
        // Non-contiguous storage (bridged strings); not expected, but stay correct.
        var position = from
        var index = Self.index(from, in: text)
        while position < limit {
            if text.utf8[index] == 0x0A { return position }
            text.utf8.formIndex(after: &index)
            position += 1
        }
        return nil
    }

    // MARK: Word wrap

    /// Breaks the paragraph text[start..<end] (UTF-8 offsets, no "\n" inside) into visual lines of
    /// at most `width` columns.
    ///
    /// Greedy wrap: a line ends after the last space that still fits; a word longer than the
    /// line is broken where it overflows. A line never starts with the space it was broken at: a
    /// space that would overflow takes the word before it down to the next line, so that the
    /// space still fits at the end of the word's line, and every cursor position inside the line
    /// stays within the text area. Only where there is no earlier space to break at (one word
    /// fills the line) or the line already ends in one, the space hangs past the edge: it ends
    /// the line, is not drawn, and the position before it is the column just past the text (as
    /// at the end of a paragraph that fills the line). Wide characters are never split, since a
    /// Character is placed whole. An empty paragraph is one empty line; a paragraph that fills
    /// the width exactly is one line (no phantom empty line after it).
    ///
    /// With `maxLines`, stops after that many lines that the wrap broke: a wrap started at a
    /// line start goes on from the end of the last line exactly as if it had not stopped.
    static func wrap(_ text: String, from start: Int, to end: Int, width: Int, maxLines: Int = .max) -> [LineSpan] {
        let width = max(1, width)
        if let lines = text.utf8.withContiguousStorageIfAvailable({ wrapLatin($0, from: start, to: end, width: width, maxLines: maxLines) }),
           let lines {
            return lines
        }
        return wrapCharacters(text, from: start, to: end, width: width, maxLines: maxLines)
    }

    /// `wrap` Character by Character: right for any text, and the measure of `wrapLatin`.
    static func wrapCharacters(_ text: String, from start: Int, to end: Int, width: Int, maxLines: Int = .max) -> [LineSpan] {
        let width = max(1, width)
        var lines: [LineSpan] = []
        var lineStart = start
        var lineCharacters = 0
        var column = 0
        // The latest place in the current line right after a space: where the line may end.
        var breakAfterSpace: (position: Int, characters: Int, column: Int)?
        var position = start

        for character in text[index(start, in: text)..<index(end, in: text)] {
            let characterWidth = cellWidth(character)
            if column + characterWidth > width && position > lineStart {
                if character == " " && (breakAfterSpace.map { $0.position == position } ?? true) {
                    // No word to take down: the space hangs at the end of the line. At the end of
                    // the paragraph an empty line follows, for the cursor after the space.
                    lines.append(LineSpan(start: lineStart, end: position + 1, characterCount: lineCharacters + 1, columns: column))
                    if lines.count == maxLines && position + 1 < end { return lines }
                    position += 1
                    lineStart = position
                    lineCharacters = 0
                    column = 0
                    breakAfterSpace = nil
                    continue
                }
                if let breakPoint = breakAfterSpace {
                    // Move the partial word after the last space to the next line.
                    lines.append(LineSpan(start: lineStart, end: breakPoint.position,
                                          characterCount: breakPoint.characters, columns: breakPoint.column))
                    if lines.count == maxLines { return lines }
                    lineStart = breakPoint.position
                    lineCharacters -= breakPoint.characters
                    column -= breakPoint.column
                    breakAfterSpace = nil
                }
                // Still too wide (no space to break at, or a wide character after a long partial
                // word on a very narrow area): break right here.
                if column + characterWidth > width && position > lineStart {
                    lines.append(LineSpan(start: lineStart, end: position,
                                          characterCount: lineCharacters, columns: column))
                    if lines.count == maxLines { return lines }
                    lineStart = position
                    lineCharacters = 0
                    column = 0
                    breakAfterSpace = nil
                }
            }
            column += characterWidth
            lineCharacters += 1
            position += character.utf8.count
            if character == " " {
                breakAfterSpace = (position, lineCharacters, column)
            }
        }
        lines.append(LineSpan(start: lineStart, end: position, characterCount: lineCharacters, columns: column))
        return lines
    }

    /// `wrap` for a paragraph of Latin text (every scalar below U+0300: ASCII, å, ä, ö, é …),
    /// read as UTF-8 bytes: each scalar there is a Character of one column, so finding Characters
    /// (the costly part of `wrap`) is not needed. Nil when the paragraph holds anything else.
    /// The same greedy rule as `wrap`, step for step.
    static func wrapLatin(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, width: Int,
                          maxLines: Int = .max) -> [LineSpan]? {
        var lines: [LineSpan] = []
        var lineStart = start
        var lineCharacters = 0
        var column = 0
        var breakAfterSpace: (position: Int, characters: Int, column: Int)?
        var position = start
        while position < end {
            let byte = bytes[position]
            let length: Int
            if byte < 0x80 {
                length = 1
            } else if byte >= 0xC2 && byte < 0xCC {
                length = 2
            } else {
                return nil
            }
            if column + 1 > width && position > lineStart {
                if byte == 0x20 && (breakAfterSpace.map { $0.position == position } ?? true) {
                    lines.append(LineSpan(start: lineStart, end: position + 1, characterCount: lineCharacters + 1, columns: column))
                    if lines.count == maxLines && position + 1 < end { return lines }
                    position += 1
                    lineStart = position
                    lineCharacters = 0
                    column = 0
                    breakAfterSpace = nil
                    continue
                }
                if let breakPoint = breakAfterSpace {
                    lines.append(LineSpan(start: lineStart, end: breakPoint.position,
                                          characterCount: breakPoint.characters, columns: breakPoint.column))
                    if lines.count == maxLines { return lines }
                    lineStart = breakPoint.position
                    lineCharacters -= breakPoint.characters
                    column -= breakPoint.column
                    breakAfterSpace = nil
                }
                if column + 1 > width && position > lineStart {
                    lines.append(LineSpan(start: lineStart, end: position, characterCount: lineCharacters, columns: column))
                    if lines.count == maxLines { return lines }
                    lineStart = position
                    lineCharacters = 0
                    column = 0
                    breakAfterSpace = nil
                }
            }
            column += 1
            lineCharacters += 1
            position += length
            if byte == 0x20 {
                breakAfterSpace = (position, lineCharacters, column)
            }
        }
        lines.append(LineSpan(start: lineStart, end: position, characterCount: lineCharacters, columns: column))
        return lines
    }

    // MARK: Positions within a line

    /// Column of a position inside a line, and how many Characters lie between the line start and it.
    func column(of position: Int, in line: LineIndex.Line) -> (column: Int, characters: Int) {
        var column = 0
        var characters = 0
        var current = line.start
        for character in text[Self.index(line.start, in: text)..<Self.index(line.end, in: text)] {
            if current >= position { break }
            column += Self.cellWidth(character)
            characters += 1
            current += character.utf8.count
        }
        return (column, characters)
    }

    /// The last position in a line whose column is at most `goal`. On a line that is not the last
    /// of its paragraph, the line's end is excluded: that position is shown on the next line.
    func position(atColumn goal: Int, in line: LineIndex.Line) -> (position: Int, characters: Int) {
        let endsParagraph = line.isLastOfParagraph
        var column = 0
        var characters = 0
        var current = line.start
        for character in text[Self.index(line.start, in: text)..<Self.index(line.end, in: text)] {
            let characterWidth = Self.cellWidth(character)
            let next = current + character.utf8.count
            if column + characterWidth > goal { break }
            if next == line.end && !endsParagraph { break }
            column += characterWidth
            characters += 1
            current = next
        }
        return (current, characters)
    }

    // MARK: Whole-text queries

    /// Every visual line of the text at `width` columns. O(length of the text); meant for tests and
    /// occasional queries. Editing and drawing only wrap the paragraphs they need.
    public func visualLines(width: Int) -> [VisualLine] {
        var result: [VisualLine] = []
        var start = 0
        var characterOffset = 0
        let total = text.utf8.count
        while true {
            let end = Self.nextNewline(in: text, from: start, limit: total) ?? total
            let lines = Self.wrap(text, from: start, to: end, width: width)
            for (index, line) in lines.enumerated() {
                result.append(VisualLine(range: characterOffset..<characterOffset + line.characterCount,
                                         utf8Range: line.start..<line.end,
                                         columns: line.columns,
                                         endsParagraph: index == lines.count - 1))
                characterOffset += line.characterCount
            }
            if end >= total { break }
            characterOffset += 1  // the "\n"
            start = end + 1
        }
        return result
    }

    /// The text of a visual line from `visualLines(width:)`.
    public func text(of line: VisualLine) -> Substring {
        text[Self.index(line.utf8Range.lowerBound, in: text)..<Self.index(line.utf8Range.upperBound, in: text)]
    }
}
