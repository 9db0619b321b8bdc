import PlanKit

/// Draws the roll-up page: where the selection is among the nämndmål, then the report's lines.
enum RollupView {
    typealias Words = Strings.RollupPage

    /// Lines of the report the body has room for, under the position line.
    static func visibleRows(_ state: AppState) -> Int {
        max(1, Layout(state).body.height - 1)
    }

    static func draw(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        guard let page = state.rollup else { return }
        let body = layout.body
        let position = Words.position(goal: page.currentGoal.map { $0 + 1 }, of: page.goalStarts.count)
        screen.putTruncated(position, row: body.row, column: 1, width: body.width - 2, style: theme.dim, ellipsis: theme.ellipsis)
        let visible = visibleRows(state)
        for (offset, line) in page.lines.dropFirst(page.scroll).prefix(visible).enumerated() {
            let row = body.row + 1 + offset
            let column = 1 + min(line.indent, max(0, body.width - 12))
            screen.putTruncated(line.text, row: row, column: column, width: max(1, body.width - 1 - column),
                                style: style(line.kind, theme), ellipsis: theme.ellipsis)
            if page.scroll + offset == page.index {
                screen.restyle(Rect(row: row, column: 0, height: 1, width: body.width)) { $0.reverse = true }
            }
        }
    }

    private static func style(_ kind: RollupLine.Kind, _ theme: Theme) -> Style {
        switch kind {
        case .title, .boardGoal, .heading: return theme.label
        case .council, .dim: return theme.dim
        case .warning: return theme.warning
        case .plain: return .plain
        }
    }
}
