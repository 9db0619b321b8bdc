import Testing
@testable import VPApp

/// A wrapped line never starts with the space it was broken at: a space that would overflow
/// takes the word before it down with it, or (one word filling the line) hangs at the line's
/// end. The cursor still has a place for every position, and typing at the break edits the text
/// where the cursor shows.
@Suite("The editor's wrap at a space")
struct EditorWrapSpaceTests {
    static func lines(_ editor: TextEditor, width: Int) -> [String] {
        editor.visualLines(width: width).map { String(editor.text(of: $0)) }
    }

    static func keys(_ editor: inout TextEditor, _ keys: KeyEvent..., width: Int) {
        for key in keys { _ = editor.handle(key, width: width, height: 5) }
    }

    @Test("No line that continues a paragraph starts with a space, at any width, for text with single spaces")
    func noContinuationStartsWithASpace() {
        let texts = [
            "Det här är en text som ska brytas vid ordgränser.",
            "aaaa bbbbb ccc dd eeeeee f gggggggggg hh",
            "Verksamheten har under året genomfört samtliga planerade aktiviteter och följt upp dem.",
            "åäö ÅÄÖ éü smörgåsbord räksmörgås ölkällare",
        ]
        for text in texts {
            for width in 2...40 {
                let editor = TextEditor(text: text)
                let lines = editor.visualLines(width: width)
                for line in lines.dropFirst() {
                    #expect(editor.text(of: line).first != " ", "width \(width): \(Self.lines(editor, width: width))")
                }
                // Nothing is lost or doubled: the lines are the text, in order.
                #expect(Self.lines(editor, width: width).joined() == text)
                #expect(editor.invariantViolations().isEmpty)
            }
        }
    }

    @Test("A space that would overflow takes its word down; one after a word filling the line hangs at its end")
    func whereTheLineBreaks() {
        // "aaaa bbbbb" fills 10 columns; the space after it would be the 11th.
        #expect(Self.lines(TextEditor(text: "aaaa bbbbb ccc"), width: 10) == ["aaaa ", "bbbbb ccc"])
        #expect(Self.lines(TextEditor(text: "0123456789abcdefghij ok"), width: 20) == ["0123456789abcdefghij ", "ok"])
        // Two spaces after a full line: the second hangs, the next line starts with the word.
        #expect(Self.lines(TextEditor(text: "aaaaaaaaa  bbb"), width: 10) == ["aaaaaaaaa  ", "bbb"])
    }

    @Test("Right, Left, Up and Down across the break, and Home and End on the line before it")
    func cursorAcrossTheBreak() {
        var editor = TextEditor(text: "aaaa bbbbb ccc")
        Self.keys(&editor, .end, width: 10)
        // End of a wrapped line: before the space it was broken after.
        #expect(editor.cursor == 4 && editor.cursorPosition(width: 10) == (row: 0, column: 4))
        Self.keys(&editor, .right, width: 10)
        #expect(editor.cursor == 5 && editor.cursorPosition(width: 10) == (row: 1, column: 0))
        Self.keys(&editor, .right, width: 10)
        #expect(editor.cursor == 6 && editor.cursorPosition(width: 10) == (row: 1, column: 1))
        Self.keys(&editor, .left, .left, width: 10)
        #expect(editor.cursor == 4 && editor.cursorPosition(width: 10) == (row: 0, column: 4))
        Self.keys(&editor, .down, width: 10)
        #expect(editor.cursor == 9 && editor.cursorPosition(width: 10) == (row: 1, column: 4))
        Self.keys(&editor, .up, width: 10)
        #expect(editor.cursor == 4)
        Self.keys(&editor, .right, .home, width: 10)
        #expect(editor.cursor == 5 && editor.cursorPosition(width: 10) == (row: 1, column: 0))
        Self.keys(&editor, .up, width: 10)
        #expect(editor.cursor == 0 && editor.cursorPosition(width: 10) == (row: 0, column: 0))
    }

    @Test("Typing and deleting at the break change the text where the cursor shows")
    func typingAtTheBreak() {
        // At the start of the line after the break: before the word taken down.
        var editor = TextEditor(text: "aaaa bbbbb ccc")
        editor.setCursor(5)
        Self.keys(&editor, .character("x"), width: 10)
        #expect(editor.text == "aaaa xbbbbb ccc")
        #expect(Self.lines(editor, width: 10) == ["aaaa ", "xbbbbb ccc"])
        #expect(editor.cursorPosition(width: 10) == (row: 1, column: 1))

        // Before the space the line was broken at: typed onto the end of the line above.
        editor = TextEditor(text: "aaaa bbbbb ccc")
        Self.keys(&editor, .end, .character("y"), width: 10)
        #expect(editor.text == "aaaay bbbbb ccc")
        #expect(Self.lines(editor, width: 10) == ["aaaay ", "bbbbb ccc"])
        #expect(editor.cursorPosition(width: 10) == (row: 0, column: 5))

        // Backspace at the start of the next line removes the space, not a letter.
        editor = TextEditor(text: "aaaa bbbbb ccc")
        editor.setCursor(5)
        Self.keys(&editor, .backspace, width: 10)
        #expect(editor.text == "aaaabbbbb ccc")
        #expect(Self.lines(editor, width: 10) == ["aaaabbbbb ", "ccc"])
        #expect(editor.cursor == 4 && editor.cursorPosition(width: 10) == (row: 0, column: 4))
        #expect(editor.invariantViolations().isEmpty)
    }

    @Test("A space hanging after a word that fills the line: the cursor goes past it to the next line, and typing goes there")
    func hangingSpace() {
        var editor = TextEditor(text: "0123456789abcdefghij ok")
        Self.keys(&editor, .end, width: 20)
        #expect(editor.cursor == 20 && editor.cursorPosition(width: 20) == (row: 0, column: 20))
        Self.keys(&editor, .right, width: 20)
        #expect(editor.cursor == 21 && editor.cursorPosition(width: 20) == (row: 1, column: 0))
        Self.keys(&editor, .character("x"), width: 20)
        #expect(Self.lines(editor, width: 20) == ["0123456789abcdefghij ", "xok"])
        #expect(editor.cursorPosition(width: 20) == (row: 1, column: 1))

        // A space typed at the end of a full last line: the cursor waits on the next row.
        var full = TextEditor(text: "0123456789abcdefghij")
        Self.keys(&full, .end, .character(" "), width: 20)
        #expect(Self.lines(full, width: 20) == ["0123456789abcdefghij ", ""])
        #expect(full.cursorPosition(width: 20) == (row: 1, column: 0))
        Self.keys(&full, .character("k"), width: 20)
        #expect(Self.lines(full, width: 20) == ["0123456789abcdefghij ", "k"])
        #expect(full.cursorPosition(width: 20) == (row: 1, column: 1))
        #expect(full.invariantViolations().isEmpty)
    }
}
