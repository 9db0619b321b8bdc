import Foundation
import PlanKit

/// Whether a higher or a lower outcome of an indicator is better, decided once at import by
/// written rules (the README lists them):
///
/// 1. A target that is a direction decides: "öka" (or "Minst …") means higher is better; "minska",
///    "Max …", "Högst …", "Under …" and a tolerance "+/- 1 %" mean lower is better. Årsmål wins
///    over KF:s årsmål; when they disagree there is a warning.
/// 2. Else the name decides: an experience or satisfaction ("upplever", "upplevelse", "nöjd",
///    "trygg", "omdöme", "index") is higher-is-better; otherwise a name about costs, sick leave,
///    waiting, economic assistance, climate impact, energy, evictions, children per group or per
///    employee, repeated reports (whole word "åter"), emergency housing or budget adherence is
///    lower-is-better.
/// 3. Else higher is better.
enum IndicatorDirectionRules {
    static let experienceWords = ["upplever", "upplevelse", "nöjd", "trygg", "omdöme", "index"]
    static let lowerWords = ["sjukfrånvaro", "kostnad", "väntetid", "ekonomiskt bistånd", "klimatpåverkan", "utsläpp",
                             "energi", "vräkning", "barn per", "per anställd", "akutboende", "budgetföljsamhet",
                             "prognossäkerhet"]
    /// Whole words that make a name lower-is-better ("åter blir föremål för anmälan").
    static let lowerWholeWords = ["åter"]

    /// The direction a target states, if any.
    static func direction(ofTarget target: String?) -> Direction? {
        guard let text = target?.trimmingCharacters(in: .whitespaces).lowercased(), !text.isEmpty else { return nil }
        if text.hasPrefix("+/-") || text.hasPrefix("±") { return .lowerIsBetter }
        let first = text.split(separator: " ").first.map(String.init) ?? text
        switch first {
        case "öka", "ökning", "öka.", "minst", "fler", "över": return .higherIsBetter
        case "minska", "minskning", "minska.", "max", "max.", "högst", "lägst", "under", "mindre": return .lowerIsBetter
        default: break
        }
        if text.hasPrefix("ska öka") { return .higherIsBetter }
        if text.hasPrefix("ska minska") { return .lowerIsBetter }
        return nil
    }

    /// The direction the name suggests, if any.
    static func direction(ofName name: String) -> Direction? {
        let lower = name.lowercased()
        if experienceWords.contains(where: lower.contains) { return .higherIsBetter }
        if lowerWords.contains(where: lower.contains) { return .lowerIsBetter }
        let words = Set(lower.split { !$0.isLetter }.map(String.init))
        if lowerWholeWords.contains(where: words.contains) { return .lowerIsBetter }
        return nil
    }

    /// The direction, and a warning message when the rules disagree with each other.
    static func decide(name: String, target: String?, councilTarget: String?) -> (Direction, warning: String?) {
        let own = direction(ofTarget: target)
        let council = direction(ofTarget: councilTarget)
        let byName = direction(ofName: name)
        if let own, let council, own != council {
            return (own, Strings.TextImport.directionConflict(name))
        }
        if let stated = own ?? council {
            // An experience word only confirms higher-is-better; a lower-is-better word that the
            // target contradicts is worth a look.
            if byName == .lowerIsBetter, stated == .higherIsBetter, !experienceWords.contains(where: name.lowercased().contains) {
                return (stated, Strings.TextImport.directionAgainstKeyword(name, stated))
            }
            return (stated, nil)
        }
        return (byName ?? .higherIsBetter, nil)
    }
}
