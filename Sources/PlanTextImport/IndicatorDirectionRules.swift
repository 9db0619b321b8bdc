import Foundation
import PlanKit

/// Whether a higher or a lower outcome of an indicator is better, decided once at import from
/// what the document says, never from a word in the indicator's name:
///
/// 1. A target that is a direction decides: "öka" (or "Minst …") means higher is better; "minska",
///    "Max …", "Högst …", "Under …" and a tolerance "+/- 1 %" mean lower is better. Årsmål wins
///    over KF:s årsmål; when they disagree there is a warning.
/// 2. Else higher is better, and the importer says it is unsure (a doubt with the line); an import
///    into a year that exists keeps the stored direction of such an indicator. Words of the goal's
///    prose decide nothing: they misread negations and neighbouring subjects.
enum IndicatorDirectionRules {
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

    /// The direction, whether the document states it, and a warning when the targets disagree.
    static func decide(name: String, target: String?, councilTarget: String?,
                       ) -> (Direction, stated: Bool, warning: String?) {
        let own = direction(ofTarget: target)
        let council = direction(ofTarget: councilTarget)
        if let own, let council, own != council {
            return (own, true, Strings.TextImport.directionConflict(name))
        }
        if let stated = own ?? council { return (stated, true, nil) }
        return (.higherIsBetter, false, nil)
    }
}
