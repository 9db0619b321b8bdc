import Foundation

/// A regular expression compiled once: `String.range(of:options: .regularExpression)` compiles
/// its pattern on every call, and the importer asks on every line of a long plan.
struct Pattern: Sendable {
    let expression: NSRegularExpression

    init(_ pattern: String, options: NSRegularExpression.Options = []) {
        // The patterns are literals of this module: one that does not compile is a programming error.
        expression = try! NSRegularExpression(pattern: pattern, options: options)
    }

    func matches(_ text: String) -> Bool {
        expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The capture groups of the first match, or nil when there is none.
    func groups(_ text: String) -> [String?]? {
        guard let match = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<match.numberOfRanges).map { index in
            Range(match.range(at: index), in: text).map { String(text[$0]) }
        }
    }
}

extension StringProtocol {
    /// The last character that is not white space is a digit: a cheap test before a pattern that
    /// must end in one.
    var endsInDigit: Bool { last { !$0.isWhitespace }?.isASCII == true && last { !$0.isWhitespace }?.isNumber == true }
}
