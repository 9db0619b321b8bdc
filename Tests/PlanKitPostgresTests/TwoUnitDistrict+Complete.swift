import PlanKit
import PlanKitPostgres
import Testing

extension TwoUnitDistrict {
    /// Plan A as the store holds it now, read as its owner would.
    func reader() throws -> PlanStore {
        guard let cluster, let database else { return try PlanStore(path: sqlitePath, login: "reader") }
        return try PostgresSnapshot.plan(try cluster.address(database: database), unit: a.unitID, year: a.year).0
    }

    /// Fills what the period's report of plan A lacks, through the store under test.
    func complete(_ store: any FieldSaving, period: ReportPeriod) throws {
        let gaps = Completeness.gaps(in: try reader().loadPlan(a), period: period)
        for gap in gaps {
            let change: (FieldRef, FieldValue)? = switch (gap.kind, gap.itemID, gap.sectionID) {
            case (.goalWithoutRating, let item?, _): (.rating(item: item, period: period), .rating(.partly))
            case (.goalWithoutAnalysis, let item?, _), (.deviationWithoutAnalysis, let item?, _):
                (.analysis(item: item, period: period), .text("Arbetet går framåt."))
            case (.activityWithoutStatus, let item?, _): (.status(item: item, period: period), .status(.done))
            case (.indicatorWithoutOutcome, let item?, _): (.outcome(item: item, period: period), .number(12))
            case (.emptySection, _, let section?): (.sectionText(section: section, period: period), .text("Sammanfattat."))
            default: nil
            }
            let (field, value) = try #require(change, "a gap the test does not fill: \(gap)")
            try store.set(field, to: value, in: a, expectedRevision: nil)
        }
    }
}
