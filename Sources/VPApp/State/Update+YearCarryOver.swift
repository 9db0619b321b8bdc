import PlanKit

/// The list of what starting the year carried over: walked line by line, each item that found
/// no nämndmål placed under one (a list to pick from) or let go (after a j/n question).
extension Update {
    /// The list opens by itself once per session when the plan (VP) has items waiting for a decision.
    static func openCarryOverOnce(_ state: inout AppState) {
        guard let ref = state.plan?.ref, state.period == .vp, state.page == .plan, state.modal == nil,
              state.year.undecided > 0, !state.year.carryOverShown.contains(ref) else { return }
        state.year.carryOverShown.insert(ref)
        openCarryOver(&state)
        state.year.carryOverIndex = state.year.carryOver.firstIndex(where: \.needsDecision) ?? 0
    }

    static func openCarryOver(_ state: inout AppState) {
        state.page = .carryOver
        state.year.carryOverIndex = min(state.year.carryOverIndex, max(0, state.carryOver.count - 1))
    }

    static func moveInCarryOver(by delta: Int, _ state: inout AppState) {
        let count = state.carryOver.count
        guard count > 0 else { return }
        state.year.carryOverIndex = min(max(0, state.year.carryOverIndex + delta), count - 1)
    }

    /// Enter on a line: place a held item, confirm a close match, or show a carried item in the plan.
    static func actOnCarryOver(_ state: inout AppState) -> [Effect] {
        guard let entry = state.selectedCarryOver, let plan = state.plan else { return [] }
        if entry.needsDecision {
            if refuseIfReadOnly(&state) { return [] }
            if entry.outcome == .placedByCloseWording { return [.year(.place(sourceID: entry.sourceID, under: nil))] }
            let goals = plan.walk(in: .vp).filter { $0.level == .boardGoal }
            guard !goals.isEmpty else {
                state.status = StatusMessage(Strings.App.noBoardGoals, isError: true)
                return []
            }
            state.modal = .year(.list(YearList(kind: .placement(sourceID: entry.sourceID, goals: goals.map(\.id)),
                                               title: Strings.App.placeTitle, lines: goals.map { $0.title(in: .vp) })))
            return []
        }
        if let id = entry.placedID, plan.items[id] != nil {
            state.page = .plan
            reveal(.item(id), &state)
        }
        return []
    }

    /// Delete on a line: let a held item go, after a j/n question.
    static func askDropCarried(_ state: inout AppState) {
        guard let entry = state.selectedCarryOver else { return }
        guard entry.outcome == .needsPlacing, !entry.decided else {
            state.status = StatusMessage(Strings.App.onlyHeldCanDrop, isError: true)
            return
        }
        if refuseIfReadOnly(&state) { return }
        state.modal = .year(.confirmDrop(sourceID: entry.sourceID, title: entry.title))
    }

    /// Enter in one of the year's lists.
    static func choose(_ list: YearList, _ state: inout AppState) -> [Effect] {
        state.modal = nil
        switch list.kind {
        case .gaps(let targets):
            guard targets.indices.contains(list.index) else { return [] }
            state.page = .plan
            reveal(targets[list.index], &state)
            return []
        case .placement(let sourceID, let goals):
            guard goals.indices.contains(list.index) else { return [] }
            return [.year(.place(sourceID: sourceID, under: goals[list.index]))]
        }
    }

    /// j to a question of the year.
    static func confirm(_ modal: YearModal, _ state: inout AppState) -> [Effect] {
        state.modal = nil
        state.status = nil
        switch modal {
        case .confirmHandIn(let period): return [.year(.handIn(period))]
        case .confirmDrop(let sourceID, _): return [.year(.drop(sourceID: sourceID))]
        case .list: return []
        }
    }
}

extension AppState {
    var selectedCarryOver: CarryOverEntry? {
        carryOver.indices.contains(year.carryOverIndex) ? carryOver[year.carryOverIndex] : nil
    }
}
