import Testing
import PlanKit
@testable import VPApp

/// Drawing and wrapping walk a text's bytes instead of `String`'s characters: they must find
/// the same characters, widths and lines.
@Suite("The characters of a text found from its bytes")
struct CharacterWalkTests {
    /// Beside `ScreenTests.alphabet`: scalars that join what follows them (a prepended Arabic
    /// number sign, the zero-width joiner before ©, a flag's two halves, Hangul), and the ones
    /// that start a run next to plain letters.
    static let alphabet = ScreenTests.alphabet + ["\u{0600}", "\u{200D}", "©", "®", "🇸", "🇪", "ᄀ", "ᅡ", "ᆨ",
                                                  "\u{0300}", "\u{FE0F}", "\r", "\u{0D4E}", "क", "\u{094D}", "ʼ"]

    static func randomText(_ random: inout SplitMix64, spaces: Bool) -> String {
        var letters = alphabet
        if spaces { letters += [" ", " ", " ", "\n", "ord", "Måluppfyllelse"] }
        return (0..<Int.random(in: 0...50, using: &random)).map { _ in letters.randomElement(using: &random)! }.joined()
    }

    @Test("The characters and widths are those of String's characters, at the same byte offsets")
    func sameCharacters() {
        var random = SplitMix64(seed: 31)
        // Where a rule joins scalars across what looks like a start: the joiner before ©, a
        // prepended sign before a letter, "\r\n", an accent after a Latin letter, a flag.
        let joined = ["🔒\u{200D}©x", "a\u{0600}b", "a\r\nb", "e\u{0301}", "x🇸🇪a", "\u{0600} ", "©\u{FE0F}a"]
        for index in 0..<(5_000 + joined.count) {
            var text = index < joined.count ? joined[index] : Self.randomText(&random, spaces: Bool.random(using: &random))
            let expected = Array(text)
            let found: [(Character, Int, Int)] = text.withUTF8 { bytes in
                var walk = CharacterWalk(bytes)
                var pieces: [(Character, Int, Int)] = []
                while let piece = walk.next() {
                    let character = piece.isRun ? walk.character : Character(Unicode.Scalar(piece.scalar)!)
                    pieces.append((character, piece.width, piece.end))
                }
                return pieces
            }
            #expect(found.map(\.0) == expected, "\(text.unicodeScalars.map { $0.value })")
            #expect(found.map(\.1) == expected.map(DisplayWidth.of))
            var offset = 0
            #expect(found.map(\.2) == expected.map { offset += $0.utf8.count; return offset })
            #expect(DisplayWidth.of(text) == expected.reduce(0) { $0 + DisplayWidth.of($1) })
        }
    }

    @Test("A piece is a space or a line feed only when it is that character alone")
    func spacesAlone() {
        var text = " \u{0301}\r\n\n "
        let pieces: [(space: Bool, newline: Bool)] = text.withUTF8 { bytes in
            var walk = CharacterWalk(bytes)
            var pieces: [(Bool, Bool)] = []
            while let piece = walk.next() { pieces.append((walk.isAlone(piece, 0x20), walk.isAlone(piece, 0x0A))) }
            return pieces
        }
        #expect(pieces.map(\.space) == [false, false, false, true])
        #expect(pieces.map(\.newline) == [false, false, true, false])
    }

    /// Wrapping by `String`'s characters: the definition `Wrap.lines` keeps.
    static func referenceLines(_ text: String, width: Int, limit: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if result.count >= limit { return Array(result.prefix(limit)) }
            var line = ""
            var lineWidth = 0
            for wordText in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                if result.count >= limit { return Array(result.prefix(limit)) }
                var word = String(wordText)
                var wordWidth = word.reduce(0) { $0 + DisplayWidth.of($1) }
                if lineWidth > 0 && lineWidth + 1 + wordWidth > width {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                if wordWidth > width {
                    var head = ""
                    var headWidth = 0
                    for character in word {
                        let cellWidth = DisplayWidth.of(character)
                        if headWidth + cellWidth > width && !head.isEmpty {
                            result.append(head)
                            if result.count >= limit { return Array(result.prefix(limit)) }
                            head = ""
                            headWidth = 0
                        }
                        head.append(character)
                        headWidth += cellWidth
                    }
                    word = head
                    wordWidth = headWidth
                }
                if lineWidth > 0 {
                    line += " "
                    lineWidth += 1
                }
                line += word
                lineWidth += wordWidth
            }
            result.append(line)
        }
        return result.count > limit ? Array(result.prefix(limit)) : result
    }

    @Test("Wrapped lines are those wrapping by characters gives, for any width and number of lines")
    func wrapAgrees() {
        var random = SplitMix64(seed: 32)
        for _ in 0..<5_000 {
            let text = Self.randomText(&random, spaces: true)
            let width = Int.random(in: 1...12, using: &random)
            let limit = Bool.random(using: &random) ? Int.random(in: 0...6, using: &random) : .max
            #expect(Wrap.lines(text, width: width, limit: limit) == Self.referenceLines(text, width: width, limit: limit),
                    "\(text.unicodeScalars.map { $0.value }) width \(width) limit \(limit)")
        }
        #expect(Wrap.lines("Barnen  leker\nute i  skogen", width: 8) == ["Barnen ", "leker", "ute i ", "skogen"])
        #expect(Wrap.lines("abcdefghij kl", width: 4) == ["abcd", "efgh", "ij", "kl"])
        #expect(Wrap.lines("", width: 4) == [""])
        #expect(Wrap.lines("a\r\nb", width: 4) == ["a\r\nb"])
    }

    @Test("The punctuation and symbols whose width is not asked of their general category have no mark among them")
    func symbolsWithoutMarks() {
        for value in Array(DisplayWidth.symbols.0) + Array(DisplayWidth.symbols.1) {
            let scalar = Unicode.Scalar(value)!
            let category = scalar.properties.generalCategory
            #expect(category != .nonspacingMark && category != .enclosingMark && !DisplayWidth.isControl(value), "U+\(String(value, radix: 16))")
        }
        // Outside those ranges the general way still runs: a combining mark for symbols.
        #expect(DisplayWidth.of(Character("\u{20D7}")) == 0)
        #expect(DisplayWidth.of(Character("–")) == 1 && DisplayWidth.of(Character("⌚")) == 2 && DisplayWidth.of(Character("✅")) == 2)
        #expect(DisplayWidth.of(Character("→\u{FE0F}")) == 1)
    }
}
