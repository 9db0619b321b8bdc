import PlanKit

/// The keys of the roll-up page: scroll, jump between nämndmål, open the unit of a line, back
/// to the board's table.
enum RollupKeys {
    typealias Words = Strings.RollupPage

    // Hints in the order a narrow line keeps them: the first ones and the last two stay.
    static let table = KeyTable([
        Binding([.up, .down, .character("k"), .character("j")], .board, Words.helpMove, hint: Hint("↑↓", Words.hintMove, place: 2)) { key, state in
            move(&state, by: key == .up || key == .character("k") ? -1 : 1); return []
        },
        Binding([.pageUp, .pageDown]) { key, state in
            let page = max(1, RollupView.visibleRows(state) - 1)
            move(&state, by: key == .pageUp ? -page : page); return []
        },
        Binding([.home, .end]) { key, state in
            move(&state, by: key == .home ? Int.min / 2 : Int.max / 2); return []
        },
        Binding([.tab, .character("n")], .board, Words.helpNextGoal, hint: Hint("Tab/n", Words.hintNextGoal, place: 0)) { _, state in
            jump(&state, forward: true); return []
        },
        Binding([.character("N")], .board, Words.helpPreviousGoal, hint: Hint("N", Words.hintPreviousGoal, place: 1)) { _, state in
            jump(&state, forward: false); return []
        },
        Binding([.enter], .board, Words.helpOpen, hint: Hint("Enter", Words.hintOpen, place: 5)) { _, state in
            openUnit(&state)
        },
        Binding([.escape], .board, Words.helpBack, hint: Hint("Esc", Words.hintBack, place: 6)) { _, state in
            state.page = .board
            state.rollup = nil
            state.openedFromRollup = false
            state.status = nil
            return []
        },
        Binding([.character("?")], hint: Hint("?", Words.hintHelp, place: 3)) { _, state in
            Update.openHelp(&state); return []
        },
        Binding([.control("c"), .character("q")], hint: Hint("q", Words.hintQuit, place: 4)) { _, _ in [.quit] },
    ])

    static func move(_ state: inout AppState, by offset: Int) {
        let visible = RollupView.visibleRows(state)
        state.rollup?.move(by: offset, visible: visible)
    }

    static func jump(_ state: inout AppState, forward: Bool) {
        let visible = RollupView.visibleRows(state)
        state.rollup?.jumpToGoal(forward: forward, visible: visible)
    }

    /// The report of the unit the selected line speaks of, for the roll-up's period; Esc on the
    /// plan comes back here.
    static func openUnit(_ state: inout AppState) -> [Effect] {
        guard let page = state.rollup else { return [] }
        guard let line = page.selected, let unitID = line.unitID, let name = line.unitName else {
            state.status = StatusMessage(Words.noUnitOnLine, isError: true)
            return []
        }
        guard page.rollup.units.contains(where: { $0.id == unitID }) else {
            state.status = StatusMessage(Words.cannotOpen(name), isError: true)
            return []
        }
        state.openedFromBoard = true
        state.openedFromRollup = true
        state.status = nil
        return [.open(PlanChoice(unitID: unitID, unitName: name, year: page.rollup.year, period: page.rollup.period))]
    }
}
