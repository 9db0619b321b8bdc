import PlanKit

/// The chooser's words for someone who may only read the unit's plans.
extension Strings.Chooser {
    /// Next year's plan lacks the board's goals: said without offering a way to start it.
    public static let cascadeMissing = "VP: nämndens mål saknas"

    /// A period or next year's plan not started, on the line that offers to start it to those
    /// who may.
    public static func notStartedRow(_ period: ReportPeriod, year: Int) -> String {
        period == .vp ? "Verksamhetsplan \(year) är inte startad" : "\(followUpNamed(period)) är inte startad"
    }
}
