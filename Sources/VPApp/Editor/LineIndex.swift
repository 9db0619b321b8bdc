import Foundation

/// Where the paragraphs and the visual lines of the editor's text start, found only as far as
/// drawing and cursor motion ask, and kept in step with each edit without walking the text.
///
/// - Paragraph starts: the offsets of every "\n", found once per text (a byte search, a few
///   milliseconds for 10 MB) and then updated by each edit.
/// - Visual lines: per paragraph, the starts of its lines at the current width, found from the
///   paragraph's start as far as some position or line is needed, never further. A greedy wrap
///   starts afresh at every line start, so a list of line starts can be continued at its last
///   entry; an edit keeps the starts before it and drops the rest, to be found again when asked.
///
/// The index lives in an object that copies of the editor share (the app draws a copy of the
/// editor it keeps). Each edit gives the text a version number never used before; the index
/// serves only the version it was built or updated for, and is rebuilt for any other.
final class LineIndex: @unchecked Sendable {
    /// The lines of one paragraph found so far.
    struct Paragraph {
        /// UTF-8 offset of the "\n" ending the paragraph, or of the end of the text.
        var end: Int
        /// UTF-8 offsets of the starts of its visual lines, ascending; the first is the
        /// paragraph's start.
        var starts: [Int]
        /// Whether `starts` holds every line of the paragraph.
        var complete: Bool
    }

    /// One visual line: what drawing and cursor motion work with.
    struct Line: Equatable {
        var paragraphStart: Int
        var paragraphEnd: Int
        /// Which line of its paragraph.
        var index: Int
        var start: Int
        var end: Int
        var isLastOfParagraph: Bool
    }

    private let lock = NSLock()
    private var version: UInt64 = 0
    private var width = 0
    private var length = 0
    /// UTF-8 offsets of every "\n".
    private var newlines: [Int] = []
    /// Paragraphs wrapped at `width`, by their start.
    private var paragraphs: [Int: Paragraph] = [:]
    /// Lines a long paragraph is wrapped in at a time, when more of it is needed (tests make
    /// it small, to go through many steps in a small text).
    var linesPerStep = 2_048
    /// More paragraphs than this in `paragraphs` and the ones far from what is asked are forgotten.
    static let paragraphLimit = 512

    // MARK: Versions

    private static let counterLock = NSLock()
    nonisolated(unsafe) private static var counter: UInt64 = 0

    static func newVersion() -> UInt64 {
        counterLock.withLock {
            counter += 1
            return counter
        }
    }

    /// Runs `body` on the index of `text` (version `version`) at `width`, building it first
    /// when it serves another text or width.
    func with<T>(_ text: String, version: UInt64, width: Int, _ body: (LineIndex) -> T) -> T {
        lock.withLock {
            if self.version != version {
                rebuild(text, version: version)
            }
            if self.width != width {
                self.width = width
                paragraphs.removeAll(keepingCapacity: true)
            }
            return body(self)
        }
    }

    private func rebuild(_ text: String, version: UInt64) {
        self.version = version
        length = text.utf8.count
        newlines = Self.newlineOffsets(in: text)
        paragraphs.removeAll(keepingCapacity: true)
    }

