import Foundation

/// Numbers as Swedish documents write them: decimal comma, space (or no-break space)
/// between thousands, optional minus sign: "2,7", "1 945", "-0,5".
public enum SwedishNumber {
    /// Parses a Swedish or plain number; nil if the text is not a number.
    public static func parse(_ text: String) -> Double? {
        var cleaned = text.trimmingCharacters(in: .whitespaces)
        cleaned.removeAll { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        cleaned = cleaned.replacingOccurrences(of: "−", with: "-")
        guard !cleaned.isEmpty,
              cleaned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == "." || $0 == "-") }),
              cleaned.filter({ $0 == "," || $0 == "." }).count <= 1,
              cleaned.dropFirst().allSatisfy({ $0 != "-" })
        else { return nil }
        return Double(cleaned.replacingOccurrences(of: ",", with: "."))
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
