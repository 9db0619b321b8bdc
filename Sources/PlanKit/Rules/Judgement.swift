import Foundation

/// How an indicator's outcome compares with its target.
public enum Judgement: String, Codable, Sendable {
    case fully, partly, not, cannotJudge
}

/// The one rule by which PlanKit judges an outcome against its target.
///
/// - Without an outcome, or with no target or a text target ("Fastställs t1"), it cannot judge.
/// - A number target, higher is better: outcome ≥ target is *helt*; within 10 % of the target
///   below it (outcome ≥ 0,9 × target) *delvis*; further below *inte*.
/// - A number target, lower is better: outcome ≤ target is *helt*; up to 10 % above it
///   (outcome ≤ 1,1 × target) *delvis*; further above *inte*. A target of 0 has no tolerance.
/// - A direction target ("öka", "minska") needs a baseline (the previous report period's
///   outcome in the same year): moved the right way is *helt*, unchanged *delvis*, moved the
///   wrong way *inte*; without a baseline it cannot judge.
/// The direction used is the indicator's stored one; a direction target states its own.
public enum IndicatorJudge {
    public static let tolerance: Decimal = Decimal(string: "0.10")!

    public static func judge(outcome: Decimal?, target: Target, direction: Direction,
                             baseline: Decimal? = nil) -> Judgement {
        guard let outcome else { return .cannotJudge }
        switch target {
        case .none, .text:
            return .cannotJudge
        case .direction(let wanted):
            guard let baseline else { return .cannotJudge }
            if outcome == baseline { return .partly }
            let increased = outcome > baseline
            return increased == (wanted == .higherIsBetter) ? .fully : .not
        case .number(let goal, let unit):
            // A share outside 0–100 % is no measurement that can meet a target.
            if unit == "%" && !(0...100).contains(outcome) { return .cannotJudge }
            switch direction {
            case .higherIsBetter:
                if outcome >= goal { return .fully }
                return outcome >= goal - abs(goal) * tolerance ? .partly : .not
            case .lowerIsBetter:
                if outcome <= goal { return .fully }
                return outcome <= goal + abs(goal) * tolerance ? .partly : .not
            }
        }
    }
}
