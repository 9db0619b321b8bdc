import Foundation
import PlanKit

/// Opening plans, this session among the open sessions, drafts and other sessions' changes.
extension EffectRunner {
    /// What the options name: one plan in one period opens; with more than one candidate left,
    /// the chooser shows them. A plan named by unit, year and period opens without reading the
    /// list of every plan (read when the chooser is shown). Throws what is not there.
    func start(with options: AppController.Options) throws -> [Message] {
        if options.reopensLastPlan, let last = options.memory?.recall() {
            if let messages = try? reopen(last) { return messages }
            let gone = Strings.Chooser.rememberedGone("\(last.unitName) \(last.year) \(Strings.periodName(last.period))")
            var plain = options
            plain.reopensLastPlan = false
            return try start(with: plain) + [.note(gone)]
        }
        if let unit = options.unit, let year = options.year {
            let unit = try store.unit(named: unit)
            let counter = (try? store.changeCounter()) ?? 0
            let plan = try loadWhole(PlanRef(unitID: unit.id, year: year))
            let periods = plan.periods.sorted().filter { options.period == nil || $0 == options.period }
            if periods.isEmpty, let period = options.period { throw PlanError.periodNotInPlan(period) }
            if periods.count == 1 {
                seen(counter)
                return [.opened(plan, period: periods[0])]
            }
        }
        let all = try planChoices()
        var candidates = all
        if let unit = options.unit {
            let id = try store.unit(named: unit).id
            candidates = candidates.filter { $0.unitID == id }
            if candidates.isEmpty { throw PlanError.noPlan(unit: unit, year: options.year ?? 0) }
        }
        if let year = options.year {
            candidates = candidates.filter { $0.year == year }
            if candidates.isEmpty { throw PlanError.noPlan(unit: options.unit ?? "", year: year) }
        }
        if let period = options.period {
            candidates = candidates.filter { $0.period == period }
            if candidates.isEmpty { throw PlanError.periodNotInPlan(period) }
        }
        if candidates.count == 1 {
            let counter = (try? store.changeCounter()) ?? 0
            let plan = try loadWhole(PlanRef(unitID: candidates[0].unitID, year: candidates[0].year))
            seen(counter)
            return [try loadChoices(select: nil), .opened(plan, period: candidates[0].period)]
        }
        return [try loadChoices(select: candidates.first ?? all.first)]
    }

    /// Keeps the plan and period as the last opened on this database (for `vp-tui` without arguments).
    func remember(_ plan: PlanDocument, _ period: ReportPeriod) {
        memory?.remember(PlanChoice(unitID: plan.ref.unitID, unitName: plan.unit.displayName, year: plan.ref.year, period: period))
    }

    /// The plan and period remembered, if the plan is still there and has the period.
    private func reopen(_ choice: PlanChoice) throws -> [Message] {
        let counter = (try? store.changeCounter()) ?? 0
        let plan = try loadWhole(PlanRef(unitID: choice.unitID, year: choice.year))
        guard plan.periods.contains(choice.period) else { throw PlanError.periodNotInPlan(choice.period) }
        seen(counter)
        return [.opened(plan, period: choice.period)]
    }

    /// The work of opening that the first frame does not need: this session's entry among the
    /// open sessions, the plan opened kept as the last one, a rehearsal of the changes to come,
    /// the search index and the chooser's list.
    func finishStartup(_ state: AppState) -> [Message] {
        guard !startupFinished else { return [] }
        markStartupFinished()
        // The plan opened at start is remembered now: reading and writing the memory's file
        // is not work the first frame waits for.
        if let plan = state.plan, state.page == .plan { remember(plan, state.period) }
        let messages = registerSession(state)
        if let ref = state.plan?.ref {
            store.rehearseChanges(Self.rehearsals(state), in: ref)
            // Built now, while the person reads the first screen, rather than on the first search.
            _ = state.searchIndex
        }
        // Last: this runs beside the keys, not beside the work above. The check of the file
        // for damage waits for the first pause in the keys (`Update.tick`).
        if cachedChoices == nil { chooserPrefetch.start { [store] in Self.prefetchChoices(store) } }
        return messages
    }

    /// Opens the plan in the period; `reload`: read it even when it is the plan on the screen
    /// (a period was just added to it).
    func open(_ choice: PlanChoice, _ state: AppState, reload: Bool = false) throws -> [Message] {
        let ref = PlanRef(unitID: choice.unitID, year: choice.year)
        // Another period of the plan on the screen: the plan in memory is that plan (another
        // session's changes come in with the next tick), and this session is already listed.
        if !reload, let plan = state.plan, plan.ref == ref {
            remember(plan, choice.period)
            return [.opened(plan, period: choice.period)]
        }
        let counter = (try? store.changeCounter()) ?? 0
        let plan = try loadWhole(ref)
        seen(counter)
        remember(plan, choice.period)
        var opened = state
        opened.plan = plan
        return [.opened(plan, period: choice.period)] + (startupFinished ? registerSession(opened) : [])
    }

