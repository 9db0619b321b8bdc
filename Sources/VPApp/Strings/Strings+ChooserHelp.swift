import PlanKit

/// The help page's words for the chooser of units, years and periods.
extension Strings.Chooser {
    /// The heading of the chooser's keys on the help page.
    public static let helpGroup = "Väljaren (t): enhet, år och period"
}
