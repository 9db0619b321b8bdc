import PlanKit

/// How the chooser answers: moving, filtering, opening a period and starting the next one.
extension Update {
    typealias ChooserWords = Strings.Chooser

    /// A key on the chooser. Over a message box, the key only closes it, whichever it is (the
    /// box and the hint line say so): Enter, an arrow or a letter typed to read on is not also
    /// taken as a choice, a move or the filter's first letter, and Ctrl-C does not quit unseen.
    static func chooserKey(_ key: KeyEvent, _ state: inout AppState) -> [Effect] {
        if state.chooser.notice != nil {
            state.chooser.notice = nil
            return []
        }
        return ChooserKeys.table.dispatch(key, &state) ?? []
    }

    /// Lines of the list the body has room for, below the title and the filter line.
    static func chooserVisibleRows(_ state: AppState) -> Int {
        max(1, Layout(state).body.height - 3)
    }

    /// `t`: the chooser, placed on the plan on the screen, without a filter that might hide it.
    static func openChooser(_ state: inout AppState) -> [Effect] {
        state.page = .chooser
        state.status = nil
        state.chooser.setFilter("")
        return [.loadChoices]
    }

    /// The list read from the store: shown, and placed on `select` or the plan on the screen.
    static func takeChoices(_ data: ChooserData, select: PlanChoice?, statesValid: Bool, _ state: inout AppState) -> [Effect] {
        if !statesValid { state.chooser.states = [:] }
        // This session's own changes do not count as another session's: the plan on the screen
        // is read again.
        if let ref = state.plan?.ref { state.chooser.states[ref] = nil }
        state.chooser.load(data)
        if let select {
            state.page = .chooser
            state.chooser.select(select)
        } else if let plan = state.plan {
            state.chooser.select(PlanChoice(unitID: plan.ref.unitID, unitName: plan.unit.displayName, year: plan.ref.year, period: state.period))
        }
        state.chooser.scrollToSelection(visible: chooserVisibleRows(state), centre: true)
        guard state.page == .chooser else { return [] }
        // Those on the screen first, then every other plan, in the order of the list.
        let refs = data.units.flatMap { unit in unit.plans.map { PlanRef(unitID: unit.unit.id, year: $0.year) } }
            .filter { state.chooser.states[$0] == nil }
        return wantVisibleStates(state) + (refs.isEmpty ? [] : [.wantStates(refs, urgent: false)])
    }

    /// The period states of the plans on the screen that have not been read yet, asked for first.
    static func wantVisibleStates(_ state: AppState) -> [Effect] {
        let chooser = state.chooser
        var refs: [PlanRef] = []
        for row in chooser.rows.dropFirst(chooser.scroll).prefix(chooserVisibleRows(state)) {
            guard case .period = row, let ref = chooser.planRef(row), chooser.states[ref] == nil, refs.last != ref else { continue }
            refs.append(ref)
        }
        return refs.isEmpty ? [] : [.wantStates(refs, urgent: true)]
    }

    static func moveInChooser(by offset: Int, _ state: inout AppState) -> [Effect] {
        state.chooser.move(by: offset)
        state.chooser.scrollToSelection(visible: chooserVisibleRows(state))
        return wantVisibleStates(state)
    }

    static func moveInChooser(toLast last: Bool, _ state: inout AppState) -> [Effect] {
        state.chooser.moveToEnd(last: last)
        state.chooser.scrollToSelection(visible: chooserVisibleRows(state))
        return wantVisibleStates(state)
    }

    static func setChooserFilter(_ text: String, _ state: inout AppState) -> [Effect] {
        state.chooser.setFilter(text)
        state.chooser.scrollToSelection(visible: chooserVisibleRows(state))
        state.status = nil
        return wantVisibleStates(state)
    }

    /// Enter: a period opens; the next period is asked about before it starts; next year's plan
    /// without the board's goals for the year says how to import them.
    static func chooserEnter(_ state: inout AppState) -> [Effect] {
        guard let row = state.chooser.selectedRow else { return [] }
        if let choice = state.chooser.choice(row) {
            state.openedFromBoard = false
            return [.open(choice)]
        }
        switch state.chooser.startRequest(row) {
        case .success(let request)?:
            if !state.mayStart(request) {
                state.status = StatusMessage(state.startRefusal(unitName: request.unitName, year: request.year, period: request.period),
                                             isError: true)
                return []
            }
            state.modal = .confirmStart(request)
        case .failure(let refusal):
            // Someone who may only read is not shown how to import the goals: the plan is not
            // theirs to start either way.
            if case .start(let index, _, _) = row, !state.mayStart(unitID: state.chooser.data.units[index].unit.id) {
                let unit = state.chooser.data.units[index].unit.displayName
                state.status = StatusMessage(state.startRefusal(unitName: unit, year: refusal.year, period: .vp), isError: true)
                return []
            }
            // The goals may have been imported since the list was read (the notice says how).
            return [.recheckStart]
        case nil:
            break
        }
        return []
    }

    /// Esc: the filter goes first; then back to the plan on the screen, if there is one.
    static func chooserEscape(_ state: inout AppState) -> [Effect] {
        if !state.chooser.filter.isEmpty { return setChooserFilter("", &state) }
        if state.plan != nil { state.page = .plan }
        return []
    }

    /// States read in the background, kept for the lines that show them.
    static func takeStates(_ states: [PlanRef: ChooserPlanStates], _ state: inout AppState) {
        for (ref, value) in states { state.chooser.states[ref] = .some(value) }
    }
}
