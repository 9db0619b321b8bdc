import Foundation

/// How the board adds up its units' outcomes of an indicator.
public enum Consolidation: String, Codable, CaseIterable, Sendable {
    /// Counts and money: the units' outcomes added.
    case sum
    /// Shares and averages: the mean of the units' outcomes.
    case mean
    /// Times and levels where the spread matters: the lowest and the highest outcome.
    case range

    /// The consolidation an indicator gets unless one is stored: a share (%) is averaged, a count
    /// or an amount (st, kr) is added, days are shown as their range, anything else averaged.
    public static func defaultFor(measureUnit: String?) -> Consolidation {
        let unit = (measureUnit ?? "").lowercased().trimmingCharacters(in: .whitespaces)
        if unit.contains("%") || unit.contains("procent") { return .mean }
        let counted: Set<String> = ["st", "st.", "antal", "kr", "kronor", "tkr", "mkr", "mnkr", "timmar", "tim", "h", "personer"]
        if counted.contains(unit) { return .sum }
        if unit == "dagar" || unit == "dag" || unit == "veckor" { return .range }
        return .mean
    }

    /// Decimals a mean keeps beyond the most precise outcome it is the mean of.
    public static let extraMeanDecimals = 2

    /// The summary of the outcomes given; nil when no unit has one. Sums and ranges are exact
    /// (0,1 + 0,2 is 0,3); a mean, which seldom ends, is rounded half away from zero to
    /// `extraMeanDecimals` more decimals than the most precise outcome has.
    public func summarise(_ outcomes: [Decimal]) -> ConsolidatedValue? {
        guard !outcomes.isEmpty else { return nil }
        switch self {
        case .sum: return .single(outcomes.reduce(0, +))
        case .mean:
            var mean = outcomes.reduce(0, +) / Decimal(outcomes.count)
            var rounded = Decimal()
            let decimals = outcomes.map { max(0, -$0.exponent) }.max()! + Self.extraMeanDecimals
            NSDecimalRound(&rounded, &mean, decimals, .plain)
            return .single(rounded)
        case .range: return .range(min: outcomes.min()!, max: outcomes.max()!)
        }
    }
}

/// A consolidated outcome: one number, or the lowest and highest.
public enum ConsolidatedValue: Equatable, Sendable {
    case single(Decimal)
    case range(min: Decimal, max: Decimal)
}
