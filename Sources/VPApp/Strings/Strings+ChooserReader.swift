import PlanKit

/// The chooser's words for someone who may only read the unit's plans.
extension Strings.Chooser {
    /// Next year's plan lacks the board's goals: said without offering a way to start it.
    public static let cascadeMissing = "VP: nämndens mål saknas"
}
