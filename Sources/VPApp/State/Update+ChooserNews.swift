import PlanKit

extension Update {
    /// Others changed plans on the server: their period states are forgotten and, while the
    /// chooser shows, read again (those on the screen first); a new list keeps the line selected.
    static func plansChangedElsewhere(_ plans: Set<PlanRef>, list: ChooserData?, _ state: inout AppState) -> [Effect] {
        for plan in plans { state.chooser.states[plan] = nil }
        if let list { state.chooser.load(list) }
        guard state.page == .chooser else { return [] }
        let listed = state.chooser.data.units.flatMap { unit in unit.plans.map { PlanRef(unitID: unit.unit.id, year: $0.year) } }
            .filter { plans.contains($0) }
        return wantVisibleStates(state) + (listed.isEmpty ? [] : [.wantStates(listed, urgent: false)])
    }
}
