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
}
