import Foundation

/// Outcomes are decimals, kept digit for digit: what a person types is what is stored, shown,
/// exported and read back. Binary floating point would turn 99999999999999999999999 into
/// 99999999999999991611392 and 0,1 + 0,2 into 0,30000000000000004.
///
/// The plain form is the one written to the database and to JSON: an optional minus sign,
/// digits, and a decimal point with digits only where there is a fraction ("-0.5", "1945",
/// "99999999999999999999999"). Leading zeros of the whole part and trailing zeros of the
/// fraction are dropped, so that one value has one plain form.
///
/// Texts are read by `Decimal(string:)` without a locale: it then takes "." as the decimal
/// point, the plain form's, whatever the process's locale. Naming a locale (even en_US_POSIX)
/// makes the first outcome of a plan load ICU's locale data, hundreds of kilobytes touched
/// on the way to the first frame.
public enum ExactDecimal {
    /// The most significant digits `Decimal` holds for every number.
    public static let maxDigits = 38

    /// The number written in plain form; nil when the text is not that form, or when `Decimal`
    /// cannot hold it digit for digit (more than `maxDigits` significant digits, or too large
    /// or too small an exponent).
    public static func parse(plain text: String) -> Decimal? {
        // The form vp-tui writes, with few enough digits that `Decimal` holds them all: what the
        // checks below would find, without them (every outcome is read with its plan).
        if isShortPlainForm(text) { return Decimal(string: text) }
        return parseChecked(text)
    }

    /// `parse(plain:)` with every check.
    static func parseChecked(_ text: String) -> Decimal? {
        guard let canonical = canonicalForm(text), significantDigits(canonical) <= maxDigits else { return nil }
        guard let value = Decimal(string: canonical), !value.isNaN,
              value.description == canonical else { return nil }
        return value
    }

    /// Whether the text is a number in plain form, however many digits it has.
    public static func isPlainNumber(_ text: String) -> Bool {
        canonicalForm(text) != nil
    }

    /// The plain form of a value (what `parse(plain:)` reads back to the same value).
    public static func plain(_ value: Decimal) -> String {
        value.description
    }

    /// A binary floating-point number as the decimal its shortest round-trip text says: 85.5
    /// stays 85.5 (not 85.5000000000000001), 0.30000000000000004 keeps all its digits.
    /// Nil for infinities, NaN and magnitudes `Decimal` cannot hold.
    public static func fromDouble(_ value: Double) -> Decimal? {
        guard value.isFinite else { return nil }
        return Decimal(string: "\(value)").flatMap { $0.isNaN ? nil : $0 }
    }

    /// Whether the text is its own plain form (`-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?`, not "-0")
    /// with at most 18 digits.
    static func isShortPlainForm(_ text: String) -> Bool {
        var utf8 = text.utf8[...]
        if utf8.first == UInt8(ascii: "-") { utf8 = utf8.dropFirst() }
        guard let first = utf8.first, utf8.count <= 19 else { return false }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let whole = utf8.prefix(while: isDigit)
        guard !whole.isEmpty, whole.count == 1 || first != UInt8(ascii: "0") else { return false }
        let rest = utf8.dropFirst(whole.count)
        if rest.isEmpty {
            // "-0" is written "0".
            return !(whole.count == 1 && first == UInt8(ascii: "0") && utf8.count != text.utf8.count)
        }
        let fraction = rest.dropFirst()
        return rest.first == UInt8(ascii: ".") && whole.count + fraction.count <= 18 && !fraction.isEmpty
            && fraction.allSatisfy(isDigit) && fraction.last != UInt8(ascii: "0")
    }

    /// Digits from the first non-zero one to the last non-zero one: 1000 has one, 0.0205 three.
    private static func significantDigits(_ canonical: String) -> Int {
        let digits = canonical.filter { $0.isNumber }.drop { $0 == "0" }
        return digits.reversed().drop { $0 == "0" }.count
    }

    /// Sign, whole digits and fraction digits, without leading or trailing zeros; nil when the
    /// text is not `-?[0-9]+(\.[0-9]+)?`.
    private static func canonicalForm(_ text: String) -> String? {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let wholePart = parts.first, !wholePart.isEmpty,
              wholePart.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        var fraction = parts.count > 1 ? parts[1] : ""
        if parts.count > 1 {
            guard !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        while fraction.last == "0" { fraction.removeLast() }
        var whole = wholePart.drop { $0 == "0" }
        if whole.isEmpty { whole = "0" }
        let magnitude = fraction.isEmpty ? String(whole) : "\(whole).\(fraction)"
        return negative && magnitude != "0" ? "-\(magnitude)" : magnitude
    }
}
