import Testing
@testable import VPApp

/// Helpers so the tests read as key presses. Width 20 and height 5 unless a test says otherwise.
private extension TextEditor {
    @discardableResult
    mutating func press(_ keys: KeyEvent..., width: Int = 20, height: Int = 5) -> EditorAction {
        var action = EditorAction.none
        for key in keys { action = handle(key, width: width, height: height) }
        return action
    }

    mutating func press(_ key: KeyEvent, times: Int, width: Int = 20, height: Int = 5) {
        for _ in 0..<times { _ = handle(key, width: width, height: height) }
    }

    mutating func type(_ string: String, width: Int = 20) {
        for character in string { _ = handle(.character(character), width: width, height: 5) }
    }

    func lineTexts(width: Int) -> [String] {
        visualLines(width: width).map { String(text(of: $0)) }
    }
}

/// The sample sentence used by the wrap tests; at 20 columns it wraps as
/// "Det här är en text " / "som ska brytas vid " / "ordgränser.".
private let sentence = "Det här är en text som ska brytas vid ordgränser."

@Suite("Text editor")
struct EditorTests {
    // MARK: Typing

    @Test func typingSwedishAndWideCharactersInsertsWholeCharacters() {
        var editor = TextEditor(text: "")
        let typed = "Årsplan: åäö ÅÄÖ 漢字 👍🏽 👨‍👩‍👧 🇸🇪"
        editor.type(typed, width: 80)
        #expect(editor.text == typed)
        #expect(editor.cursor == typed.count)
        #expect(editor.cursor == 25)
        // Wide characters and emoji take two columns each.
        #expect(editor.cursorPosition(width: 80) == (row: 0, column: DisplayWidth.of(typed)))
        #expect(editor.cursorPosition(width: 80).column == 29)
        #expect(editor.isModified)

        // Inserting in the middle goes before the Character under the cursor.
        var middle = TextEditor(text: "ab")
        middle.press(.right)
        middle.type("ö")
        #expect(middle.text == "aöb")
        #expect(middle.cursor == 2)
    }

    @Test func enterAndTabInsertNewlineAndTwoSpaces() {
        var editor = TextEditor(text: "")
        editor.type("a")
        editor.press(.enter, .tab)
        editor.type("b")
        #expect(editor.text == "a\n  b")
        #expect(editor.cursor == 5)
        #expect(editor.cursorPosition(width: 20) == (row: 1, column: 3))
    }

    @Test func combiningAccentAndFlagMergeIntoOneCharacter() {
        var editor = TextEditor(text: "")
        editor.type("e")
        editor.press(.left, .right)  // a separate undo step for the accent
        editor.type("\u{301}")
        #expect(editor.text == "e\u{301}")
        #expect(editor.text.count == 1)
        #expect(editor.cursor == 1)
        editor.press(.control("z"))
        #expect(editor.text.unicodeScalars.elementsEqual("e".unicodeScalars))
        #expect(editor.cursor == 1)

        var flag = TextEditor(text: "")
        flag.type("🇸🇪")  // two regional indicators typed one at a time
        flag.type("\u{1F1F8}")
        flag.type("\u{1F1EA}")
        #expect(flag.text.count == 2)
        #expect(flag.cursor == 2)
    }

    @Test func controlCharactersTypedAsKeysAreIgnored() {
        var editor = TextEditor(text: "x")
        editor.press(.character("\u{07}"), .character("\u{1B}"), .character("\u{85}"))
        #expect(editor.text == "x")
        #expect(!editor.canUndo)
    }

    // MARK: Deleting

    @Test func backspaceAndDeleteAtTheEdges() {
        var editor = TextEditor(text: "åäö")
        editor.press(.backspace)
        #expect(editor.text == "åäö")
        #expect(editor.cursor == 0)
        #expect(!editor.canUndo)

        editor.press(.delete)
        #expect(editor.text == "äö")
        #expect(editor.cursor == 0)

        editor.press(.end, .delete)
        #expect(editor.text == "äö")
        #expect(editor.cursor == 2)

        editor.press(.backspace)
        #expect(editor.text == "ä")
        #expect(editor.cursor == 1)

        editor.press(.backspace, .backspace)
        #expect(editor.text == "")
        #expect(editor.cursor == 0)
    }

