import PlanKit

/// The keys of the board's status table: move, sort, filter by typing, open a unit.
enum BoardKeys {
    typealias Words = Strings.Board
    typealias HelpWords = Strings.RollupPage

    // Hints in the order a narrow line keeps them: the first ones and the last two stay, so
    // sorting, filtering, opening, the roll-up and the way back are always on screen.
    static let table = KeyTable([
        Binding([.up, .down], .board, HelpWords.helpBoardMove, hint: Hint("↑↓", Words.hintMove, place: 4)) { key, state in
            move(&state, by: key == .up ? -1 : 1); return []
        },
        Binding([.pageUp, .pageDown]) { key, state in
            let page = max(1, Layout(state).body.height - 4)
            move(&state, by: key == .pageUp ? -page : page); return []
        },
        Binding([.home, .end]) { key, state in
            move(&state, by: key == .home ? Int.min / 2 : Int.max / 2); return []
        },
        Binding([.tab], .board, HelpWords.helpBoardSort, hint: Hint("Tab", Words.hintSort, place: 0)) { _, state in
            state.board?.cycleSort()
            if let sort = state.board?.sort { state.status = StatusMessage(Words.sortedBy(sort)) }
            return []
        },
        // A unit's name has no "?": it asks for the help, as in the chooser, rather than filtering.
        Binding([.character("?")], hint: Hint("?", HelpWords.hintHelp, place: 3)) { _, state in
            Update.openHelp(&state); return []
        },
        Binding([], anyCharacter: true, hint: Hint(Words.typeKey, Words.hintFilter, place: 1)) { key, state in
            guard case .character(let character) = key, var board = state.board else { return [] }
            board.setFilter(board.filter + String(character))
            state.board = board
            return []
        },
        Binding([.backspace], .board, HelpWords.helpBoardFilter) { _, state in
            guard var board = state.board, !board.filter.isEmpty else { return [] }
            board.setFilter(String(board.filter.dropLast()))
            state.board = board
            return []
        },
        Binding([.enter], .board, HelpWords.helpBoardOpen, hint: Hint("Enter", Words.hintOpen, place: 2)) { _, state in
            guard let board = state.board, let line = board.selected else { return [] }
            if line.error != nil || line.noPlan {
                state.status = StatusMessage(Words.cannotOpen(line.unit), isError: true)
                return []
            }
            state.openedFromBoard = true
            state.openedFromRollup = false
            state.status = nil
            return [.open(PlanChoice(unitID: line.unitID, unitName: line.unit, year: board.status.year, period: board.status.period))]
        },
        // The same report as `vp-tui export --namnd`, read for the table's board or department and period.
        Binding([.control("r")], .board, HelpWords.helpBoardRollup, hint: Hint("Ctrl-R", HelpWords.boardHint, place: 6)) { _, state in
            guard let status = state.board?.status else { return [] }
            state.status = StatusMessage(HelpWords.loading)
            return [.openRollup(scopeID: status.scopeID, kind: status.scopeKind, year: status.year, period: status.period)]
        },
        // A filter first goes; then back to the chooser.
        Binding([.escape], .board, HelpWords.helpBoardBack, hint: Hint("Esc", Words.hintBack, place: 7)) { _, state in
            if let board = state.board, !board.filter.isEmpty {
                state.board?.setFilter("")
                return []
            }
            state.page = .chooser
            return [.loadChoices]
        },
        Binding([.control("c")], hint: Hint("Ctrl-C", Words.hintQuit, place: 5)) { _, _ in [.quit] },
    ])

    static func move(_ state: inout AppState, by offset: Int) {
        guard var board = state.board, !board.rows.isEmpty else { return }
        board.index = min(max(0, board.index + offset), board.rows.count - 1)
        let visible = BoardView.visibleRows(state)
        if board.index < board.scroll { board.scroll = board.index }
        if board.index >= board.scroll + visible { board.scroll = board.index - visible + 1 }
        state.board = board
    }
}
