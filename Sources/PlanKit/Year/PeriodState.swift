/// Where one period's document of a unit stands: not started, being written, complete (nothing
/// missing), or handed in. Handed in wins over everything: the kept copy is what was handed in.
public enum PeriodState: String, Codable, CaseIterable, Sendable, Comparable {
    case notStarted, ongoing, complete, submitted

    public static func < (lhs: PeriodState, rhs: PeriodState) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// The state of a period of a plan, given whether it has been handed in (and not reopened).
    public static func of(_ period: ReportPeriod, in plan: PlanDocument, handedIn: Bool) -> PeriodState {
        guard plan.periods.contains(period) else { return .notStarted }
        if handedIn { return .submitted }
        return started(gapCount: Completeness.gaps(in: plan, period: period, withPaths: false).count, handedIn: false)
    }

    /// The state of a period the plan has, whose gaps were counted already.
    public static func started(gapCount: Int, handedIn: Bool) -> PeriodState {
        if handedIn { return .submitted }
        return gapCount == 0 ? .complete : .ongoing
    }
}

/// A report as handed in: who, when, and its content then, kept whatever changes afterwards.
public struct HandIn: Hashable, Sendable {
    public var id: Int64
    public var ref: PlanRef
    public var period: ReportPeriod
    public var login: String
    public var at: String
    /// The report's blocks as they were when handed in (JSON of `[ReportBlock]`).
    public var content: [ReportBlock]
    /// Set when the report was opened again; the hand-in then no longer holds.
    public var reopenedBy: String?
    public var reopenedAt: String?
    public var reopenReason: String?

    public var isInForce: Bool { reopenedAt == nil }
}

/// The states of every period of one plan, in the order of the year.
public struct PlanPeriodStates: Hashable, Sendable {
    public var ref: PlanRef
    public var states: [ReportPeriod: PeriodState]

    public subscript(period: ReportPeriod) -> PeriodState { states[period] ?? .notStarted }
}