    @Test func backspaceAndDeleteJoinParagraphs() {
        var joinBack = TextEditor(text: "ab\ncd")
        joinBack.press(.down, .home)
        #expect(joinBack.cursor == 3)
        joinBack.press(.backspace)
        #expect(joinBack.text == "abcd")
        #expect(joinBack.cursor == 2)

        var joinForward = TextEditor(text: "ab\ncd")
        joinForward.press(.end, .delete)
        #expect(joinForward.text == "abcd")
        #expect(joinForward.cursor == 2)

        // A wide character goes in one backspace.
        var wide = TextEditor(text: "a漢👍🏽")
        wide.press(.end, .backspace)
        #expect(wide.text == "a漢")
        wide.press(.backspace)
        #expect(wide.text == "a")
    }

    // MARK: Words

    @Test func wordMotionsStopAtWordEndsAndStarts() {
        // Offsets: "Hej"0-3 " " "på"4-6 " " "dig"7-10 "," " " "världen"12-19 "!"
        var editor = TextEditor(text: "Hej på dig, världen!")
        var stops: [Int] = []
        for _ in 0..<5 {
            editor.press(.ctrlRight)
            stops.append(editor.cursor)
        }
        #expect(stops == [3, 6, 10, 19, 20])

        stops = []
        for key in [KeyEvent.ctrlLeft, .alt("b"), .alt("b"), .ctrlLeft, .ctrlLeft] {
            editor.press(key)
            stops.append(editor.cursor)
        }
        #expect(stops == [12, 7, 4, 0, 0])

        editor.press(.alt("f"))
        #expect(editor.cursor == 3)

        // Words continue across paragraphs.
        var lines = TextEditor(text: "ett\ntvå")
        lines.press(.ctrlRight, .ctrlRight)
        #expect(lines.cursor == 7)
        lines.press(.ctrlLeft)
        #expect(lines.cursor == 4)
    }

    @Test func deleteWordBeforeAndAfterTheCursor() {
        var editor = TextEditor(text: "Hej på dig, världen!")
        editor.press(.ctrlRight, .ctrlRight, .ctrlRight)
        #expect(editor.cursor == 10)

        editor.press(.control("w"))
        #expect(editor.text == "Hej på , världen!")
        #expect(editor.cursor == 7)

        editor.press(.alt("d"))
        #expect(editor.text == "Hej på !")
        #expect(editor.cursor == 7)

        editor.press(.alt("\u{7F}"))  // Alt-Backspace
        #expect(editor.text == "Hej !")
        #expect(editor.cursor == 4)

        // Each word deletion is its own undo step, and undo puts the cursor back.
        editor.press(.control("z"))
        #expect(editor.text == "Hej på !")
        #expect(editor.cursor == 7)
        editor.press(.control("z"), .control("z"))
        #expect(editor.text == "Hej på dig, världen!")
        #expect(editor.cursor == 10)

        // Nothing to delete at the edges.
        var empty = TextEditor(text: "abc")
        empty.press(.control("w"))
        #expect(!empty.canUndo)
        empty.press(.end, .alt("d"))
        #expect(!empty.canUndo)
    }

    // MARK: Wrapping

    @Test func wrapsAtWordBoundariesAtTwentyColumns() {
        let editor = TextEditor(text: sentence)
        #expect(editor.lineTexts(width: 20) == ["Det här är en text ", "som ska brytas vid ", "ordgränser."])
        let lines = editor.visualLines(width: 20)
        #expect(lines.map(\.range) == [0..<19, 19..<38, 38..<49])
        #expect(lines.map(\.columns) == [19, 19, 11])
        #expect(lines.map(\.endsParagraph) == [false, false, true])
        #expect(lines.allSatisfy { $0.columns <= 20 })
    }

    @Test func wrapsParagraphsSeparatelyAndBreaksLongWords() {
        let editor = TextEditor(text: "abcdefghijklmnopqrstuvwxyz\n\nkort rad")
        #expect(editor.lineTexts(width: 10) == ["abcdefghij", "klmnopqrst", "uvwxyz", "", "kort rad"])
        #expect(editor.visualLines(width: 10).map(\.range) == [0..<10, 10..<20, 20..<26, 27..<27, 28..<36])

        // A word that fills the line exactly: the following space hangs at its end, and the
        // next line starts with the next word.
        let exact = TextEditor(text: "0123456789abcdefghij ok")
        #expect(exact.lineTexts(width: 20) == ["0123456789abcdefghij ", "ok"])
        #expect(exact.visualLines(width: 20).map(\.columns) == [20, 2])
    }

