import Foundation

/// An outcome is stored as the number alone; the unit it is shown in is the indicator's.
extension IndicatorSpec {
    /// The unit outcomes are measured and shown in: the indicator's own unit, else the unit its
    /// årsmål is written in ("95 %" gives "%"); nil for a bare number. The same units an
    /// outcome may be typed with (`OutcomeInput`).
    public var outcomeUnit: String? {
        if let unit = measureUnit?.trimmingCharacters(in: .whitespaces), !unit.isEmpty { return unit }
        if case .number(_, let unit?) = parsedTarget { return unit }
        return nil
    }

    /// An outcome as every report and screen shows it: "95 %", "1 945 GWh", "16".
    public func outcomeText(_ value: Decimal) -> String {
        Self.outcomeText(value, unit: outcomeUnit)
    }

    public static func outcomeText(_ value: Decimal, unit: String?) -> String {
        [SwedishNumber.format(value), unit].compactMap { $0 }.joined(separator: " ")
    }
}
