/// What the period before said: T1 beside T2, T2 beside VB (or T1, or the plan, when the periods
/// between were not written). A follow-up period starts from it; the values are not copied, they
/// are shown beside the current ones, and an analysis can be copied in as a starting point.
extension PlanDocument {
    /// The period a follow-up period follows on from: the latest earlier follow-up period the
    /// plan has, else the plan (VP). Nil for the VP itself.
    public func previousPeriod(of period: ReportPeriod) -> ReportPeriod? {
        guard period.isFollowUp else { return nil }
        return periods.filter { $0.isFollowUp && $0 < period }.max() ?? .vp
    }

    /// The previous follow-up period's values of an item, when there is a previous follow-up period.
    public func previousFollowUp(_ itemID: String, before period: ReportPeriod) -> (period: ReportPeriod, value: FollowUp)? {
        guard let previous = previousPeriod(of: period), previous.isFollowUp else { return nil }
        return (previous, followUp(itemID, previous))
    }
}

/// What starting a period did: the period it follows on from, and the sections it created.
public struct StartedPeriod: Hashable, Sendable {
    public var ref: PlanRef
    public var period: ReportPeriod
    public var startsFrom: ReportPeriod
    public var sections: [String]
}
