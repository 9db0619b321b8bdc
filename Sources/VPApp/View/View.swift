import PlanKit

/// Draws the state into a grid of cells. Never touches the terminal.
public enum View {
    public static func render(_ state: AppState) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        let layout = Layout(state)
        let theme = Theme(colors: state.colors, unicode: state.unicode)
        if layout.isTooSmall {
            drawTooSmall(&screen, theme: theme)
            return screen
        }
        drawHeader(&screen, state, layout, theme)
        // The editor covers the whole body: the page under it would be drawn for nothing on every key.
        let editorOpen: Bool
        if case .editor? = state.modal { editorOpen = true } else { editorOpen = false }
        if !editorOpen {
            switch state.page {
            case .chooser: ChooserView.draw(&screen, state, layout, theme)
            case .board: BoardView.draw(&screen, state, layout, theme)
            case .rollup: RollupView.draw(&screen, state, layout, theme)
            case .help: drawHelp(&screen, state, layout, theme)
            case .overview: drawOverview(&screen, state, layout, theme)
            case .detail: drawDetailPage(&screen, state, layout, theme)
            case .plan: drawPlan(&screen, state, layout, theme)
            case .carryOver: YearView.drawCarryOver(&screen, state, layout, theme)
            }
        }
        drawStatus(&screen, state, layout, theme)
        YearView.drawBanner(&screen, state, layout, theme)
        drawHints(&screen, state, layout, theme)
        if let modal = state.modal {
            drawModal(modal, &screen, state, layout, theme)
        }
        drawLongStatus(&screen, state, layout, theme)
        return screen
    }

    private static func drawTooSmall(_ screen: inout Screen, theme: Theme) {
        let lines = [Strings.App.tooSmall,
                     Strings.App.tooSmallDetail(width: screen.width, height: screen.height, minWidth: Layout.minWidth, minHeight: Layout.minHeight)]
        for (index, line) in lines.enumerated() {
            let row = screen.height / 2 - 1 + index
            var column = 0
            var text = line
            if DisplayWidth.of(line) < screen.width { column = (screen.width - DisplayWidth.of(line)) / 2 } else { text = line }
            screen.put(text, row: max(0, row), column: column, style: index == 0 ? theme.error : .plain)
        }
    }

    private static func drawHeader(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        screen.fill(layout.header, style: theme.header)
        var title: String
        if let plan = state.plan {
            title = " " + Strings.App.header(unit: plan.unit.displayName, year: plan.ref.year, period: state.period)
        } else {
            title = " vp-tui"
        }
        var titleWidth = layout.width
        if let plan = state.plan, state.page == .plan || state.page == .detail {
            // Lines that lack something: what the overview counts and `n` visits. In a narrow
            // window the title gives way to it, first to its short form ("VB 2021"), since the
            // count is what the person works down.
            let text = (state.handIn == nil ? Strings.App.missingCount(state.missingTargets.count) : Strings.App.headerHandedIn) + " "
            let column = layout.width - DisplayWidth.of(text)
            if column - 2 < DisplayWidth.of(title) {
                title = " " + Strings.App.shortHeader(unit: plan.unit.displayName, year: plan.ref.year, period: state.period)
            }
            if column - 2 >= min(DisplayWidth.of(title), minHeaderTitle) {
                screen.put(text, row: 0, column: column, style: theme.header)
                titleWidth = column - 2
            }
        }
        screen.putTruncated(title, row: 0, column: 0, width: titleWidth, style: theme.header, ellipsis: theme.ellipsis)
    }

    /// The columns the header's title keeps at least before the count of what is missing gives way.
    static let minHeaderTitle = 24

    // MARK: The plan page

    private static func drawPlan(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        guard let plan = state.plan else { return }
        let describe = Describe(plan: plan, period: state.period, theme: theme)
        let rows = state.rows
        let gapTargets = state.missingTargets
        let area = layout.outline
        for (offset, row) in rows.dropFirst(state.scrollTop).prefix(area.height).enumerated() {
            drawOutlineRow(row, at: area.row + offset, in: area, selected: row.target == state.selection,
                           arrow: layout.compact, missing: gapTargets.contains(row.target), describe: describe, &screen, theme)
        }
        guard layout.showsDetail else { return }
        // The divider between outline and detail.
        let divider = layout.divider
        if layout.isSideBySide {
            for row in divider.row..<(divider.row + divider.height) { screen[row, divider.column] = Cell(theme.vertical, style: theme.frame) }
        } else {
            screen.put(String(repeating: theme.horizontal, count: divider.width), row: divider.row, column: 0, style: theme.frame)
        }
        if let selection = state.selection {
            let detail = describe.detail(selection, width: max(1, layout.detail.width - 2),
                                         limit: state.detailScroll + layout.detail.height)
            for (offset, line) in detail.dropFirst(state.detailScroll).prefix(layout.detail.height).enumerated() {
                screen.put(line.0, row: layout.detail.row + offset, column: layout.detail.column + 1, style: line.1, maxWidth: layout.detail.width - 2)
            }
        }
    }

    /// One line of the outline. The selected line is in reverse video, or with `arrow` marked by
    /// an arrow in the first column (the compact view).
    private static func drawOutlineRow(_ row: OutlineRow, at screenRow: Int, in area: Rect, selected: Bool, arrow: Bool,
                                       missing: Bool, describe: Describe, _ screen: inout Screen, _ theme: Theme) {
        let inherited = describe.isInherited(row.target)
        let base: Style = describe.isDeclined(row.target) ? theme.dim
            : inherited ? theme.inherited : (row.target.isOwnItem(describe.plan) ? theme.own : .plain)
        var column = area.column
        if arrow {
            column += screen.put(selected ? theme.selectionArrow : " ", row: screenRow, column: column)
        }
        column += screen.put(missing ? Strings.App.missingMark : " ", row: screenRow, column: column, style: theme.error)
        column += screen.put(String(repeating: " ", count: min(row.depth * 2, area.width / 3)), row: screenRow, column: column)
        let mark = row.hasChildren ? (row.isFolded ? theme.foldedMark : theme.openMark) : theme.leafMark
        column += screen.put(mark, row: screenRow, column: column, style: theme.frame)
        if inherited {
            column += screen.put(theme.lockMark + " ", row: screenRow, column: column, style: theme.inherited)
        }
        let badge = describe.badge(row.target)
        let badgeWidth = badge.map { DisplayWidth.of($0.0) + 1 } ?? 0
        let labelWidth = area.column + area.width - column - badgeWidth - 1
        screen.putTruncated(describe.label(row.target), row: screenRow, column: column, width: max(0, labelWidth), style: base, ellipsis: theme.ellipsis)
        if let (text, style) = badge, area.width > badgeWidth + 12 {
            screen.put(text, row: screenRow, column: area.column + area.width - badgeWidth, style: style)
        }
        if selected && !arrow {
            screen.restyle(Rect(row: screenRow, column: area.column, height: 1, width: area.width)) { $0.reverse = true }
        }
    }


    private static func drawDetailPage(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        guard let plan = state.plan, let selection = state.selection else { return }
        let describe = Describe(plan: plan, period: state.period, theme: theme)
        let body = layout.body
        let lines = describe.detail(selection, width: body.width - 2)
        for (offset, line) in lines.dropFirst(state.detailScroll).prefix(body.height).enumerated() {
            screen.put(line.0, row: body.row + offset, column: 1, style: line.1, maxWidth: body.width - 2)
        }
    }

    // MARK: Other pages

    private static func drawHelp(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        let lines = helpLines(state, layout, theme)
        let body = layout.body
        let scroll = min(state.helpScroll, max(0, lines.count - body.height))
        for (offset, line) in lines.dropFirst(scroll).prefix(body.height).enumerated() {
            screen.put(line.0, row: body.row + offset, column: 1, style: line.1, maxWidth: body.width - 2)
        }
    }

    /// The help page's lines, wrapped to the page.
    static func helpLines(_ state: AppState, _ layout: Layout, _ theme: Theme) -> [(String, Style)] {
        var lines: [(String, Style)] = [(Strings.App.helpTitle, theme.label), ("", .plain)]
        // A handed-in report lists only the keys that work in it, and says why.
        let handIn = state.pageBeforeHelp == .plan || state.pageBeforeHelp == .detail ? state.handIn : nil
        if let handIn {
            lines += Wrap.lines(Strings.App.helpHandedIn(handIn), width: layout.width - 4).map { ("  " + $0, theme.warning) }
            lines.append(("", .plain))
        }
        var groups = handIn == nil ? KeyTable.helpRows([PlanKeys.table, EditorKeys.table, PickerKeys.table, BoardKeys.table, RollupKeys.table, ChooserKeys.table])
            : KeyTable.helpRows([PlanKeys.table, BoardKeys.table, RollupKeys.table, ChooserKeys.table], for: state)
        // Asked for in the chooser, on the board's table or its roll-up, that page's keys come first.
        let first: String? = switch state.pageBeforeHelp {
        case .chooser: Strings.Chooser.helpGroup
        case .board, .rollup: Strings.RollupPage.helpGroup
        default: nil
        }
        if let first, let index = groups.firstIndex(where: { $0.0 == first }) {
            groups.insert(groups.remove(at: index), at: 0)
        }
        // As wide as the longest keys, so that no key is cut.
        let keyWidth = (groups.flatMap { $0.1.map { DisplayWidth.of($0.0) } }.max() ?? 14) + 2
        for (group, keys) in groups {
            lines.append((group, theme.label))
            for (key, text) in keys {
                let wrapped = Wrap.lines(text, width: max(10, layout.width - keyWidth - 4))
                for (index, line) in wrapped.enumerated() {
                    let keyColumn = index == 0 ? key : ""
                    lines.append(("  " + keyColumn.padding(toLength: keyWidth, withPad: " ", startingAt: 0) + line, .plain))
                }
            }
            lines.append(("", .plain))
        }
        lines += Wrap.lines(Strings.App.helpFooter, width: layout.width - 4).map { ("  " + $0, theme.dim) }
        return lines
    }

    private static func drawOverview(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        guard let plan = state.plan else { return }
        let body = layout.body
        screen.put(Strings.App.overviewTitle + " – " + Strings.documentName(state.period), row: body.row + 1, column: 2, style: theme.label)
        let summary = Overview.summary(plan: plan, period: state.period, gaps: state.gaps)
        var row = body.row + 3
        let rows = summary.areas + [summary.total]
        // One column width for all rows, so that the bars line up.
        let countsWidth = rows.map { DisplayWidth.of(Strings.App.overviewLine(done: $0.done, total: $0.total)) }.max() ?? 0
        let titleWidth = max(10, body.width - 2 - 20 - countsWidth - 6)
        for area in rows where row < body.row + body.height {
            let isTotal = area.title == Strings.App.overviewTotal
            let bar = Overview.bar(done: area.done, total: area.total, width: 20, unicode: theme.unicode)
            let counts = Strings.App.overviewLine(done: area.done, total: area.total)
            let style = area.done == area.total ? theme.ok : (isTotal ? theme.label : .plain)
            if isTotal { row += 1 }
            screen.putTruncated(area.title, row: row, column: 2, width: titleWidth, style: isTotal ? theme.label : .plain, ellipsis: theme.ellipsis)
            screen.put(bar, row: row, column: 2 + titleWidth + 2, style: style)
            screen.put(counts, row: row, column: 2 + titleWidth + 24, style: style)
            if !isTotal && summary.areas.firstIndex(where: { $0.title == area.title }) == state.overviewIndex {
                screen.restyle(Rect(row: row, column: 0, height: 1, width: body.width)) { $0.reverse = true }
            }
            row += 1
        }
        // Said in the words of the header, `check` and the report: lines that lack something.
        if row + 1 < body.row + body.height {
            let total = summary.total
            screen.put(Strings.App.missingCount(total.total - total.done), row: row + 1, column: 2,
                       style: total.done == total.total ? theme.ok : theme.label)
        }
    }

    // MARK: Status, hints and modals

    private static func drawStatus(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        let row = layout.statusLine.row
        if state.readOnly && state.status == nil {
            screen.put(state.readOnlyBanner, row: row, column: 1, style: theme.warning)
        } else if !state.otherSessions.isEmpty && state.status == nil {
            let others = state.otherSessions.map { (login: $0.login, host: $0.host, since: ClockText.format($0.since, now: state.now)) }
            screen.putTruncated(Strings.App.alsoOpenBy(others), row: row, column: 1, width: layout.width - 2,
                                style: theme.warning, ellipsis: theme.ellipsis)
        }
        if let status = state.status, longStatusLines(state, layout) == nil {
            screen.putTruncated(status.text, row: row, column: 1, width: layout.width - 2, style: status.isError ? theme.error : theme.ok, ellipsis: theme.ellipsis)
        }
    }

    private static func drawHints(_ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        if case .confirmDelete? = state.modal {
            screen.putHints(DeleteKeys.table.fixedHints, row: layout.hintLine.row, width: layout.width, theme: theme)
            return
        }
        if case .confirmStart? = state.modal {
            screen.putHints(StartKeys.table.fixedHints, row: layout.hintLine.row, width: layout.width, theme: theme)
            return
        }
        switch state.page {
        case .plan, .detail:
            let (hints, dropOrder) = planHints(state)
            screen.putHints(hints, row: layout.hintLine.row, width: layout.width, theme: theme, dropOrder: dropOrder)
        case .chooser, .carryOver:
            // The keys that act on the line: over the chooser's message box only what any key does
            // there; in a handed-in plan, letting a carried item go is neither hinted nor done.
            let (hints, dropOrder) = Update.keyTable(state)?.hints(for: state) ?? ([], [])
            screen.putHints(hints, row: layout.hintLine.row, width: layout.width, theme: theme, dropOrder: dropOrder)
        case .help, .overview, .board, .rollup:
            screen.putHints(Update.keyTable(state)?.fixedHints ?? [], row: layout.hintLine.row, width: layout.width, theme: theme)
        }
    }

    /// The hints of the plan page: the keys of every line in the same place, then those of the
    /// selected line (only keys that do something there). Moving between lines of different
    /// kinds then redraws only the end of the hint line. When the line is too narrow the general
    /// keys give way first (the last of them first), then the arrows, which need no hint.
    static func planHints(_ state: AppState) -> (hints: [(String, String)], dropOrder: [Int]) {
        PlanKeys.table.hints(for: state)
    }

    private static func drawModal(_ modal: Modal, _ screen: inout Screen, _ state: AppState, _ layout: Layout, _ theme: Theme) {
        switch modal {
        case .editor(var session):
            let body = layout.body
            screen.fill(body)
            screen.putTruncated(" " + session.title, row: body.row, column: 0, width: body.width, style: theme.label, ellipsis: theme.ellipsis)
            screen.put(String(repeating: theme.horizontal, count: body.width), row: body.row + 1, column: 0, style: theme.frame)
            session.editor.render(into: &screen, rect: Rect(row: body.row + 2, column: 1, height: body.height - 2, width: body.width - 2),
                                  style: .plain, marginRight: true)
            screen.putHints(EditorKeys.table.fixedHints, row: layout.hintLine.row, width: layout.width, theme: theme)
        case .picker(let picker):
            let width = min(layout.width - 4, max(30, (picker.options.map(DisplayWidth.of).max() ?? 10) + 8))
            let height = picker.options.count + 2
            let top = max(1, (layout.height - height) / 2)
            let left = (layout.width - width) / 2
            screen.fill(Rect(row: top, column: left, height: height, width: width), style: theme.hints)
            screen.put(" " + picker.title, row: top, column: left, style: theme.hintKey, maxWidth: width)
            for (index, option) in picker.options.enumerated() {
                let style = index == picker.index ? theme.selected : theme.hints
                screen.fill(Rect(row: top + 1 + index, column: left + 1, height: 1, width: width - 2), style: style)
                screen.put("  " + option, row: top + 1 + index, column: left + 1, style: style, maxWidth: width - 2)
            }
            screen.putHints(PickerKeys.table.fixedHints, row: layout.hintLine.row, width: layout.width, theme: theme)
        case .prompt(let prompt):
            let row = layout.statusLine.row
            screen.fill(layout.statusLine)
            let text: String
            switch prompt.kind {
            case .search: text = Strings.App.searchPrompt(prompt.text)
            case .outcome: text = Strings.App.outcomePrompt(prompt.text)
            case .exportPath: text = Strings.App.exportPrompt(prompt.text)
            case .newItem(_, let goal): text = Strings.App.newItemPrompt(goal: goal, prompt.text)
            case .planning(let step): text = Strings.App.planningPrompt(step, prompt.text)
            }
            let used = screen.put(text, row: row, column: 1, style: theme.label, maxWidth: layout.width - 2)
            screen.cursor = (row, min(layout.width - 1, 1 + used))
            if let status = state.status, status.isError {
                // The prompt stays open on a mistake; the message goes where the hints were.
                screen.fill(layout.hintLine)
                screen.putTruncated(status.text, row: layout.hintLine.row, column: 1, width: layout.width - 2, style: theme.error, ellipsis: theme.ellipsis)
            } else {
                screen.putHints(PromptKeys.table.fixedHints, row: layout.hintLine.row, width: layout.width, theme: theme)
            }
        case .draftFound(let offer):
            drawTwoTexts(&screen, layout, theme,
                         message: Strings.App.draftFound(at: ClockText.format(offer.draft.savedAt, now: state.now)),
                         first: (Strings.App.draftHeading, offer.draft.text),
                         second: (Strings.App.savedHeading, offer.savedText),
                         choices: DraftKeys.table.fixedHints)
        case .conflict(let conflict):
            drawTwoTexts(&screen, layout, theme,
                         message: Strings.App.conflict(by: conflict.changedBy, at: ClockText.format(conflict.changedAt, now: state.now)),
                         first: (Strings.App.mineHeading, conflict.session.editor.text),
                         second: (Strings.App.theirsHeading(conflict.changedBy), conflict.theirText),
                         choices: ConflictKeys.table.fixedHints)
        case .year(let year):
            YearView.drawModal(year, &screen, state, layout, theme)
        case .confirmDelete(let item):
            let title = state.plan?.items[item]?.title ?? item
            let contents = state.plan?.deletionContents(of: item) ?? DeletionContents()
            // The title gives way, so that what goes with it and "(j/n)" are always seen.
            let room = layout.width - 2 - DisplayWidth.of(Strings.App.deleteConfirm("", with: contents))
            var shown = title
            if DisplayWidth.of(title) > room {
                shown = ""
                for character in title {
                    if DisplayWidth.of(shown) + DisplayWidth.of(character) + DisplayWidth.of(theme.ellipsis) > room { break }
                    shown.append(character)
                }
                shown += theme.ellipsis
            }
            screen.fill(layout.statusLine)
            screen.putTruncated(Strings.App.deleteConfirm(shown, with: contents), row: layout.statusLine.row, column: 1, width: layout.width - 2, style: theme.warning, ellipsis: theme.ellipsis)
        case .confirmStart(let request):
            drawQuestion(&screen, Strings.Chooser.confirmStart(request), layout, theme)
        }
    }
}

