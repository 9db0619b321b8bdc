import PlanKit

/// The keys of the chooser of units, years and periods. Typing filters, so every key that does
/// something else is one a name never needs: arrows, Enter, Backspace, Esc, Ctrl and `?`.
enum ChooserKeys {
    typealias Words = Strings.Chooser

    static let table = KeyTable([
        Binding([], anyCharacter: true, .chooser, "Filtrera på enhetens, avdelningens eller nämndens namn (skiftläge och accenter spelar ingen roll)",
                hint: Hint(Words.typeKey, Words.hintFilter, place: 0)) { key, state in
            guard case .character(let character) = key else { return [] }
            return Update.setChooserFilter(state.chooser.filter + String(character), &state)
        },
        Binding([.backspace], .chooser, "Ta bort filtrets sista tecken") { _, state in
            guard !state.chooser.filter.isEmpty else { return [] }
            return Update.setChooserFilter(String(state.chooser.filter.dropLast()), &state)
        },
        Binding([.up, .down], .chooser, "Välj period eller period att starta", hint: Hint("↑↓", Words.hintMove, place: 1, givesWay: 0)) { key, state in
            Update.moveInChooser(by: key == .up ? -1 : 1, &state)
        },
        Binding([.pageUp, .pageDown], .chooser, "En skärm upp eller ned") { key, state in
            let page = max(1, Update.chooserVisibleRows(state) - 1)
            return Update.moveInChooser(by: key == .pageUp ? -page : page, &state)
        },
        Binding([.home, .end], .chooser, "Först eller sist") { key, state in
            Update.moveInChooser(toLast: key == .end, &state)
        },
        Binding([.enter], .chooser, "Öppna perioden, eller starta nästa period (frågar först)",
                hint: Hint("Enter", Words.hintOpen, place: 2)) { _, state in
            Update.chooserEnter(&state)
        },
        // The status table of the chosen plan's board or department, for its year and period.
        Binding([.control("n"), .control("a")], .chooser, "Nämndens eller avdelningens tabell för den valda perioden",
                hint: Hint("Ctrl-N/A", Words.hintBoardOrDepartment, place: 3)) { key, state in
            guard let row = state.chooser.selectedRow, let ref = state.chooser.planRef(row) else { return [] }
            let period: ReportPeriod
            switch row {
            case .period(_, _, let shown): period = shown
            // A start line: the period it would start, of the plan it starts in.
            case .start(_, _, let next): period = next
            default: return []
            }
            let year = period == .vp && !row.isPeriod ? ref.year + 1 : ref.year
            return [.openBoard(unitID: ref.unitID, level: key == .control("n") ? .board : .department, year: year, period: period)]
        },
        Binding([.escape], .chooser, "Rensa filtret; utan filter tillbaka till planen",
                hint: Hint("Esc", Words.hintClear, place: 4)) { _, state in
            Update.chooserEscape(&state)
        },
        Binding([.character("?")], nil, "Hjälp", hint: Hint("?", Words.hintHelp, place: 5, givesWay: 1)) { _, state in
            Update.openHelp(&state); return []
        },
        Binding([.control("c")], nil, "Avsluta", hint: Hint("Ctrl-C", Words.hintQuit, place: 6)) { _, _ in [.quit] },
    ])
}

/// While a message box is over the chooser: the next key, whichever it is, only closes it
/// (`Update.chooserKey`). The table is the hint line's; it binds no key of its own.
enum ChooserNoticeKeys {
    typealias Words = Strings.Chooser

    static let table = KeyTable([
        Binding([], hint: Hint(Words.noticeKey, Words.noticeHint, place: 0), action: nil),
    ])
}

extension ChooserRow {
    var isPeriod: Bool {
        if case .period = self { return true }
        return false
    }
}
