import Foundation

/// The one reading of an outcome a person types for an indicator, used by every way in.
///
/// - Empty text clears the outcome (nil).
/// - A number in Swedish notation ("85,5", "1 945", "-0,5"), optionally followed by the unit the
///   indicator is measured in or its target is written in ("85,5 %" where the target is "79 %").
/// - The number is kept exactly as typed (a `Decimal`); one with more significant digits than
///   a `Decimal` holds (38), or too large or too small for it, is refused, never rounded.
/// - A share in percent (see `isShare`) lies from 0 to 100.
public enum OutcomeInput {
    /// Significant digits a stored outcome keeps exactly.
    public static let maxDigits = ExactDecimal.maxDigits

    public static func parse(_ typed: String, for indicator: IndicatorSpec?) throws -> Decimal? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let (number, unit) = Target.splitLeadingNumber(text) else { throw PlanError.notANumber(typed) }
        let units = acceptedUnits(indicator)
        if let unit, !units.contains(where: { $0.compare(unit, options: [.caseInsensitive]) == .orderedSame }) {
            throw PlanError.wrongUnit(typed, expected: units.first)
        }
        guard let value = SwedishNumber.parse(number) else { throw PlanError.tooManyDigits(typed, max: maxDigits) }
        if isShare(indicator) && !(0...100).contains(value) { throw PlanError.notAShare(typed) }
        return value
    }

    /// Whether the indicator is a share in percent: measured in "%" with a target from 0 to 100 %.
    /// A target such as "+/-1 %" (a deviation, which may be negative) is not a share.
    public static func isShare(_ indicator: IndicatorSpec?) -> Bool {
        guard case .number(let goal, _)? = indicator?.parsedTarget else { return false }
        return acceptedUnits(indicator).contains("%") && (0...100).contains(goal)
    }

    private static func acceptedUnits(_ indicator: IndicatorSpec?) -> [String] {
        var units: [String] = []
        if let unit = indicator?.measureUnit?.trimmingCharacters(in: .whitespaces), !unit.isEmpty { units.append(unit) }
        if case .number(_, let unit?)? = indicator?.parsedTarget { units.append(unit) }
        return units
    }
}
