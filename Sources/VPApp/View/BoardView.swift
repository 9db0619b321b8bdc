import PlanKit

/// Draws the board's status table: a title, a summary, the column heads and one line per unit.
enum BoardView {
    typealias Words = Strings.Board

    /// Lines of units the body has room for.
    static func visibleRows(_ state: AppState) -> Int {
        max(1, Layout(state).body.height - 4)
    }

    static func draw(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        guard let board = state.board else { return }
        let body = layout.body
        screen.putTruncated(Words.title(board.status), row: body.row, column: 1, width: body.width - 2, style: theme.label,
                            ellipsis: theme.ellipsis)
        let summary = board.isCounting ? Strings.BoardCounting.summary(board.status, shown: board.rows.count, filter: board.filter)
            : Words.summary(board.status, shown: board.rows.count, filter: board.filter)
        screen.putTruncated(summary + " · " + Words.sortedBy(board.sort), row: body.row + 1, column: 1, width: body.width - 2, style: theme.dim,
                            ellipsis: theme.ellipsis)
        let columns = BoardColumns(width: body.width - 2, longestUnit: board.longestUnitName,
                                   longestDepartment: board.longestDepartmentName, withDepartment: board.status.scopeKind != .department)
        drawLine(&screen, Words.headers, row: body.row + 2, columns: columns, style: theme.label, theme: theme)
        if board.rows.isEmpty {
            screen.put(Words.noMatch, row: body.row + 4, column: 2, style: theme.error, maxWidth: body.width - 4)
            return
        }
        let visible = visibleRows(state)
        for (offset, line) in board.rows.dropFirst(board.scroll).prefix(visible).enumerated() {
            let row = body.row + 3 + offset
            let selected = board.scroll + offset == board.index
            let style: Style = line.error != nil ? theme.error : .plain
            drawLine(&screen, cells(line, counting: board.isCounting), row: row, columns: columns, style: style, theme: theme)
            if selected {
                screen.restyle(Rect(row: row, column: 1, height: 1, width: body.width - 2)) { $0.reverse = true }
            }
        }
    }

    /// While the table is `counting`, a unit with a plan has its name and department only.
    static func cells(_ line: UnitStatusLine, counting: Bool = false) -> [String] {
        let department = line.department ?? "–"
        if let error = line.error { return [line.unit, department, Words.damaged, "", error, ""] }
        if counting && !line.noPlan { return [line.unit, department, Strings.BoardCounting.cell, "", "", ""] }
        let state = line.noPlan ? Words.noPlan : line.state.map(Strings.periodState) ?? ""
        let ratings = "\(line.ratings.fully)/\(line.ratings.partly)/\(line.ratings.not)/\(line.ratings.unrated)"
        return [line.unit, department, state, "\(line.gaps ?? 0)", ratings, "\(line.deviations)"]
    }

    /// A line's cells, one for each of `BoardColumns.Column` in its order; a damaged unit's
    /// message stands where the ratings would, and runs on over the columns after it.
    private static func drawLine(_ screen: inout Screen, _ cells: [String], row: Int, columns: BoardColumns, style: Style,
                                 theme: Theme) {
        var column = 1
        for (index, (kind, width)) in columns.shown.enumerated() {
            let cell = cells[kind.rawValue]
            let text = kind.isCount ? String(repeating: " ", count: max(0, width - DisplayWidth.of(cell))) + cell : cell
            let room = kind == .ratings ? columns.table.widthFrom(index) : width
            screen.putTruncated(text, row: row, column: column, width: room, style: style, ellipsis: theme.ellipsis)
            column += width + BoardColumns.gap
        }
    }
}