    static func newlineOffsets(in text: String) -> [Int] {
        var offsets: [Int] = []
        let found: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard let base = bytes.baseAddress else { return }
            var position = 0
            while position < bytes.count,
                  let hit = memchr(base + position, 0x0A, bytes.count - position) {
                let offset = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
                offsets.append(offset)
                position = offset + 1
            }
        }
        if found == nil {
            for (offset, byte) in text.utf8.enumerated() where byte == 0x0A { offsets.append(offset) }
        }
        return offsets
    }

    // MARK: Edits

    /// The text of version `oldVersion` had text[lo..<hi] replaced by `replacement` and is now
    /// `text`, of version `newVersion`. An index of another version is left to be rebuilt.
    func edited(lo: Int, hi: Int, replacement: String, text: String, oldVersion: UInt64, newVersion: UInt64) {
        lock.withLock {
            guard version == oldVersion else { return }
            version = newVersion
            let delta = replacement.utf8.count - (hi - lo)
            length += delta
            // The "\n"s: those removed go, those after the edit move, those inserted come in.
            let first = Self.firstIndex(in: newlines, notBelow: lo)
            let afterRemoved = Self.firstIndex(in: newlines, notBelow: hi)
            var inserted: [Int] = []
            for (offset, byte) in replacement.utf8.enumerated() where byte == 0x0A { inserted.append(lo + offset) }
            newlines.replaceSubrange(first..<afterRemoved, with: inserted)
            for index in (first + inserted.count)..<newlines.count { newlines[index] += delta }

            var kept: [Int: Paragraph] = [:]
            for (start, paragraph) in paragraphs {
                if paragraph.end < lo {
                    kept[start] = paragraph
                } else if start > hi {
                    var moved = paragraph
                    moved.end += delta
                    for index in moved.starts.indices { moved.starts[index] += delta }
                    kept[start + delta] = moved
                } else if start <= lo {
                    // Lines ending before the edit keep their starts, but a line's break can
                    // depend on the first word of the line after it, so the line holding the
                    // edit and the two before it are found again.
                    let holding = Self.lastIndex(in: paragraph.starts, notAbove: lo)
                    let keep = max(0, holding - 2)
                    kept[start] = Paragraph(end: paragraphEnd(from: start), starts: Array(paragraph.starts[...keep]),
                                            complete: false)
                }
            }
            paragraphs = kept
        }
    }

    // MARK: Queries (call inside `with`)

    var textLength: Int { length }

    /// The paragraph holding a UTF-8 offset; the offset of a "\n" belongs to the paragraph it ends.
    func paragraph(containing offset: Int) -> (start: Int, end: Int) {
        let index = Self.firstIndex(in: newlines, notBelow: offset)
        let start = index == 0 ? 0 : newlines[index - 1] + 1
        return (start, index < newlines.count ? newlines[index] : length)
    }

    private func paragraphEnd(from start: Int) -> Int {
        let index = Self.firstIndex(in: newlines, notBelow: start)
        return index < newlines.count ? newlines[index] : length
    }

    /// The visual line that shows a position: at the end of a line that is not the last of its
    /// paragraph, the position is shown at the start of the next line.
    func line(containing position: Int, in text: String) -> Line {
        let (start, end) = paragraph(containing: position)
        var paragraph = lines(of: start, end: end)
        extend(&paragraph, from: start, in: text) { $0.starts.last! > position }
        store(paragraph, at: start)
        let index = Self.lastIndex(in: paragraph.starts, notAbove: position)
        return line(index, of: &paragraph, start: start, in: text)
    }

    /// The first line of the paragraph that starts at `start`.
    func firstLine(ofParagraphAt start: Int, in text: String) -> Line {
        var paragraph = lines(of: start, end: paragraphEnd(from: start))
        let line = line(0, of: &paragraph, start: start, in: text)
        store(paragraph, at: start)
        return line
    }

    /// The line after `line`, in the next paragraph if need be; nil at the end of the text.
    func line(after line: Line, in text: String) -> Line? {
        if line.isLastOfParagraph {
            guard line.paragraphEnd < length else { return nil }
            return firstLine(ofParagraphAt: line.paragraphEnd + 1, in: text)
        }
        var paragraph = lines(of: line.paragraphStart, end: line.paragraphEnd)
        let next = self.line(line.index + 1, of: &paragraph, start: line.paragraphStart, in: text)
        store(paragraph, at: line.paragraphStart)
        return next
    }

    /// The line before `line`, in the previous paragraph if need be; nil at the start of the text.
    func line(before line: Line, in text: String) -> Line? {
        if line.index > 0 {
            var paragraph = lines(of: line.paragraphStart, end: line.paragraphEnd)
            let previous = self.line(line.index - 1, of: &paragraph, start: line.paragraphStart, in: text)
            store(paragraph, at: line.paragraphStart)
            return previous
        }
        guard line.paragraphStart > 0 else { return nil }
        // paragraphStart - 1 is the "\n" that ends the previous paragraph: its last line holds it.
        return self.line(containing: line.paragraphStart - 1, in: text)
    }

    // MARK: Paragraph lines

    private func lines(of start: Int, end: Int) -> Paragraph {
        paragraphs[start] ?? Paragraph(end: end, starts: [start], complete: false)
    }

    private func store(_ paragraph: Paragraph, at start: Int) {
        if paragraphs[start] == nil && paragraphs.count >= Self.paragraphLimit {
            paragraphs.removeAll(keepingCapacity: true)
        }
        paragraphs[start] = paragraph
    }

    /// Line `index` of a paragraph, finding its start and end first if need be.
    private func line(_ index: Int, of paragraph: inout Paragraph, start: Int, in text: String) -> Line {
        extend(&paragraph, from: start, in: text) { $0.starts.count > index + 1 }
        let index = min(index, paragraph.starts.count - 1)
        let isLast = paragraph.complete && index == paragraph.starts.count - 1
        let end = isLast ? paragraph.end : paragraph.starts[index + 1]
        return Line(paragraphStart: start, paragraphEnd: paragraph.end, index: index,
                    start: paragraph.starts[index], end: end, isLastOfParagraph: isLast)
    }

    /// Wraps more of the paragraph, from its last known line start, until `enough` holds or
    /// every line is known.
    private func extend(_ paragraph: inout Paragraph, from start: Int, in text: String, until enough: (Paragraph) -> Bool) {
        while !paragraph.complete && !enough(paragraph) {
            let from = paragraph.starts[paragraph.starts.count - 1]
            let lines = TextEditor.wrap(text, from: from, to: paragraph.end, width: width, maxLines: linesPerStep)
            for line in lines.dropFirst() { paragraph.starts.append(line.start) }
            // A line the wrap broke ends before the paragraph does; the last line ends with it.
            let last = lines[lines.count - 1]
            if last.end < paragraph.end {
                paragraph.starts.append(last.end)
            } else {
                paragraph.complete = true
            }
        }
    }

    // MARK: Searching sorted offsets

    /// The first index whose value is >= `value` (count when none is).
    static func firstIndex(in sorted: [Int], notBelow value: Int) -> Int {
        var low = 0
        var high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The last index whose value is <= `value` (0 when none is; the first start is the
    /// paragraph's own, never after a position in it).
    static func lastIndex(in sorted: [Int], notAbove value: Int) -> Int {
        max(0, firstIndex(in: sorted, notBelow: value + 1) - 1)
    }
}

extension TextEditor {
    /// The line index and the version of the text it is for. Not part of equality: two editors
    /// with the same text, cursor and history are equal whether or not one has drawn.
    struct LayoutBox: Equatable, Sendable {
        let index = LineIndex()
        var version = LineIndex.newVersion()

        static func == (lhs: LayoutBox, rhs: LayoutBox) -> Bool { true }
    }

    /// Runs `body` with the line index of the text at `width` columns.
    func withLines<T>(width: Int, _ body: (LineIndex) -> T) -> T {
        layout.index.with(text, version: layout.version, width: max(1, width), body)
    }
}

extension LineIndex {
    /// The line `delta` lines below (above, when negative) `line`, or as far as the text goes,
    /// and how many lines that is.
    func line(from line: Line, moving delta: Int, in text: String) -> (line: Line, moved: Int) {
        var current = line
        var moved = 0
        while moved < abs(delta) {
            guard let next = delta > 0 ? self.line(after: current, in: text) : self.line(before: current, in: text) else { break }
            current = next
            moved += 1
        }
        return (current, moved)
    }
}