    @Test func lineEndingExactlyAtTheWidthAddsNoEmptyLine() {
        var editor = TextEditor(text: "0123456789abcdefghij")
        #expect(editor.visualLines(width: 20).count == 1)
        editor.press(.end)
        #expect(editor.cursorPosition(width: 20) == (row: 0, column: 20))

        // ...except where the text really has an empty line.
        editor.press(.enter)
        #expect(editor.lineTexts(width: 20) == ["0123456789abcdefghij", ""])
        #expect(editor.cursorPosition(width: 20) == (row: 1, column: 0))

        // Typing one more Character on a full line moves to the next row.
        var full = TextEditor(text: "0123456789abcdefghij")
        full.press(.end)
        full.type("k")
        #expect(full.lineTexts(width: 20) == ["0123456789abcdefghij", "k"])
        #expect(full.cursorPosition(width: 20) == (row: 1, column: 1))
    }

    @Test func wideCharactersAtTheWrapEdgeAreNotSplit() {
        // 19 columns used: a two-column character no longer fits and moves down whole.
        let edge = TextEditor(text: String(repeating: "a", count: 19) + "漢字")
        #expect(edge.lineTexts(width: 20) == [String(repeating: "a", count: 19), "漢字"])
        #expect(edge.visualLines(width: 20).map(\.columns) == [19, 4])

        // Ten wide characters fill 20 columns exactly; the eleventh starts a new line.
        #expect(TextEditor(text: String(repeating: "漢", count: 10)).visualLines(width: 20).count == 1)
        let eleven = TextEditor(text: String(repeating: "漢", count: 11))
        #expect(eleven.visualLines(width: 20).map(\.range) == [0..<10, 10..<11])

        // Wide characters with spaces wrap at the spaces.
        let words = TextEditor(text: "漢字漢字 漢字漢字 漢字漢字")
        #expect(words.lineTexts(width: 20) == ["漢字漢字 漢字漢字 ", "漢字漢字"])
    }

    // MARK: Vertical motion

    @Test func upAndDownOverWrappedLinesKeepTheColumn() {
        var editor = TextEditor(text: sentence)
        editor.press(.right, times: 16)
        #expect(editor.cursorPosition(width: 20) == (row: 0, column: 16))

        editor.press(.down)
        #expect(editor.cursor == 35)
        #expect(editor.cursorPosition(width: 20) == (row: 1, column: 16))

        // The last line is shorter: the cursor stops at its end...
        editor.press(.down)
        #expect(editor.cursor == 49)
        #expect(editor.cursorPosition(width: 20) == (row: 2, column: 11))

        // ...but going back up returns to column 16.
        editor.press(.up)
        #expect(editor.cursor == 35)
        editor.press(.up)
        #expect(editor.cursor == 16)

        // Up on the first line goes to the start of the text, down on the last to its end.
        editor.press(.up)
        #expect(editor.cursor == 0)
        editor.press(.down, .down, .down)
        #expect(editor.cursor == 49)
    }

    @Test func verticalMotionThroughWideCharactersStaysOnTheLeftCell() {
        var editor = TextEditor(text: "abcdef\n漢字漢字\nxyz")
        editor.press(.right, times: 3)
        editor.press(.down)
        // Column 3 is the right half of 字; the cursor stops before it, after 漢 (column 2).
        #expect(editor.cursor == 8)
        #expect(editor.cursorPosition(width: 20) == (row: 1, column: 2))
        editor.press(.down)
        #expect(editor.cursorPosition(width: 20) == (row: 2, column: 3))
        editor.press(.up, .up)
        #expect(editor.cursor == 3)
    }

    @Test func wrappedLinesEndBeforeTheirLastCharacterWithHomeAndEnd() {
        var editor = TextEditor(text: sentence)
        editor.press(.down, .right, .right)
        #expect(editor.cursor == 21)
        editor.press(.home)
        #expect(editor.cursor == 19)
        editor.press(.end)
        // Before the space the line was broken after; the line's end itself shows on the next row.
        #expect(editor.cursor == 37)
        #expect(editor.cursorPosition(width: 20) == (row: 1, column: 18))
        editor.press(.down, .end)
        #expect(editor.cursor == 49)
    }

