import PlanKit

/// How far the help and detail pages scroll: no further than their last line at the bottom of
/// the page, so that the keys back up take effect at once and the page is never scrolled blank.
extension View {
    /// The help page's scroll position, taken no further than its last screenful.
    static func clampedHelpScroll(_ state: AppState, to scroll: Int) -> Int {
        let layout = Layout(state)
        let lines = helpLines(state, layout, Theme(colors: state.colors, unicode: state.unicode))
        return max(0, min(scroll, lines.count - layout.body.height))
    }

    /// The detail page's scroll position, taken no further than its last screenful. Wraps the
    /// texts only a screenful beyond the position, as the page does.
    static func clampedDetailScroll(_ state: AppState, to scroll: Int) -> Int {
        guard let plan = state.plan, let selection = state.selection else { return 0 }
        let body = Layout(state).body
        let describe = Describe(plan: plan, period: state.period, theme: Theme(colors: state.colors, unicode: state.unicode))
        let lines = describe.detail(selection, width: body.width - 2, limit: max(0, scroll) + body.height + 1)
        return max(0, min(scroll, lines.count - body.height))
    }
}
