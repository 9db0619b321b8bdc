import PlanKit

/// The detail pane's words for what the previous period said.
extension Strings.App {
    /// "I T1 (förra perioden)".
    public static func previousPeriod(_ period: ReportPeriod) -> String {
        "I \(Strings.periodName(period)) (förra perioden)"
    }

    /// The previous period's value at a glance: a rating, a status or an outcome.
    public static func previousValue(_ followUp: FollowUp, kind: ItemKind, measureUnit: String?) -> String {
        switch kind {
        case .goal: return followUp.rating.map(Strings.rating) ?? Strings.unrated
        case .activity: return Strings.status(followUp.status)
        case .indicator:
            guard let outcome = followUp.outcome else { return "Inget utfall" }
            return "\(Strings.outcome): " + IndicatorSpec.outcomeText(outcome, unit: measureUnit)
        }
    }
}
