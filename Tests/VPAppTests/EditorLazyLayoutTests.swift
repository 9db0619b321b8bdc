import Foundation
import PlanKit
import Testing
@testable import VPApp

/// The editor wraps only what it shows and what the cursor passes; these tests hold that lazy
/// layout against wrapping the whole text, after every edit.
@Suite("The editor's lazy layout")
struct EditorLazyLayoutTests {
    /// Pieces of random text: long words, few spaces, wide characters, emoji, accents, breaks.
    static let pieces = ["a", "b", "ö", "å", "ordet", "långaord", " ", " ", "漢", "👍🏽", "e\u{301}", "🇸🇪", "\n", ",", "x"]

    static func randomText(_ random: inout SplitMix64, pieces count: Int) -> String {
        (0..<count).map { _ in random.pick(pieces) }.joined()
    }

    /// The line a full wrap shows the cursor on, and the cursor's column there.
    static func fullLocation(_ editor: TextEditor, width: Int) -> (lines: [VisualLine], row: Int, column: Int) {
        let lines = editor.visualLines(width: width)
        let row = editor.row(of: editor.cursorUTF8, width: width)
        let line = lines[row]
        let before = editor.text.utf8[editor.text.utf8.index(editor.text.utf8.startIndex, offsetBy: line.utf8Range.lowerBound)..<editor.text.utf8.index(editor.text.utf8.startIndex, offsetBy: editor.cursorUTF8)]
        let column = String(Substring(before)).map(TextEditor.cellWidth).reduce(0, +)
        return (lines, row, column)
    }

    /// Up or down by one line as the full layout has it: to the line above or below, at the last
    /// position whose column is at most the goal (the end of a wrapped line excluded).
    static func expectedVerticalMove(_ editor: TextEditor, width: Int, down: Bool, goal: Int) -> Int {
        let (lines, row, _) = fullLocation(editor, width: width)
        let target = row + (down ? 1 : -1)
        guard lines.indices.contains(target) else { return down ? editor.text.utf8.count : 0 }
        let line = lines[target]
        var position = line.utf8Range.lowerBound
        var column = 0
        let text = editor.text
        for character in text[TextEditor.index(line.utf8Range.lowerBound, in: text)..<TextEditor.index(line.utf8Range.upperBound, in: text)] {
            let width = TextEditor.cellWidth(character)
            let next = position + character.utf8.count
            if column + width > goal { break }
            if next == line.utf8Range.upperBound && !line.endsParagraph { break }
            column += width
            position = next
        }
        return position
    }

    @Test("Random texts and edits: the lines found lazily, the drawn rows and up/down agree with a full wrap")
    func lazyMatchesFullWrap() {
        var random = SplitMix64(seed: 2026)
        for round in 0..<120 {
            let width = 1 + random.below(12)
            let height = 2 + random.below(5)
            var editor = TextEditor(text: Self.randomText(&random, pieces: random.below(120)))
            // Small steps, so that a paragraph is found in many pieces.
            editor.layout.index.linesPerStep = 1 + random.below(4)
            var screen = Screen(width: width, height: height)
            let rect = Rect(row: 0, column: 0, height: height, width: width)
            editor.setCursor(random.below(editor.text.count + 1))
            for step in 0..<40 {
                let key: KeyEvent
                switch random.below(10) {
                case 0, 1, 2: key = .character(Character(random.pick(Self.pieces.filter { $0.count == 1 })))
                case 3: key = .paste(Self.randomText(&random, pieces: 6))
                case 4: key = .backspace
                case 5: key = .delete
                case 6: key = random.pick([.up, .down])
                case 7: key = random.pick([.left, .right, .home, .end, .ctrlHome, .ctrlEnd])
                case 8: key = random.pick([.pageUp, .pageDown])
                default: key = .control(random.pick(["z", "y"]))
                }
                if case .up = key { checkVertical(&editor, width: width, height: height, down: false, round: round) }
                else if case .down = key { checkVertical(&editor, width: width, height: height, down: true, round: round) }
                else { _ = editor.handle(key, width: width, height: height) }
                editor.render(into: &screen, rect: rect, style: .plain)

                // Lines: found through the index (as left by the edits) against the full wrap.
                let lazy = editor.allLinesThroughIndex(width: width).map { $0.start..<$0.end }
                let full = editor.visualLines(width: width)
                #expect(lazy == full.map(\.utf8Range), "round \(round) step \(step) width \(width): \(editor.text.debugDescription)")
                // Rows on the screen: consecutive lines of the full wrap, the cursor among them.
                let (_, cursorRow, cursorColumn) = Self.fullLocation(editor, width: width)
                let top = editor.scrollRow ?? 0
                #expect((top...top + height - 1).contains(cursorRow), "round \(round) step \(step)")
                #expect(screen.cursor?.row == cursorRow - top, "round \(round) step \(step)")
                #expect(screen.cursor?.column == min(cursorColumn, width - 1), "round \(round) step \(step)")
                if lazy != full.map(\.utf8Range) { return }
            }
        }
    }

