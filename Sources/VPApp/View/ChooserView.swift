import PlanKit

/// Draws the chooser: a title, the filter, and the lines of the units the filter lets through,
/// grouped under their board and department, each plan's periods in the order of the year with
/// their state, and the period that can be started next.
enum ChooserView {
    typealias Words = Strings.Chooser

    static func draw(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        let body = layout.body
        let chooser = state.chooser
        screen.put(Words.title, row: body.row, column: 1, style: theme.label)
        let count = Words.shown(chooser.shownUnits, of: chooser.data.units.count)
        let countColumn = body.width - 1 - DisplayWidth.of(count)
        if countColumn > DisplayWidth.of(Words.title) + 3 { screen.put(count, row: body.row, column: countColumn, style: theme.dim) }
        if chooser.filter.isEmpty {
            screen.putTruncated(Words.filterEmpty, row: body.row + 1, column: 1, width: body.width - 2, style: theme.dim,
                                ellipsis: theme.ellipsis)
        } else {
            screen.putTruncated(Words.filter(chooser.filter, cursor: theme.unicode ? "▏" : "_"), row: body.row + 1, column: 1,
                                width: body.width - 2, style: theme.warning, ellipsis: theme.ellipsis)
        }
        if chooser.data.units.isEmpty {
            screen.put(Strings.App.noChoice, row: body.row + 3, column: 2, style: theme.error, maxWidth: body.width - 4)
            return
        }
        if chooser.rows.isEmpty {
            // Wrapped, not cut: the way out (Backsteg, Esc) is at its end, after the filter however long.
            let lines = Wrap.lines(Words.noMatch(chooser.filter), width: body.width - 4, limit: max(1, body.height - 3))
            for (offset, line) in lines.enumerated() {
                screen.put(line, row: body.row + 3 + offset, column: 2, style: theme.error, maxWidth: body.width - 4)
            }
            return
        }
        drawRows(&screen, state, layout, theme)
        if let notice = chooser.notice {
            View.drawQuestion(&screen, notice + " " + Words.anyKeyCloses, layout, theme)
        }
    }

    private static func drawRows(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        let body = layout.body
        let chooser = state.chooser
        let visible = Update.chooserVisibleRows(state)
        let rows = chooser.rows
        let end = min(rows.count, chooser.scroll + visible)
        guard chooser.scroll < end else { return }
        for index in chooser.scroll..<end {
            let row = body.row + 2 + index - chooser.scroll
            let line = chooser.lines.cells(index, width: screen.width, theme: theme) { blank in
                drawRow(&blank, rows[index], at: index, row: 0, state: state, width: body.width, theme: theme)
            }
            screen.setRow(row, to: line)
            if index == chooser.index {
                screen.restyle(Rect(row: row, column: 1, height: 1, width: body.width - 2)) { $0.reverse = true }
            }
        }
    }

    /// Where a unit's lines start: under its department, or straight under its board.
    private static func unitColumn(_ unit: ChooserUnit) -> Int { unit.department == nil ? 3 : 5 }

    private static func drawRow(_ screen: inout Screen, _ line: ChooserRow, at index: Int, row: Int, state: AppState,
                                width: Int, theme: Theme) {
        let chooser = state.chooser
        let units = chooser.data.units
        switch line {
        case .board(let unit):
            screen.putTruncated(units[unit].board?.name ?? Words.noBoard, row: row, column: 1, width: width - 2,
                                style: theme.label, ellipsis: theme.ellipsis)
        case .department(let unit):
            screen.putTruncated(units[unit].department?.name ?? "", row: row, column: 3, width: width - 4, style: theme.dim,
                                ellipsis: theme.ellipsis)
        case .unit(let unit):
            let column = unitColumn(units[unit])
            screen.putTruncated(units[unit].unit.displayName, row: row, column: column, width: width - column - 1, style: theme.own,
                                ellipsis: theme.ellipsis)
        case .period(let unit, let plan, let period):
            let column = unitColumn(units[unit]) + 2
            let summary = units[unit].plans[plan]
            // The year heads the plan's first period; the periods under it leave it blank.
            let year = period == summary.periods.min() ? "\(summary.year)" : "    "
            let text = "\(year)  \(Strings.periodName(period))  \(Strings.documentName(period))"
            screen.putTruncated(text, row: row, column: column, width: width - column - 1, style: .plain, ellipsis: theme.ellipsis)
            let (label, style) = stateLabel(chooser.states[PlanRef(unitID: units[unit].unit.id, year: summary.year)], period, theme)
            let stateColumn = max(column + DisplayWidth.of(text) + 2, min(width - 14, column + 40))
            screen.putTruncated(label, row: row, column: stateColumn, width: max(0, width - stateColumn - 1), style: style,
                                ellipsis: theme.ellipsis)
        case .start(let unit, let year, let period):
            let column = unitColumn(units[unit]) + 2
            let mark = theme.unicode ? "＋" : "+"
            let text: String
            let mayStart = state.mayStart(unitID: units[unit].unit.id)
            switch chooser.startRequest(line) {
            // Enter shows how to import the goals, to those who may start the plan once they are in.
            case .failure?: text = "\(year)  " + (mayStart ? Words.cascadeMissingRow : Words.cascadeMissing)
            // To someone who may only read, the line tells what is not started, offering nothing.
            default: text = (period == .vp ? "\(year)" : "    ") + "  "
                + (mayStart ? "\(mark) " + Words.startRow(period, year: year) : Words.notStartedRow(period, year: year))
            }
            screen.putTruncated(text, row: row, column: column, width: width - column - 1, style: theme.dim, ellipsis: theme.ellipsis)
        }
    }

    private static func stateLabel(_ states: ChooserPlanStates?, _ period: ReportPeriod, _ theme: Theme) -> (String, Style) {
        guard let read = states else { return (Words.stateUnknown, theme.dim) }
        guard let states = read else { return (Words.stateUnreadable, theme.error) }
        let state = states[period]
        let style: Style = switch state {
        case .notStarted: theme.dim
        case .ongoing: theme.warning
        case .complete: theme.ok
        case .submitted: theme.label
        }
        return (Strings.periodState(state), style)
    }
}
