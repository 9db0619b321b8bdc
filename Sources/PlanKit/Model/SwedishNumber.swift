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
        // Read scalar by scalar, without Foundation: every indicator's target passes here each
        // time a plan is read.
        let trimmed = text.trimmingScalars(\.isBlankSpace)
        var plain = ""
        plain.reserveCapacity(trimmed.utf8.count + 1)
        var separators = 0
        for scalar in trimmed.unicodeScalars {
            switch scalar {
            case " ", "\u{00A0}", "\u{202F}":
                continue
            case "0"..."9":
                plain.unicodeScalars.append(scalar)
            case ",", ".":
                separators += 1
                guard separators <= 1 else { return nil }
                plain.append(".")
            case "-", "\u{2212}":
                guard plain.isEmpty else { return nil }
                plain.append("-")
            default:
                return nil
            }
        }
        guard !plain.isEmpty else { return nil }
        // "5," and ",5" are read as 5 and 0,5.
        if plain.hasSuffix(".") { plain.removeLast() }
        if plain.hasPrefix(".") { plain = "0" + plain } else if plain.hasPrefix("-.") { plain = "-0" + plain.dropFirst() }
        return ExactDecimal.isPlainNumber(plain) ? plain : nil
    }

    /// Formats a decimal with a decimal comma and every digit it has: 99999999999999999999999
    /// stays whole, 85.5 is "85,5", -0.5 is "-0,5".
    public static func format(_ value: Decimal) -> String {
        // The plain form is ASCII (a sign, digits, at most one "."), so its bytes are swapped
        // one for one; Foundation's replacing bridges to NSString, which the first frame paid.
        String(decoding: ExactDecimal.plain(value).utf8.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ",") : $0 },
               as: UTF8.self)
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
