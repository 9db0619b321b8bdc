import PlanKit

/// The app's words for keys refused on the selected line, beyond the common ones in Strings+App.
extension Strings.App {
    /// Delete in T1, T2 or VB: own goals and activities are removed where they are planned.
    public static let deleteOnlyInPlan = "Egna mål och aktiviteter tas bort i verksamhetsplanen (VP); byt period med t."
}
