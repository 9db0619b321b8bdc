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
        let text = (written ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty || text == "-" || text == "–" || text == "—" {
            self = .none
            return
        }
        switch text.lowercased() {
        case "öka", "ökning", "ska öka": self = .direction(.higherIsBetter); return
        case "minska", "minskning", "ska minska": self = .direction(.lowerIsBetter); return
        default: break
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
        let characters = Array(text)
        var end = 0
        while end < characters.count {
            let character = characters[end]
            let isNumberPart = character.isASCII && character.isNumber
                || character == "," || character == "." || (end == 0 && (character == "-" || character == "−"))
            // A space counts as a thousands separator only when digits follow it.
            let isThousandsSpace = character == " " && end > 0
                && end + 3 < characters.count + 1
                && characters[(end + 1)...].prefix(3).allSatisfy { $0.isASCII && $0.isNumber }
                && (end + 4 >= characters.count || !(characters[end + 4].isASCII && characters[end + 4].isNumber))
            if isNumberPart || isThousandsSpace { end += 1 } else { break }
        }
        let number = String(characters[..<end])
        guard end > 0, SwedishNumber.plainForm(number) != nil else { return nil }
        let rest = String(characters[end...]).trimmingCharacters(in: .whitespaces)
        return (number, rest.isEmpty ? nil : rest)
    }
}
