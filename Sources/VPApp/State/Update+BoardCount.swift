import PlanKit

/// How the board's table takes its counts, which come after its first frame.
extension Update {
    /// The counts of the table shown, if it is still waiting for them; the selected unit stays
    /// selected, and on the screen.
    static func takeBoardCount(_ status: BoardStatus, _ state: inout AppState) {
        guard var board = state.board, board.isCounting, board.status.scopeID == status.scopeID,
              board.status.year == status.year, board.status.period == status.period else { return }
        board.takeCounts(status)
        state.board = board
        BoardKeys.move(&state, by: 0)
    }

    /// The table cannot be counted: said, and the table goes, back to the chooser if it was shown.
    static func failBoardCount(_ message: String, _ state: inout AppState) {
        guard state.board?.isCounting == true else { return }
        state.board = nil
        if state.page == .board { state.page = .chooser }
        state.status = StatusMessage(message, isError: true)
    }
}