    @Test func pageUpAndPageDownMoveByHeightMinusOneLines() {
        let text = (1...30).map { "rad \($0)" }.joined(separator: "\n")
        var editor = TextEditor(text: text)
        editor.press(.right, .right)

        editor.press(.pageDown, height: 5)
        #expect(editor.cursorPosition(width: 20) == (row: 4, column: 2))
        editor.press(.pageDown, height: 5)
        #expect(editor.cursorPosition(width: 20) == (row: 8, column: 2))
        editor.press(.pageUp, height: 5)
        #expect(editor.cursorPosition(width: 20) == (row: 4, column: 2))

        // Partial pages stop at the first and last lines; a further page goes to the text's edge.
        editor.press(.pageUp, height: 5)
        #expect(editor.cursorPosition(width: 20) == (row: 0, column: 2))
        editor.press(.pageUp, height: 5)
        #expect(editor.cursor == 0)
        for _ in 0..<8 { editor.press(.pageDown, height: 5) }
        #expect(editor.cursorPosition(width: 20).row == 29)

        // Paging counts visual lines, not paragraphs.
        var wrapped = TextEditor(text: sentence + "\n" + sentence)
        wrapped.press(.pageDown, height: 4)
        #expect(wrapped.cursorPosition(width: 20) == (row: 3, column: 0))
        #expect(wrapped.cursor == 50)
    }

    // MARK: Paste

    @Test func pasteSanitizesLineEndingsTabsAndControlCharacters() {
        var editor = TextEditor(text: "")
        editor.press(.paste("a\r\nb\rc\td\u{0}e\u{7F}f\u{85}g\u{FFFD}h\u{1B}[31m\u{9B}i"))
        #expect(editor.text == "a\nb\nc  defg\u{FFFD}h[31mi")
        #expect(editor.cursor == editor.text.count)
        #expect(editor.lineTexts(width: 20) == ["a", "b", "c  defg\u{FFFD}h[31mi"])

        // A paste of only control characters changes nothing.
        var nothing = TextEditor(text: "x")
        nothing.press(.paste("\u{1}\u{2}\u{7F}"))
        #expect(nothing.text == "x")
        #expect(!nothing.canUndo)

        // Text handed to the editor is sanitized the same way, and that is the unmodified state.
        let loaded = TextEditor(text: "rad 1\r\nrad\t2")
        #expect(loaded.text == "rad 1\nrad  2")
        #expect(!loaded.isModified)
    }

    // MARK: Undo and redo

    @Test func typingRunsCoalesceAndUndoRestoresTextAndCursor() {
        var editor = TextEditor(text: "Start")
        editor.press(.end)
        editor.type(" och mål")
        #expect(editor.text == "Start och mål")

        editor.press(.control("z"))
        #expect(editor.text == "Start")
        #expect(editor.cursor == 5)
        #expect(!editor.canUndo)
        #expect(editor.canRedo)

        editor.press(.control("y"))
        #expect(editor.text == "Start och mål")
        #expect(editor.cursor == 13)
        #expect(!editor.canRedo)

        // Moving the cursor ends the run.
        editor.press(.home)
        editor.type("Ny ")
        editor.press(.control("z"))
        #expect(editor.text == "Start och mål")
        #expect(editor.cursor == 0)
    }

    @Test func pasteIsOneUndoStepAndUndoAllReturnsToTheStart() {
        var editor = TextEditor(text: "Mål")
        editor.press(.end)
        editor.type("ab")
        editor.press(.enter)
        editor.type("cd")
        editor.press(.backspace, .backspace)
        editor.press(.paste("klistrat\r\ninnehåll"))
        let final = editor.text
        #expect(final == "Målab\nklistrat\ninnehåll")

        // Paste, the backspace run, "cd", Enter, "ab": five steps.
        editor.press(.control("z"))
        #expect(editor.text == "Målab\n")
        #expect(editor.cursor == 6)
        editor.press(.control("z"))
        #expect(editor.text == "Målab\ncd")
        editor.press(.control("z"))
        #expect(editor.text == "Målab\n")
        editor.press(.control("z"))
        #expect(editor.text == "Målab")
        editor.press(.control("z"))
        #expect(editor.text == "Mål")
        #expect(editor.cursor == 3)
        #expect(!editor.canUndo)
        #expect(!editor.isModified)

        editor.press(.control("z"))  // nothing left: no change
        #expect(editor.text == "Mål")

        for _ in 0..<5 { editor.press(.control("y")) }
        #expect(editor.text == final)
        #expect(editor.cursor == final.count)

        // A new edit after undo drops the redo history.
        editor.press(.control("z"))
        editor.type("x")
        #expect(!editor.canRedo)
    }

