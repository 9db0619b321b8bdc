import PlanKit

/// The keys of the overview of what is missing.
enum OverviewKeys {
    static let table = KeyTable([
        Binding([.escape, .character("o"), .enter], hint: Hint("Esc", "Tillbaka")) { _, state in state.page = .plan; return [] },
        Binding([.character("?")], hint: Hint("?", "Hjälp")) { _, state in Update.openHelp(&state); return [] },
        Binding([.character("q"), .control("c")], hint: Hint("q", "Avsluta")) { _, _ in [.quit] },
    ])
}
