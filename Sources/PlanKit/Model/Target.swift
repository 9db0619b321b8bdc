import Foundation

/// An indicator's annual target (Årsmål or KF:s årsmål) as the documents write it.
///
/// The written form is what is stored and shown; `Target` is its meaning, parsed by one rule:
/// a leading number (Swedish notation) with an optional unit is a number; "öka"/"minska" (also
/// "ökning"/"minskning") is a direction; "-" or nothing is no target; anything else is a text
/// such as "Fastställs t1" or "Tas fram av nämnd".
public enum Target: Hashable, Sendable {
    case none
    case number(Decimal, unit: String?)
    case direction(Direction)
    case text(String)

    public init(written: String?) {
        // Read without Foundation: every indicator's target is read each time a plan is.
        let text = (written ?? "").trimmingScalars { $0.properties.isWhitespace }
        if text.isEmpty || text == "-" || text == "–" || text == "—" {
            self = .none
            return
        }
        // The longest of the directions, "ska minska", is 10 bytes.
        if text.utf8.count <= 10 {
            switch text.lowercased() {
            case "öka", "ökning", "ska öka": self = .direction(.higherIsBetter); return
            case "minska", "minskning", "ska minska": self = .direction(.lowerIsBetter); return
            default: break
            }
        }
        if let (value, unit) = Target.leadingNumber(text) {
            self = .number(value, unit: unit)
        } else {
            self = .text(text)
        }
    }

    /// Splits "2,7 %" into (2.7, "%"), "1 945 GWh" into (1945, "GWh"), "16" into (16, nil).
    /// A number with more digits than a `Decimal` holds is no number here: such a target is a text.
    private static func leadingNumber(_ text: String) -> (Decimal, String?)? {
        guard let (number, unit) = splitLeadingNumber(text), let value = SwedishNumber.parse(number) else { return nil }
        return (value, unit)
    }

    /// The leading number as written and the rest after it ("1 945 GWh" is ("1 945", "GWh")),
    /// or nil when the text does not begin with a number; the number is not yet read.
    static func splitLeadingNumber(_ text: String) -> (number: String, unit: String?)? {
        func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
        guard let first = text.unicodeScalars.first,
              isDigit(first) || first == "," || first == "." || first == "-" || first == "\u{2212}" else { return nil }
        let scalars = Array(text.unicodeScalars)
        var end = 0
        while end < scalars.count {
            let scalar = scalars[end]
            let isNumberPart = isDigit(scalar) || scalar == "," || scalar == "." || (end == 0 && (scalar == "-" || scalar == "\u{2212}"))
            // A space counts as a thousands separator only when three digits, and no fourth, follow it.
            let isThousandsSpace = scalar == " " && end > 0
                && end + 3 < scalars.count + 1
                && scalars[(end + 1)...].prefix(3).allSatisfy(isDigit)
                && (end + 4 >= scalars.count || !isDigit(scalars[end + 4]))
            if isNumberPart || isThousandsSpace { end += 1 } else { break }
        }
        var number = ""
        number.unicodeScalars.append(contentsOf: scalars[..<end])
        guard end > 0, SwedishNumber.plainForm(number) != nil else { return nil }
        var rest = ""
        rest.unicodeScalars.append(contentsOf: scalars[end...])
        rest = rest.trimmingScalars(\.isBlankSpace)
        return (number, rest.isEmpty ? nil : rest)
    }
}
