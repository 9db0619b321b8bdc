import PlanKit

/// The board's cascade of 2021 again as 2022's, with one nämndmål reworded slightly and one
/// replaced by a goal of other wording, so that each way of carrying over is met.
public enum NextYearCascade {
    public static let reworded = "ha-2021-nm-13"
    public static let replaced = "ha-2021-nm-14"

    struct NoCascade: Error {}

    public static func make(from store: PlanStore) throws -> InterchangeFile {
        guard let old = try store.storedCascade(board: "hagersten-alvsjo", year: 2021) else { throw NoCascade() }
        func renamed(_ goal: GoalRecord) -> GoalRecord {
            var goal = goal
            if goal.id == reworded { goal.title = goal.title.replacingOccurrences(of: "verksamheterna", with: "verksamheten") }
            if goal.id == replaced { goal.title = "Nämnden främjar idrott och kultur för alla barn" }
            goal.id = goal.id.replacingOccurrences(of: "2021", with: "2022")
            goal.parent = goal.parent?.replacingOccurrences(of: "2021", with: "2022")
            goal.revisions = nil
            goal.indicators = goal.indicators?.map { var indicator = $0; indicator.id = indicator.id.replacingOccurrences(of: "2021", with: "2022"); return indicator }
            goal.activities = goal.activities?.map { activity in
                var activity = activity
                activity.id = activity.id.replacingOccurrences(of: "2021", with: "2022")
                activity.start = activity.start?.replacingOccurrences(of: "2021", with: "2022")
                activity.end = activity.end?.replacingOccurrences(of: "2021", with: "2022")
                return activity
            }
            goal.children = goal.children?.map(renamed)
            return goal
        }
        return InterchangeFile(cascades: [CascadeRecord(board: "hagersten-alvsjo", year: 2022, goals: old.goals.map(renamed))])
    }
}
