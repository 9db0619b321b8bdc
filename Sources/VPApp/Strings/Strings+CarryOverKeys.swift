import PlanKit

/// Why a key of the carry-over page does nothing for the selected line.
extension Strings.App {
    public static let carriedNotInPlan = "Posten finns inte i årets plan; det finns inget att visa."
}
