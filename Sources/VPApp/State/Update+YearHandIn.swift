import PlanKit

/// Handing the period's report in from the app, the report read-only once it is, and the
/// year's facts (hand-ins, carry-over) read in when a plan is shown.
extension Update {
    /// L: while anything is missing, the list of gaps (each leads to its line); otherwise the
    /// j/n question. Nothing is handed in without the person's j. On a handed-in report, L asks
    /// why it is to be opened again: the reason goes into the edit log.
    static func askHandIn(_ state: inout AppState) {
        guard let plan = state.plan else { return }
        if let handIn = state.handIn {
            if state.readOnly {
                state.status = StatusMessage(state.readOnlyBanner, isError: true)
                return
            }
            state.status = nil
            state.modal = .prompt(Prompt(kind: .planning(.reopenReason(handIn.period)), text: ""))
            return
        }
        if refuseIfReadOnly(&state) { return }
        let missing = Completeness.lines(of: state.gaps)
        guard missing.isEmpty else {
            let lines = missing.map { line in Strings.App.gapLine(line.message, where: place(of: line, in: plan, period: state.period)) }
            state.modal = .year(.list(YearList(kind: .gaps(missing.map(OutlineTarget.init)),
                                               title: Strings.App.handInGapsTitle(state.period, count: missing.count), lines: lines)))
            return
        }
        state.modal = .year(.confirmHandIn(state.period))
    }

    /// The title of a line that lacks something.
    private static func place(of line: MissingLine, in plan: PlanDocument, period: ReportPeriod) -> String {
        if let id = line.itemID { return plan.items[id]?.title(in: period) ?? id }
        if let id = line.sectionID { return plan.section(id, in: period)?.title ?? id }
        return ""
    }

    /// A change to a handed-in report is refused with how to open it again; true when it was.
    static func refuseIfHandedIn(_ state: inout AppState) -> Bool {
        guard let handIn = state.handIn else { return false }
        state.status = StatusMessage(Strings.App.handedInRefusal(handIn), isError: true)
        return true
    }

    /// A plan came on the screen (or changed elsewhere): its hand-ins and carry-over are read again.
    static func yearFacts(of plan: PlanDocument) -> Effect {
        .year(.load(plan.ref))
    }

    static func handle(_ message: YearMessage, _ state: inout AppState) {
        switch message {
        case .loaded(let ref, let handIns, let carryOver, let fromYear):
            if state.year.ref != ref { state.year.carryOverIndex = 0 }
            state.year.ref = ref
            state.year.handIns = Dictionary(handIns.filter(\.isInForce).map { ($0.period, $0) }, uniquingKeysWith: { $1 })
            state.year.carryOver = carryOver
            state.year.carryOverFromYear = fromYear
            state.year.carryOverIndex = min(state.year.carryOverIndex, max(0, carryOver.count - 1))
            openCarryOverOnce(&state)
        case .handedIn(let handIn):
            state.year.handIns[handIn.period] = handIn
            state.status = StatusMessage(Strings.App.handedIn(handIn))
        case .carryOverChanged(let entries, let plan, let status):
            state.plan = plan
            keepSelection(focusing: nil, &state)
            state.year.carryOver = entries
            state.status = StatusMessage(status)
        }
    }
}

extension Update {
    // MARK: Copying the previous period's analysis

    /// K: the previous period's analysis as a starting point. An empty analysis gets it as an
    /// ordinary change (u undoes it); a text already written is never replaced: the editor
    /// opens with the previous analysis after it, to keep or trim before saving.
    static func copyPreviousAnalysis(_ state: inout AppState) -> [Effect] {
        guard let item = state.selectedItem, let plan = state.plan,
              let previous = plan.previousFollowUp(item.id, before: state.period), !previous.value.analysis.isEmpty,
              !refuseIfReadOnly(&state) else { return [] }
        let current = plan.followUp(item.id, state.period)
        if current.analysis.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return [.year(.copyAnalysis(item: item.id, period: state.period, from: previous.period))]
        }
        openEditor(.analysis(item: item.id, period: state.period), title: Strings.analysis, text: current.analysis,
                   revision: current.revision, &state)
        guard case .editor(var session)? = state.modal else { return [] }
        let area = Layout(state).body
        _ = session.editor.handle(.paste("\n\n" + previous.value.analysis),
                                  width: max(1, area.width - 2), height: max(1, area.height - 2))
        state.modal = .editor(session)
        state.status = StatusMessage(Strings.App.appendedAnalysis(from: previous.period))
        return []
    }
}

/// When the year's keys do something.
enum YearRules {
    @Sendable static func copyAnalysis(_ state: AppState) -> Availability {
        let analysis = Rules.analysis(state)
        guard analysis.isAvailable else { return analysis }
        guard let item = state.selectedItem, let plan = state.plan,
              let previous = plan.previousFollowUp(item.id, before: state.period),
              !previous.value.analysis.isEmpty else { return .refused(Strings.App.noPreviousAnalysis) }
        return .available
    }

    @Sendable static func carryOver(_ state: AppState) -> Availability {
        if state.period != .vp { return .refused(Strings.App.carryOverOnlyInPlan) }
        return state.carryOver.isEmpty ? .refused(Strings.App.noCarryOver) : .available
    }
}
