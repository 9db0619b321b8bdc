import PlanKit

/// The keys of the list of units, years and periods.
enum ChooserKeys {
    static let table = KeyTable([
        Binding([.up, .character("k"), .down, .character("j")], hint: Hint("↑↓", "Välj")) { key, state in
            state.chooserIndex = key == .up || key == .character("k") ? max(0, state.chooserIndex - 1)
                : min(max(0, state.choices.count - 1), state.chooserIndex + 1)
            return []
        },
        Binding([.home, .end]) { key, state in
            state.chooserIndex = key == .home ? 0 : max(0, state.choices.count - 1); return []
        },
        Binding([.enter], hint: Hint("Enter", "Öppna")) { _, state in
            state.openedFromBoard = false
            return state.choices.indices.contains(state.chooserIndex) ? [.open(state.choices[state.chooserIndex])] : []
        },
        // The status table of the chosen plan's board or department, for its year and period.
        Binding([.character("n"), .character("a")], hint: Hint("n/a", Strings.Board.chooserBoardHint + "/" + Strings.Board.chooserDepartmentHint)) { key, state in
            guard state.choices.indices.contains(state.chooserIndex) else { return [] }
            let choice = state.choices[state.chooserIndex]
            return [.openBoard(unitID: choice.unitID, level: key == .character("n") ? .board : .department, year: choice.year,
                               period: choice.period)]
        },
        // Back to the plan on the screen, if there is one.
        Binding([.escape]) { _, state in
            if state.plan != nil { state.page = .plan }
            return []
        },
        Binding([.character("?")], hint: Hint("?", "Hjälp")) { _, state in Update.openHelp(&state); return [] },
        Binding([.character("q"), .control("c")], hint: Hint("q", "Avsluta")) { _, _ in [.quit] },
    ])
}
