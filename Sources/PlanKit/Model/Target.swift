/// An indicator's annual target (Årsmål or KF:s årsmål) as the documents write it.
///
/// The written form is what is stored and shown; `Target` is its meaning, parsed by one rule:
/// a leading number (Swedish notation) with an optional unit is a number; "öka"/"minska" (also
/// "ökning"/"minskning") is a direction; "-" or nothing is no target; anything else is a text
/// such as "Fastställs t1" or "Tas fram av nämnd".
public enum Target: Hashable, Sendable {
    case none
    case number(Double, unit: String?)
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
    private static func leadingNumber(_ text: String) -> (Double, String?)? {
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
        guard end > 0, let value = SwedishNumber.parse(String(characters[..<end])) else { return nil }
        let rest = String(characters[end...]).trimmingCharacters(in: .whitespaces)
        return (value, rest.isEmpty ? nil : rest)
    }
}