    private func checkVertical(_ editor: inout TextEditor, width: Int, height: Int, down: Bool, round: Int) {
        let goal = editor.preferredColumn ?? Self.fullLocation(editor, width: width).column
        let expected = Self.expectedVerticalMove(editor, width: width, down: down, goal: goal)
        _ = editor.handle(down ? .down : .up, width: width, height: height)
        #expect(editor.cursorUTF8 == expected, "round \(round): \(down ? "down" : "up") in \(editor.text.debugDescription)")
    }

    /// One paragraph of `count` one-column letters, no space: at width w every line holds w letters.
    static func noSpaceText(bytes: Int) -> (text: String, characters: Int) {
        let unit = "abcdefghijklmnopqrstuvwxyzåäö"
        let text = String(repeating: unit, count: bytes / unit.utf8.count + 1)
        return (text, text.unicodeScalars.count)
    }

    @Test("10 MB without a space or a line break: to the end, typing, up and down over wrapped rows land where the full layout has them")
    func tenMegabytesWithoutSpaces() {
        let (text, count) = Self.noSpaceText(bytes: 10_000_000)
        let width = 37
        let height = 10
        var editor = TextEditor(text: text)
        var screen = Screen(width: width, height: height)
        let rect = Rect(row: 0, column: 0, height: height, width: width)
        editor.render(into: &screen, rect: rect, style: .plain)
        #expect(screen.text(ofRow: 0) == String(text.prefix(width)))

        _ = editor.handle(.ctrlEnd, width: width, height: height)
        editor.render(into: &screen, rect: rect, style: .plain)
        // The last line holds what is left after whole lines of `width` letters.
        let lastLength = count % width == 0 ? width : count % width
        #expect(screen.text(ofRow: height - 1).trimmingCharacters(in: .whitespaces) == String(text.suffix(lastLength)))
        #expect(screen.cursor?.row == height - 1 && screen.cursor?.column == min(lastLength, width - 1))

        // Typing at the end: the text grows there, and the screen follows.
        for character in "ÅÄÖ" { _ = editor.handle(.character(character), width: width, height: height) }
        editor.render(into: &screen, rect: rect, style: .plain)
        let total = count + 3
        let newLast = total % width == 0 ? width : total % width
        #expect(editor.text.hasSuffix("ÅÄÖ"))
        #expect(screen.text(ofRow: height - 1).trimmingCharacters(in: .whitespaces) == String((text + "ÅÄÖ").suffix(newLast)))

        // Up three rows keeps the column; each row is `width` letters back.
        let endOffset = editor.cursorUTF8
        for _ in 0..<3 { _ = editor.handle(.up, width: width, height: height) }
        let lettersBack = newLast + (3 - 1) * width + (width - newLast)
        #expect(editor.text.utf8.count - editor.cursorUTF8 == Self.utf8Length(ofLast: lettersBack, in: editor.text))
        editor.render(into: &screen, rect: rect, style: .plain)
        #expect(screen.cursor?.column == newLast)
        // And back down to where it was.
        for _ in 0..<3 { _ = editor.handle(.down, width: width, height: height) }
        #expect(editor.cursorUTF8 == endOffset)

        // Typing at the start shifts every line; the first screen shows it.
        _ = editor.handle(.ctrlHome, width: width, height: height)
        _ = editor.handle(.character("Z"), width: width, height: height)
        editor.render(into: &screen, rect: rect, style: .plain)
        #expect(screen.text(ofRow: 0) == "Z" + String(text.prefix(width - 1)))
        #expect(screen.text(ofRow: 1) == String(text.dropFirst(width - 1).prefix(width)))
        // Down from the first line, then to the end: the layout found after the edit agrees.
        _ = editor.handle(.down, width: width, height: height)
        #expect(editor.cursorUTF8 == String(editor.text.unicodeScalars.prefix(width + 1)).utf8.count)
        _ = editor.handle(.ctrlEnd, width: width, height: height)
        editor.render(into: &screen, rect: rect, style: .plain)
        let finalCount = total + 1
        let finalLast = finalCount % width == 0 ? width : finalCount % width
        #expect(screen.cursor?.column == min(finalLast, width - 1))
        _ = editor.handle(.control("z"), width: width, height: height)
        _ = editor.handle(.control("z"), width: width, height: height)
        #expect(editor.text.utf8.count == text.utf8.count)
    }

    /// UTF-8 bytes of the last `characters` one-scalar Characters of a text.
    static func utf8Length(ofLast characters: Int, in text: String) -> Int {
        text.unicodeScalars.suffix(characters).reduce(0) { $0 + String($1).utf8.count }
    }
}
