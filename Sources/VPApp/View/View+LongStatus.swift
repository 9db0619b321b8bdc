import PlanKit

/// A status message longer than the status line: shown whole, wrapped over the rows above the
/// status line, until a key takes the message away. A message that says the file is damaged and
/// how to get back to a good copy must be read to its end, even on 80 columns.
extension View {
    /// The message's lines when it does not fit on the status line, or nil when it does (or
    /// when the rows above belong to something else: see `hasRoomAbove`). At most half the body
    /// is given to it, so the page under it stays in sight.
    static func longStatusLines(_ state: AppState, _ layout: Layout) -> [String]? {
        guard let status = state.status, hasRoomAbove(state) else { return nil }
        let width = layout.width - 2
        guard width > 0, DisplayWidth.of(status.text) > width else { return nil }
        let limit = max(2, layout.body.height / 2)
        return Wrap.lines(status.text, width: width, limit: limit)
    }

    /// Whether the message may take rows above the status line. Not while the status line
    /// holds a prompt or a question, and not over an open editor, whose cursor may be on those
    /// rows: the editor shows the message's start, the page after it the whole message.
    static func hasRoomAbove(_ state: AppState) -> Bool {
        switch state.modal {
        case .prompt?, .confirmDelete?, .editor?: return false
        default: return true
        }
    }

    /// Draws the wrapped message so that its last line is the status line, with a rule above it
    /// that sets it apart from the page. Drawn after any open editor, which would cover it.
    static func drawLongStatus(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        guard let status = state.status, let lines = longStatusLines(state, layout) else { return }
        let statusRow = layout.statusLine.row
        let top = statusRow - lines.count + 1
        let style = status.isError ? theme.error : theme.ok
        screen.fill(Rect(row: top - 1, column: 0, height: lines.count + 1, width: layout.width))
        screen.put(String(repeating: theme.horizontal, count: layout.width), row: top - 1, column: 0, style: theme.frame)
        if state.page == .plan && state.modal == nil {
            screen.put(Strings.App.dismissLongStatus, row: top - 1, column: 2, style: theme.label)
        }
        for (offset, line) in lines.enumerated() {
            screen.put(line, row: top + offset, column: 1, style: style, maxWidth: layout.width - 2)
        }
    }
}
