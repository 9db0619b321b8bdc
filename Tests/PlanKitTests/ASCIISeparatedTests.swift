import Foundation
import Testing
@testable import PlanKit

@Suite("Splitting and replacing at ASCII strings, as Foundation does")
struct ASCIISeparatedTests {
    static let pieces = ["a", "å", "Ö", " ", "\n", "\n\n", "\r\n", "\r", "|", "||", "e\u{0301}", "\u{0301}", "🔒", "–", "- "]

    @Test("pieces(separatedBy:) and replacingEvery agree with Foundation on random texts")
    func agreesWithFoundation() {
        var random = SplitMix64(seed: 5)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...20, using: &random)).map { _ in Self.pieces.randomElement(using: &random)! }.joined()
            for separator in ["\n\n", "\n", "|"] {
                #expect(text.pieces(separatedBy: separator) == text.components(separatedBy: separator),
                        "\(Array(text.utf8)) by \(Array(separator.utf8))")
                #expect(text.replacingEvery(separator, with: "<br>") == text.replacingOccurrences(of: separator, with: "<br>"),
                        "\(Array(text.utf8)) replacing \(Array(separator.utf8))")
            }
        }
    }
}