    /// This session's entry among the plan's open sessions (none when read-only).
    func registerSession(_ state: AppState) -> [Message] {
        // On a server the entry is made there, in the background; the others come with serverNews.
        if let server { server.showSession(in: state.plan?.ref) }
        guard server == nil, let ref = state.plan?.ref else { return otherSessions(state) }
        if let sessionID { try? store.endSession(sessionID) }
        setSession(store.isReadOnly ? nil : try? store.registerSession(in: ref))
        return otherSessions(state)
    }

    func otherSessions(_ state: AppState) -> [Message] {
        guard let ref = state.plan?.ref else { return [] }
        if let server { return [.otherSessions(server.otherSessions)] }
        return [.otherSessions((try? store.otherSessions(in: ref, excluding: sessionID)) ?? [])]
    }

    func checkForChanges(_ state: AppState) -> [Message] {
        // A damaged file is said as soon as the background check has found it.
        if let damage = damageCheck.take() { return [.failed(Self.message(for: damage, database: store.path))] }
        guard let counter = try? store.changeCounter(), counter != seenChanges else { return [] }
        seen(counter)
        guard let ref = state.plan?.ref, let plan = try? store.loadPlan(ref) else { return [] }
        return [.othersChanged(plan)] + otherSessions(state)
    }

    /// Puts the editor's text into its draft, if it changed since the last time.
    func saveDraft(_ session: EditorSession, _ state: AppState) -> [Message] {
        guard !state.readOnly, let ref = state.plan?.ref, let drafts else { return [] }
        let version = session.editor.textVersion
        guard version != lastDraft else { return [] }
        if lastDraft == nil && !session.editor.isModified { return [] }
        do {
            try drafts.saveDraft(session.editor.text, for: session.field, baseRevision: session.baseRevision, in: ref)
            lastDraft = version
            return []
        } catch {
            return [.failed(Self.message(for: error, database: server == nil ? store.path : nil))]
        }
    }

    /// The draft of the text on the screen, when it is being written (on the way out).
    func draft(of state: AppState) -> [Message] {
        guard case .editor(let session)? = state.modal else { return [] }
        return saveDraft(session, state)
    }

    func lookForDraft(_ session: EditorSession, _ state: AppState) -> [Message] {
        lastDraft = nil
        guard let ref = state.plan?.ref, let draft = try? drafts?.draft(for: session.field, in: ref) else { return [] }
        if draft.text == session.editor.text {
            try? drafts?.discardDraft(for: session.field, in: ref)
            return []
        }
        return [.draftFound(draft)]
    }

    /// The way out: the draft is kept, and this session leaves the list of open sessions.
    func close(_ state: AppState) {
        _ = draft(of: state)
        server?.endSession()
        if let sessionID { try? store.endSession(sessionID) }
        setSession(nil)
    }

    /// Changes like the ones the person is about to make, one of each kind the period has, for
    /// `PlanStore.rehearseChanges`.
    static func rehearsals(_ state: AppState) -> [(FieldRef, FieldValue)] {
        guard let plan = state.plan else { return [] }
        let period = state.period
        var changes: [(FieldRef, FieldValue)] = []
        let shown = plan.walk(in: period)
        if let section = plan.sections(in: period).first {
            changes.append((.sectionText(section: section.id, period: period), .text(section.text + ".")))
        }
        if period.isFollowUp {
            if let goal = shown.first(where: { $0.level == .unitGoal }) {
                let followUp = plan.followUp(goal.id, period)
                changes.append((.rating(item: goal.id, period: period), .rating(followUp.rating == .fully ? .partly : .fully)))
                changes.append((.analysis(item: goal.id, period: period), .text(followUp.analysis + ".")))
            }
            if let activity = shown.first(where: { $0.kind == .activity }) {
                let status: ActivityStatus = plan.followUp(activity.id, period).status == .done ? .ongoing : .done
                changes.append((.status(item: activity.id, period: period), .status(status)))
            }
            if let indicator = shown.first(where: { plan.isOutcomeDue($0, in: period) }) {
                changes.append((.outcome(item: indicator.id, period: period), .number((plan.followUp(indicator.id, period).outcome ?? 0) + 1)))
            }
        } else if let goal = shown.first(where: { $0.level == .unitGoal }) {
            changes.append((.itemText(item: goal.id, field: .method), .text(goal.text(.method) + ".")))
        }
        return changes
    }
}
