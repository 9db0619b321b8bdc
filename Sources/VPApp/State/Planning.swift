import PlanKit

/// An own indicator being written, step by step: its name, the kind and text of its target,
/// its unit, periodicity and direction. Nothing is stored until the last step: Esc at any
/// step leaves the plan as it was.
public struct IndicatorForm: Equatable, Sendable {
    /// The indicator being changed; nil: a new one under `unitGoal`.
    public var indicator: String?
    public var unitGoal: String
    public var name = ""
    public var kind: TargetKind = .number
    public var target = ""
    public var measureUnit = ""
    public var periodicity: Periodicity = .year
    public var direction: Direction = .higherIsBetter

    public init(indicator: String? = nil, unitGoal: String) {
        self.indicator = indicator
        self.unitGoal = unitGoal
    }
}

/// The one-line questions of planning: the steps of an indicator, an activity's dates, an own
/// section's heading.
public enum PlanningPrompt: Equatable, Sendable {
    case indicatorName(IndicatorForm)
    case indicatorTarget(IndicatorForm)
    case indicatorUnit(IndicatorForm)
    case startDate(activity: String, end: String)
    case endDate(activity: String, start: String)
    /// The heading of a new own section, before or after the goals of the shown period.
    case newSection(SectionPlacement)
    case renameSection(String)
    /// Why the handed-in report of the period is opened again (kept in the edit log).
    case reopenReason(ReportPeriod)
}

/// The lists of the indicator's steps.
public enum PlanningChoice: Equatable, Sendable {
    case targetKind(IndicatorForm)
    case periodicity(IndicatorForm)
    case direction(IndicatorForm)
}

/// What planning asks the store to do.
public enum PlanningEffect: Equatable, Sendable {
    case saveIndicator(IndicatorForm)
    case setDates(activity: String, start: String, end: String)
    case addSection(title: String, placement: SectionPlacement, period: ReportPeriod)
    case renameSection(String, title: String, period: ReportPeriod)
    case removeSection(String, period: ReportPeriod)
    /// Open the period's handed-in report again for changes, with the reason.
    case reopen(ReportPeriod, reason: String)
}
