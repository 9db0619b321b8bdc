import Testing
@testable import VPApp

/// The byte-wise wrap of Latin text breaks lines exactly where the Character-wise one does, and
/// gives way to it for any other text.
@Suite("Editor layout")
struct EditorLayoutTests {
    private func bothWraps(_ text: String, width: Int) -> (latin: [TextEditor.LineSpan]?, characters: [TextEditor.LineSpan]) {
        var text = text
        text.makeContiguousUTF8()
        let end = text.utf8.count
        let latin = text.utf8.withContiguousStorageIfAvailable { TextEditor.wrapLatin($0, from: 0, to: end, width: width) } ?? nil
        return (latin, TextEditor.wrapCharacters(text, from: 0, to: end, width: width))
    }

    @Test("Latin text: the same lines as the Character-wise wrap, at every width")
    func latinMatches() {
        var random = SystemRandomNumberGenerator()
        let pieces = ["a", "å", "Ä", "ö", "é", "ß", " ", " ", "  ", "ord", "långtord", "x", "ǅ", "\u{A0}"]
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...60, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            for width in 1...12 {
                let (latin, characters) = bothWraps(text, width: width)
                #expect(latin == characters, "\(text.debugDescription) at width \(width)")
            }
        }
    }

    @Test("Text that is not only Latin is left to the Character-wise wrap")
    func otherText() {
        for text in ["e\u{301}tt", "漢字", "a😀b", "Ω"] {
            #expect(bothWraps(text, width: 3).latin == nil, "\(text)")
        }
    }

    @Test("A large text is edited like a small one, and the layout a drawn copy built serves the editor it was copied from")
    func largeText() {
        let paragraph = String(repeating: "ord och åäö ", count: 10) + "\n"
        let original = String(repeating: paragraph, count: 1_000)
        #expect(original.utf8.count > 64 * 1024)
        var editor = TextEditor(text: original)
        let rect = Rect(row: 0, column: 0, height: 8, width: 30)
        var screen = Screen(width: 30, height: 8)
        // The app draws a copy of the editor it keeps.
        var drawn = editor
        drawn.render(into: &screen, rect: rect, style: .plain)
        #expect(editor.scrollAnchor == nil && drawn.scrollAnchor == 0)

        func press(_ keys: KeyEvent...) {
            for key in keys { _ = editor.handle(key, width: 30, height: 8) }
        }
        press(.ctrlEnd, .up, .up)
        for character in "Ny mening." { press(.character(character)) }
        press(.backspace)
        editor.render(into: &screen, rect: rect, style: .plain)
        #expect(editor.invariantViolations().isEmpty, "\(editor.invariantViolations())")
        #expect(editor.text.utf8.count == original.utf8.count + "Ny mening".utf8.count)
        // The copy drawn before the edits kept its own text, and no layout of the edited one.
        #expect(drawn.text == original)
        #expect(drawn.invariantViolations().isEmpty, "\(drawn.invariantViolations())")
        press(.control("z"), .control("z"))
        #expect(editor.text == original)
        #expect(editor.invariantViolations().isEmpty)
    }
}