    @Test func isModifiedComparesWithTheInitialText() {
        var editor = TextEditor(text: "abc")
        #expect(!editor.isModified)
        editor.type("x")
        #expect(editor.isModified)
        editor.press(.backspace)
        #expect(!editor.isModified)
        #expect(editor.canUndo)
    }

    @Test func controlHomeAndEndGoToTheStartAndEndOfTheText() {
        var editor = TextEditor(text: "första raden\nandra raden som är lång nog att brytas\nsista")
        editor.press(.down, .right, .right)
        editor.press(.ctrlEnd)
        #expect(editor.cursor == editor.text.count)
        editor.press(.ctrlHome)
        #expect(editor.cursor == 0)
        editor.type("Å")
        #expect(editor.text.hasPrefix("Åförsta"))
    }

    @Test func onlyTheAltChordsTheEditorUsesAreBound() {
        #expect(TextEditor.binds(.alt("b")) && TextEditor.binds(.alt("f")) && TextEditor.binds(.alt("d")))
        #expect(TextEditor.binds(.alt("\u{7F}")))
        #expect(!TextEditor.binds(.alt("n")) && !TextEditor.binds(.alt("q")) && !TextEditor.binds(.character("b")))
        // What `binds` claims, `handle` does: an unbound chord changes nothing.
        var editor = TextEditor(text: "ett två")
        editor.press(.ctrlEnd)
        editor.press(.alt("n"), .alt("q"))
        #expect(editor.text == "ett två" && editor.cursor == 7)
        editor.press(.alt("b"))
        #expect(editor.cursor == 4)
    }

    @Test func replaceTextIsOneUndoStep() {
        var editor = TextEditor(text: "gammal text")
        editor.press(.right, times: 4)
        editor.replaceText(with: "ny text\r\nfrån editorn")
        #expect(editor.text == "ny text\nfrån editorn")
        // At the end, where the next typing goes on.
        #expect(editor.cursor == editor.text.count)
        editor.press(.control("z"))
        #expect(editor.text == "gammal text")
        #expect(editor.cursor == 4)
    }

    @Test func actionKeysLeaveTheEditorAndOthersKeepEditing() {
        var editor = TextEditor(text: "x")
        #expect(editor.press(.escape) == .save)
        #expect(editor.press(.control("s")) == .save)
        #expect(editor.press(.control("e")) == .openExternalEditor)
        #expect(editor.press(.resize(width: 10, height: 3)) == EditorAction.none)
        #expect(editor.press(.function(5), .backTab) == EditorAction.none)
        #expect(editor.text == "x")
    }

    // MARK: Rendering

    @Test func renderDrawsWrappedLinesAndSetsTheCursor() {
        var editor = TextEditor(text: sentence)
        editor.press(.down, .right)  // offset 20, after the "s" of "som"
        var screen = Screen(width: 30, height: 6)
        editor.render(into: &screen, rect: Rect(row: 1, column: 2, height: 4, width: 20), style: .plain)

        #expect(screen.text == "\n  Det här är en text\n  som ska brytas vid\n  ordgränser.\n\n")
        #expect(screen.cursor?.row == 2)
        #expect(screen.cursor?.column == 3)
        #expect(editor.scrollRow == 0)
    }

    @Test func renderPutsWideCharactersInTwoCells() {
        var editor = TextEditor(text: "漢字 ok")
        editor.press(.end)
        var screen = Screen(width: 20, height: 2)
        editor.render(into: &screen, rect: Rect(row: 0, column: 0, height: 2, width: 20), style: .plain)
        #expect(screen[0, 0].character == "漢")
        #expect(screen[0, 1].isContinuation)
        #expect(screen[0, 2].character == "字")
        #expect(screen[0, 5].character == "o")
        #expect(screen.cursor?.row == 0)
        #expect(screen.cursor?.column == 7)
    }

    @Test func renderShowsTheCursorOfAFullLineOnTheLastCell() {
        var editor = TextEditor(text: "0123456789abcdefghij")
        editor.press(.end)
        var screen = Screen(width: 20, height: 3)
        editor.render(into: &screen, rect: Rect(row: 0, column: 0, height: 3, width: 20), style: .plain)
        #expect(screen.cursor?.row == 0)
        #expect(screen.cursor?.column == 19)
    }

