import PlanKit

extension Update {
    /// Enter on next year's plan, with the list read again: the board's goals imported since
    /// (as the notice said to) are found and the start is asked about; otherwise the notice
    /// says how to import them.
    static func recheckedStart(_ data: ChooserData, statesValid: Bool, _ state: inout AppState) -> [Effect] {
        if !statesValid { state.chooser.states = [:] }
        state.chooser.load(data)
        var effects: [Effect] = []
        if state.page == .chooser, let row = state.chooser.selectedRow {
            switch state.chooser.startRequest(row) {
            case .failure(let refusal)?:
                state.chooser.notice = ChooserWords.cascadeMissing(board: refusal.board, year: refusal.year)
            case .success?:
                effects = chooserEnter(&state)
            case nil:
                break
            }
        }
        guard state.page == .chooser else { return effects }
        let refs = data.units.flatMap { unit in unit.plans.map { PlanRef(unitID: unit.unit.id, year: $0.year) } }
            .filter { state.chooser.states[$0] == nil }
        return effects + wantVisibleStates(state) + (refs.isEmpty ? [] : [.wantStates(refs, urgent: false)])
    }
}