extension View {
    /// A question in a box over the middle of the body, wrapped to fit.
    static func drawQuestion(_ screen: inout Screen, _ text: String, _ layout: Layout, _ theme: Theme) {
        let width = layout.width - 2
        let lines = Wrap.lines(text, width: width - 4)
        let height = lines.count + 2
        let top = max(1, (layout.height - height) / 2)
        let left = (layout.width - width) / 2
        screen.fill(Rect(row: top, column: left, height: height, width: width), style: theme.hints)
        for (offset, line) in lines.enumerated() {
            screen.put(line, row: top + 1 + offset, column: left + 2, style: theme.hints, maxWidth: width - 4)
        }
    }

    /// Two versions of a text, one above the other, and the choices between them.
    static func drawTwoTexts(_ screen: inout Screen, _ layout: Layout, _ theme: Theme, message: String,
                             first: (String, String), second: (String, String), choices: [(String, String)]) {
        let body = layout.body
        screen.fill(body)
        var row = body.row
        for line in Wrap.lines(message, width: body.width - 2).prefix(2) {
            screen.put(line, row: row, column: 1, style: theme.warning)
            row += 1
        }
        let half = max(2, (body.row + body.height - row) / 2)
        for (index, part) in [first, second].enumerated() {
            let top = row + index * half
            screen.put(String(repeating: theme.horizontal, count: body.width), row: top, column: 0, style: theme.frame)
            screen.put(" \(part.0) ", row: top, column: 2, style: theme.label)
            for (offset, line) in Wrap.lines(part.1.isEmpty ? Strings.App.empty : part.1, width: body.width - 2)
                .prefix(max(0, half - 1)).enumerated() {
                screen.put(line, row: top + 1 + offset, column: 1, maxWidth: body.width - 2)
            }
        }
        screen.putHints(choices, row: layout.hintLine.row, width: layout.width, theme: theme)
    }
}

extension OutlineTarget {
    func isOwnItem(_ plan: PlanDocument) -> Bool {
        guard case .item(let id) = self else { return false }
        return plan.items[id]?.author == .unit
    }
}