    @Test("With a free column right of the text, the cursor after a full line is drawn there, after its last character")
    func renderShowsTheCursorOfAFullLineInTheMargin() {
        var editor = TextEditor(text: "0123456789abcdefghij")
        editor.press(.end)
        var screen = Screen(width: 22, height: 3)
        editor.render(into: &screen, rect: Rect(row: 0, column: 1, height: 3, width: 20), style: .plain, marginRight: true)
        #expect(screen.cursor?.row == 0)
        #expect(screen.cursor?.column == 21)
        #expect(screen[0, 20].character == "j")
    }

    @Test("Before a space hanging past the edge, the cursor is in the margin too; the screen's own edge still holds it")
    func renderShowsTheCursorBeforeAHangingSpaceInTheMargin() {
        var editor = TextEditor(text: "0123456789abcdefghij klm")
        editor.press(.home)
        for _ in 0..<20 { editor.press(.right) }
        var screen = Screen(width: 22, height: 3)
        editor.render(into: &screen, rect: Rect(row: 0, column: 1, height: 3, width: 20), style: .plain, marginRight: true)
        #expect(screen.cursor?.row == 0)
        #expect(screen.cursor?.column == 21)
        // No column right of the area: on the last cell, as without a margin.
        var narrow = Screen(width: 21, height: 3)
        editor.render(into: &narrow, rect: Rect(row: 0, column: 1, height: 3, width: 20), style: .plain, marginRight: true)
        #expect(narrow.cursor?.column == 20)
    }

    @Test func scrollingKeepsTheCursorVisibleAndMovesMinimally() {
        let text = (1...30).map { "rad \($0)" }.joined(separator: "\n")
        var editor = TextEditor(text: text)
        let rect = Rect(row: 2, column: 0, height: 5, width: 20)
        var screen = Screen(width: 20, height: 8)

        func draw() {
            screen = Screen(width: 20, height: 8)
            editor.render(into: &screen, rect: rect, style: .plain)
        }
        func cursorRowText() -> String {
            guard let cursor = screen.cursor else { return "" }
            return screen.text(ofRow: cursor.row).trimmingTrailingSpaces()
        }

        for _ in 0..<10 {
            editor.press(.down, height: rect.height)
            draw()
            let cursor = screen.cursor
            #expect(cursor != nil)
            if let cursor {
                #expect((rect.row..<rect.row + rect.height).contains(cursor.row))
            }
        }
        // Cursor on row 10 of the text; the view scrolled just enough to show it at the bottom.
        #expect(editor.scrollRow == 6)
        #expect(screen.cursor?.row == rect.row + 4)
        #expect(cursorRowText() == "rad 11")
        #expect(screen.text(ofRow: rect.row).trimmingTrailingSpaces() == "rad 7")

        // Moving up inside the view does not scroll.
        editor.press(.up, .up, .up)
        draw()
        #expect(editor.scrollRow == 6)
        #expect(cursorRowText() == "rad 8")

        // Above the view: scroll up to the cursor's row.
        editor.press(.up, .up, .up)
        draw()
        #expect(editor.scrollRow == 4)
        #expect(screen.cursor?.row == rect.row)
        #expect(cursorRowText() == "rad 5")

        // A page key scrolls the view with the cursor.
        editor.press(.pageDown, height: rect.height)
        draw()
        #expect(editor.scrollRow == 8)
        #expect(cursorRowText() == "rad 9")

        // Deleting most of the text pulls the view back so no rows are left empty.
        editor.replaceText(with: "kort\ntext")
        draw()
        #expect(editor.scrollRow == 0)
        #expect(screen.text(ofRow: rect.row).trimmingTrailingSpaces() == "kort")
    }

    @Test func scrollingFollowsTheCursorThroughWrappedLines() {
        var editor = TextEditor(text: String(repeating: sentence + " ", count: 10))
        let rect = Rect(row: 0, column: 0, height: 3, width: 20)
        var screen = Screen(width: 20, height: 3)
        for step in 0..<25 {
            editor.press(.down, height: 3)
            editor.render(into: &screen, rect: rect, style: .plain)
            let row = editor.cursorPosition(width: 20).row
            #expect(row == min(step + 1, editor.visualLines(width: 20).count - 1))
            #expect(screen.cursor.map { (0..<3).contains($0.row) } == true)
            if let scrollRow = editor.scrollRow { #expect((scrollRow...scrollRow + 2).contains(row)) }
        }
    }
}

private extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
