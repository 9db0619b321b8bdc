import Testing
import PlanKit
@testable import VPApp

/// The fast paths for Latin text must draw exactly what the character-by-character way draws.
@Suite("Cells and the drawing of text")
struct ScreenTests {
    /// Letters, Swedish letters, controls, a soft hyphen, combining marks, wide characters and
    /// emoji: random texts mix them, so that both the Latin fast paths and the general way run.
    static let alphabet: [String] = ["a", "Z", " ", "å", "Ä", "ö", "é", "ü", "\u{00AD}", "\t", "\n", "\u{7F}", "\u{85}",
                                     "\u{0301}", "e\u{0301}", "漢", "🔒", "⚠️", "👍🏽", "–", "…", "\r\n", "ÿ", "ʼ"]

    static func randomText(_ random: inout SplitMix64, latinOnly: Bool) -> String {
        let letters = latinOnly ? alphabet.filter { $0.unicodeScalars.allSatisfy { $0.value < 0x300 } } : alphabet
        return (0..<Int.random(in: 0...40, using: &random)).map { _ in letters.randomElement(using: &random)! }.joined()
    }

    /// The width one character at a time: the definition the fast path must agree with.
    static func referenceWidth(_ text: String) -> Int {
        text.reduce(0) { $0 + DisplayWidth.of($1) }
    }

    /// `Screen.put` as it is defined: character by character, wide ones taking two cells.
    static func referencePut(_ text: String, into screen: inout Screen, row: Int, column: Int, style: Style, maxWidth: Int?) -> Int {
        let limit = min(screen.width, column + (maxWidth ?? screen.width))
        var x = column
        for character in text {
            let cellWidth = DisplayWidth.of(character)
            if cellWidth == 0 { continue }
            if x + cellWidth > limit { break }
            if x >= 0 {
                screen[row, x] = Cell(character, style: style)
                if cellWidth == 2 { screen[row, x + 1] = Cell(" ", style: style, isContinuation: true) }
            }
            x += cellWidth
        }
        return max(0, x - column)
    }

    @Test("The width of a Latin text counted from its bytes is the width counted by characters")
    func latinWidthAgrees() {
        var random = SplitMix64(seed: 11)
        for _ in 0..<3_000 {
            let text = Self.randomText(&random, latinOnly: Bool.random(using: &random))
            #expect(DisplayWidth.of(text) == Self.referenceWidth(text), "\(text.unicodeScalars.map { $0.value })")
            if let latin = DisplayWidth.latinWidth(text) { #expect(latin == Self.referenceWidth(text)) }
        }
        #expect(DisplayWidth.latinWidth("Måluppfyllelse ökar") == 19)
        #expect(DisplayWidth.latinWidth("Lås 🔒") == nil)
        #expect(DisplayWidth.latinWidth("e\u{0301}") == nil)
    }

    @Test("put draws every text as the character-by-character way does, clipped alike")
    func putAgrees() {
        var random = SplitMix64(seed: 12)
        let style = Style(foreground: .green, bold: true)
        for _ in 0..<2_000 {
            let text = Self.randomText(&random, latinOnly: Bool.random(using: &random))
            let column = Int.random(in: -3...25, using: &random)
            let maxWidth: Int? = Bool.random(using: &random) ? Int.random(in: 0...30, using: &random) : nil
            var fast = Screen(width: 30, height: 1)
            var reference = Screen(width: 30, height: 1)
            let used = fast.put(text, row: 0, column: column, style: style, maxWidth: maxWidth)
            let expected = Self.referencePut(text, into: &reference, row: 0, column: column, style: style, maxWidth: maxWidth)
            #expect(used == expected)
            #expect(fast == reference, "\(text.unicodeScalars.map { $0.value }) at \(column)")
        }
    }

    @Test("putTruncated keeps what fits beside the ellipsis, for Latin and other texts alike")
    func putTruncatedKeepsWhatFits() {
        var random = SplitMix64(seed: 13)
        for _ in 0..<2_000 {
            let text = Self.randomText(&random, latinOnly: Bool.random(using: &random))
            let width = Int.random(in: 1...20, using: &random)
            var screen = Screen(width: 30, height: 1)
            let used = screen.putTruncated(text, row: 0, column: 0, width: width, style: .plain, ellipsis: "…")
            #expect(used <= width)
            let shown = screen.text(ofRow: 0)
            if Self.referenceWidth(text) <= width {
                var whole = Screen(width: 30, height: 1)
                whole.put(text, row: 0, column: 0, maxWidth: width)
                #expect(screen == whole)
            } else {
                // The longest start of the text that fits beside the ellipsis, then the ellipsis.
                var kept = ""
                var keptWidth = 0
                for character in text {
                    let cellWidth = DisplayWidth.of(character)
                    if keptWidth + cellWidth > width - 1 { break }
                    kept.append(character)
                    keptWidth += cellWidth
                }
                var expected = Screen(width: 30, height: 1)
                expected.put(kept + "…", row: 0, column: 0, maxWidth: width)
                #expect(shown == expected.text(ofRow: 0), "\(text.unicodeScalars.map { $0.value }) in \(width)")
            }
        }
    }

    @Test("A cell gives back its character, also one of several scalars")
    func cellsKeepTheirCharacters() {
        let characters: [Character] = ["a", "å", " ", "漢", "🔒", "⚠️", "👍🏽", "e\u{0301}", "\r\n", "🇸🇪"]
        for character in characters {
            let cell = Cell(character, style: .plain)
            #expect(cell.character == character)
            #expect(cell.scalars == Array(character.unicodeScalars))
            #expect(cell == Cell(character))
        }
        #expect(Cell("a") != Cell("b"))
        #expect(Cell("👍🏽") != Cell("👍"))
        var cell = Cell("a", style: Style(bold: true))
        cell.character = "ö"
        #expect(cell.character == "ö" && cell.style.bold)
    }
}
