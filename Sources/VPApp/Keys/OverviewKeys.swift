import PlanKit

/// The keys of the overview of what is missing, one line per goal area.
enum OverviewKeys {
    static let table = KeyTable([
        Binding([.up, .character("k"), .down, .character("j")], hint: Hint("↑↓", "Välj")) { key, state in
            let count = Update.overviewAreas(state).count
            state.overviewIndex = key == .up || key == .character("k") ? max(0, state.overviewIndex - 1)
                : min(max(0, count - 1), state.overviewIndex + 1)
            return []
        },
        Binding([.enter], hint: Hint("Enter", "Gå dit")) { _, state in
            let areas = Update.overviewAreas(state)
            state.page = .plan
            if areas.indices.contains(state.overviewIndex), let target = areas[state.overviewIndex].target {
                Update.reveal(target, &state)
            }
            return []
        },
        Binding([.escape, .character("o")], hint: Hint("Esc", "Tillbaka")) { _, state in state.page = .plan; return [] },
        Binding([.character("?")], hint: Hint("?", "Hjälp")) { _, state in Update.openHelp(&state); return [] },
        Binding([.character("q"), .control("c")], hint: Hint("q", "Avsluta")) { _, _ in [.quit] },
    ])
}
