import PlanKit

/// When the keys of the carry-over page do something for the selected line: the page hints a
/// key only then, and a key pressed anyway says why it does nothing.
enum CarryOverRules {
    /// Delete: only an item waiting to be placed can be let go, by someone who may change the plan.
    @Sendable static func drop(_ state: AppState) -> Availability {
        guard let entry = state.selectedCarryOver, entry.outcome == .needsPlacing, !entry.decided else {
            return .refused(Strings.App.onlyHeldCanDrop)
        }
        return state.readOnly ? .refused(state.readOnlyBanner) : .available
    }

    /// Enter: places (or confirms the placing of) an item waiting for a decision, or shows a
    /// carried item in the plan.
    @Sendable static func act(_ state: AppState) -> Availability {
        guard let entry = state.selectedCarryOver else { return .refused(Strings.App.noCarryOver) }
        if entry.needsDecision {
            if let handIn = state.handIn { return .refused(Strings.App.handedInRefusal(handIn)) }
            return state.readOnly ? .refused(state.readOnlyBanner) : .available
        }
        if let id = entry.placedID, state.plan?.items[id] != nil { return .available }
        return .refused(Strings.App.carriedNotInPlan)
    }
}
