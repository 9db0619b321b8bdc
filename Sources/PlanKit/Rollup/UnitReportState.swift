/// Where a unit's report for a period stands, as the board sees it: ej påbörjad, pågår,
/// komplett or inlämnad. Ordered from furthest behind to done.
public enum UnitReportState: String, Codable, CodingKeyRepresentable, CaseIterable, Comparable, Sendable {
    case notStarted, inProgress, complete, handedIn

    public static func < (lhs: UnitReportState, rhs: UnitReportState) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Complete or handed in: nothing more is asked of the unit for the period.
    public var isDone: Bool { self == .complete || self == .handedIn }

    /// The state of a plan's period from what the plan holds. This is the one place the board's
    /// view decides it: a period the plan lacks, or one where nothing has been written yet, is
    /// not started; one with gaps is in progress; one without is complete.
    public static func derive(plan: PlanDocument, period: ReportPeriod, gapCount: Int) -> UnitReportState {
        guard plan.periods.contains(period), hasContent(plan, period) else { return .notStarted }
        return gapCount == 0 ? .complete : .inProgress
    }

    private static func hasContent(_ plan: PlanDocument, _ period: ReportPeriod) -> Bool {
        if plan.sections(in: period).contains(where: { !Completeness.isBlank($0.text) }) { return true }
        if period.isFollowUp {
            return (plan.followUps[period] ?? [:]).values.contains { followUp in
                followUp.rating != nil || followUp.status != nil || followUp.outcome != nil || !Completeness.isBlank(followUp.analysis)
            }
        }
        return plan.items.values.contains { $0.author == .unit }
    }
}
