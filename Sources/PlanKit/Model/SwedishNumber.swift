import Foundation

/// Numbers as Swedish documents write them: decimal comma, space (or no-break space)
/// between thousands, optional minus sign: "2,7", "1 945", "-0,5".
public enum SwedishNumber {
    /// Parses a Swedish or plain number exactly; nil if the text is not a number, or has more
    /// digits than a `Decimal` holds (see `plainForm` to tell the two apart).
    public static func parse(_ text: String) -> Decimal? {
        plainForm(text).flatMap(ExactDecimal.parse(plain:))
    }

    /// The number in the plain form `ExactDecimal` reads ("1 234,5" is "1234.5"), however many
    /// digits it has; nil if the text is not a number.
    public static func plainForm(_ text: String) -> String? {
        // Digits alone, as most targets and outcomes are written, are already in plain form.
        if !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) {
            return ExactDecimal.isPlainNumber(text) ? text : nil
        }
        var cleaned = text.trimmingCharacters(in: .whitespaces)
        cleaned.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        cleaned = cleaned.replacingOccurrences(of: "−", with: "-")
        guard !cleaned.isEmpty,
              cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == "." || $0 == "-") }),
              cleaned.filter({ $0 == "," || $0 == "." }).count <= 1,
              cleaned.dropFirst().allSatisfy({ $0 != "-" })
        else { return nil }
        var plain = cleaned.replacingOccurrences(of: ",", with: ".")
        // "5," and ",5" are read as 5 and 0,5.
        if plain.hasSuffix(".") { plain.removeLast() }
        if plain.hasPrefix(".") { plain = "0" + plain } else if plain.hasPrefix("-.") { plain = "-0" + plain.dropFirst() }
        return ExactDecimal.isPlainNumber(plain) ? plain : nil
    }

    /// Formats a decimal with a decimal comma and every digit it has: 99999999999999999999999
    /// stays whole, 85.5 is "85,5", -0.5 is "-0,5".
    public static func format(_ value: Decimal) -> String {
        ExactDecimal.plain(value).replacingOccurrences(of: ".", with: ",")
    }

    /// Formats with a decimal comma and at most `maxDecimals` decimals, trailing zeros dropped.
    public static func format(_ value: Double, maxDecimals: Int = 2) -> String {
        var text = String(format: "%.\(maxDecimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        if text == "-0" { text = "0" }
        return text.replacingOccurrences(of: ".", with: ",")
    }
}
