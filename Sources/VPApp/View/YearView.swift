import PlanKit

/// Draws the year's parts: the carry-over page, the hand-in banner, and the year's questions
/// and lists on top of the page.
enum YearView {
    /// The banner of a handed-in report, in the status line when no message is there.
    static func drawBanner(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        guard state.status == nil, state.modal == nil, state.page == .plan || state.page == .detail,
              let handIn = state.handIn else { return }
        screen.fill(layout.statusLine)
        screen.putTruncated(Strings.App.handedInBanner(handIn), row: layout.statusLine.row, column: 1,
                            width: layout.width - 2, style: theme.warning, ellipsis: theme.ellipsis)
    }

    static func drawCarryOver(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        let body = layout.body
        let entries = state.carryOver
        screen.putTruncated(Strings.App.carryOverTitle(from: state.year.carryOverFromYear, undecided: state.year.undecided),
                            row: body.row, column: 1, width: body.width - 2, style: theme.label, ellipsis: theme.ellipsis)
        // The selected entry's detail takes the last lines of the body: as many as it needs, so
        // that what Enter and Delete do, said at its end, is not cut off; at most half the body.
        let detail: [String] = state.selectedCarryOver.map { entry -> [String] in
            let under = (entry.placedUnder ?? entry.placedID.flatMap { state.plan?.items[$0]?.parentID })
                .flatMap { state.plan?.items[$0]?.title(in: .vp) }
            return Wrap.lines(Strings.App.carryDetail(entry, placedUnder: under).trimmingCharacters(in: .whitespaces),
                              width: body.width - 2)
        } ?? []
        let detailHeight = min(max(3, detail.count), max(3, body.height / 2))
        let listTop = body.row + 2
        let visible = max(1, body.height - 2 - detailHeight - 1)
        let index = state.year.carryOverIndex
        let top = max(0, min(index - visible + 1, entries.count - visible))
        let stateWidth = ["Följde med", "Kontrollera", "Placera", "Genomförd", "Släppt"].map(DisplayWidth.of).max() ?? 10
        for (offset, entry) in entries.dropFirst(top).prefix(visible).enumerated() {
            let row = listTop + offset
            let word = Strings.App.carryState(entry)
            let style: Style = entry.needsDecision ? theme.warning : (entry.outcome == .dropped || entry.outcome == .finished ? theme.dim : .plain)
            let mark = entry.needsDecision ? "! " : "  "
            var column = 1 + screen.put(mark, row: row, column: 1, style: theme.error)
            column += screen.put(word.padding(toLength: stateWidth + 1, withPad: " ", startingAt: 0), row: row, column: column, style: style)
            screen.putTruncated("\(Strings.App.carryKind(entry.kind)): \(entry.title)", row: row, column: column,
                                width: body.width - column - 1, style: .plain, ellipsis: theme.ellipsis)
            if top + offset == index {
                screen.restyle(Rect(row: row, column: 0, height: 1, width: body.width)) { $0.reverse = true }
            }
        }
        guard state.selectedCarryOver != nil else {
            screen.put(Strings.App.noCarryOver, row: listTop, column: 2, style: theme.dim)
            return
        }
        let dividerRow = body.row + body.height - detailHeight - 1
        screen.put(String(repeating: theme.horizontal, count: body.width), row: dividerRow, column: 0, style: theme.frame)
        for (offset, line) in detail.prefix(detailHeight).enumerated() {
            screen.put(line, row: dividerRow + 1 + offset, column: 1, maxWidth: body.width - 2)
        }
    }

    static func drawModal(_ modal: YearModal, _ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        switch modal {
        case .confirmHandIn(let period):
            drawQuestion(Strings.App.handInQuestion(period, year: state.plan?.ref.year ?? 0), &screen, layout, theme,
                         hints: [("j", Strings.App.handInYes), ("n", Strings.App.handInNo)])
        case .confirmDrop(_, let title):
            drawQuestion(Strings.App.dropQuestion(title), &screen, layout, theme,
                         hints: [("j", Strings.App.dropYes), ("n", Strings.App.dropNo)])
        case .list(let list):
            drawList(list, &screen, layout, theme)
        }
    }

    private static func drawQuestion(_ text: String, _ screen: inout Screen, _ layout: Layout, _ theme: Theme, hints: [(String, String)]) {
        screen.fill(layout.statusLine)
        screen.putTruncated(text, row: layout.statusLine.row, column: 1, width: layout.width - 2, style: theme.warning, ellipsis: theme.ellipsis)
        screen.putHints(hints, row: layout.hintLine.row, width: layout.width, theme: theme)
    }

    /// A box in the middle of the body with a title and lines to choose from, scrolled to the selected one.
    private static func drawList(_ list: YearList, _ screen: inout Screen, _ layout: Layout, _ theme: Theme) {
        let body = layout.body
        let width = min(layout.width, max(40, (list.lines.map(DisplayWidth.of).max() ?? 10) + 6, DisplayWidth.of(list.title) + 4))
        let visible = max(1, min(list.lines.count, body.height - 2))
        let height = visible + 1
        let top = body.row + max(0, (body.height - height) / 2)
        let left = max(0, (layout.width - width) / 2)
        screen.fill(Rect(row: top, column: left, height: height, width: width), style: theme.hints)
        screen.putTruncated(" " + list.title, row: top, column: left, width: width, style: theme.hintKey, ellipsis: theme.ellipsis)
        let first = max(0, min(list.index - visible + 1, list.lines.count - visible))
        for (offset, line) in list.lines.dropFirst(first).prefix(visible).enumerated() {
            let style = first + offset == list.index ? theme.selected : theme.hints
            let row = top + 1 + offset
            screen.fill(Rect(row: row, column: left + 1, height: 1, width: width - 2), style: style)
            screen.putTruncated("  " + line, row: row, column: left + 1, width: width - 2, style: style, ellipsis: theme.ellipsis)
        }
        screen.putHints(YearListKeys.table.fixedHints, row: layout.hintLine.row, width: layout.width, theme: theme)
    }
}
