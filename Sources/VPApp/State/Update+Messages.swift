import Foundation
import PlanKit

/// How the state takes in what the runner found out, and the time.
extension Update {
    /// How often text being written is put into its draft, at most.
    public static let draftInterval: TimeInterval = 1
    /// How often the store is asked whether another session changed something.
    public static let changeCheckInterval: TimeInterval = 1
    public static let heartbeatInterval: TimeInterval = 20
    /// How long no key must come before the check of the file for damage starts: it reads the
    /// whole file, so it waits for the first pause rather than run beside a burst of keys.
    public static let pauseBeforeDamageCheck: TimeInterval = 2

    public static func handle(_ message: Message, _ state: inout AppState) -> [Effect] {
        let asked = Question(state.modal), said = state.status
        defer { forgetStatusOnQuestion(before: asked, said: said, &state) }
        var effects: [Effect] = []
        switch message {
        case .key(let key):
            state.lastKey = state.now
            effects = handle(key, &state)
        case .tick(let now):
            effects = tick(now, &state)
        case .attached(let width, let height, let unicode, let colors):
            state.unicode = unicode
            state.colors = colors
            state.scrollTop = 0
            effects = handle(.resize(width: width, height: height), &state)
        case .opened(let plan, let period):
            // Another period of the plan shown: its year's hand-ins and carry-over are those read
            // with it (another session's changes come with the change check), and a key that
            // reads the store may wait behind the chooser's reads in the background.
            let sameYear = state.plan?.ref == plan.ref && state.year.ref == plan.ref
            let samePlan = state.plan?.ref == plan.ref
            state.takeServerRights(for: plan.ref)
            show(plan, period: period, &state)
            effects = sameYear ? [] : [yearFacts(of: plan)]
            if !samePlan { effects.append(.lookForWaitingDrafts(plan.ref)) }
        case .choices(let data, let select, let statesValid):
            effects = takeChoices(data, select: select, statesValid: statesValid, &state)
        case .startRechecked(let data, let statesValid):
            effects = recheckedStart(data, statesValid: statesValid, &state)
        case .periodStates(let states):
            takeStates(states, &state)
        case .plansChangedElsewhere(let plans, let list):
            effects = plansChangedElsewhere(plans, list: list, &state)
        case .note(let text):
            state.status = StatusMessage(text)
        case .changed(let field, let plan, let reloaded, let focusing, let status):
            takeChange(field, plan, reloaded: reloaded, focusing: focusing, &state)
            state.status = StatusMessage(status)
        case .editorSaved(let field, let plan, let reloaded):
            state.modal = nil
            takeChange(field, plan, reloaded: reloaded, focusing: false, &state)
            state.status = StatusMessage(Strings.App.saved)
        case .reloaded(let plan):
            state.plan = plan
            keepSelection(focusing: nil, &state)
        case .othersChanged(let plan):
            let before = state.plan.map(fingerprint)
            state.plan = plan
            keepSelection(focusing: nil, &state)
            if before != fingerprint(plan) { state.status = StatusMessage(Strings.App.updatedFromElsewhere) }
            effects = [yearFacts(of: plan)]
        case .otherSessions(let sessions):
            state.otherSessions = sessions
        case .conflict(let conflict):
            state.modal = .conflict(conflict)
        case .draftFound(let draft):
            if case .editor(let session)? = state.modal {
                state.modal = .draftFound(DraftOffer(session: session, savedText: session.editor.text, draft: draft))
            }
        case .added(let id, let plan):
            state.plan = plan
            keepSelection(focusing: nil, &state)
            reveal(.item(id), &state)
            state.status = StatusMessage(Strings.App.saved)
        case .deleted(let parent, let plan):
            state.plan = plan
            keepSelection(focusing: nil, &state)
            select(parent, &state)
            keepSelection(focusing: nil, &state)
            state.status = StatusMessage(Strings.App.deleted)
        case .exported(let path):
            // A report that cannot be handed in yet is said to be a draft, with how much it lacks.
            let missing = state.missingTargets.count
            state.status = StatusMessage(Strings.App.exported(path) + (missing > 0 ? " (\(Strings.draftLine(missing)))" : ""))
        case .boardOpened(let status, let counting):
            state.board = BoardPage(status: status, counting: counting)
            state.page = .board
        case .boardCounted(let status):
            takeBoardCount(status, &state)
        case .boardCountFailed(let message):
            failBoardCount(message, &state)
        case .rollupOpened(let rollup):
            state.rollup = RollupPage(rollup: rollup, width: state.width)
            state.page = .rollup
            state.status = nil
        case .failed(let message):
            state.status = StatusMessage(message, isError: true)
        case .externalEditorFinished(let text):
            if let text, case .editor(var session)? = state.modal {
                session.editor.replaceText(with: text)
                state.modal = .editor(session)
                // Kept as a draft at once: it came from outside and exists nowhere else.
                effects = [.saveDraft(session)]
            }
        case .externalEditorFailed:
            state.status = StatusMessage(Strings.App.externalEditorFailed, isError: true)
        case .year(let year):
            handle(year, &state)
        }
        // An editor that has just opened: its field may have an earlier draft to offer.
        if case .editor(var session)? = state.modal, !session.checkedForDraft {
            session.checkedForDraft = true
            state.modal = .editor(session)
            effects.append(.lookForDraft(session))
        }
        return effects
    }

    /// The periodic work that is due at `now`.
    private static func tick(_ now: Date, _ state: inout AppState) -> [Effect] {
        state.now = now
        var effects: [Effect] = []
        if now.timeIntervalSince(state.lastDraftSave) >= draftInterval {
            state.lastDraftSave = now
            if case .editor(let session)? = state.modal { effects.append(.saveDraft(session)) }
        }
        if now.timeIntervalSince(state.lastChangeCheck) >= changeCheckInterval {
            state.lastChangeCheck = now
            effects.append(.checkForChanges)
        }
        // Period states read in the background come in while the chooser shows them.
        if state.page == .chooser { effects.append(.collectStates) }
        // The board's counts come in wherever the person is meanwhile.
        if state.board?.isCounting == true { effects.append(.collectBoardCount) }
        // The start counts as a key: the first frame is being read.
        if state.lastKey == .distantPast { state.lastKey = now }
        if !state.damageCheckStarted && now.timeIntervalSince(state.lastKey) >= pauseBeforeDamageCheck {
            state.damageCheckStarted = true
            effects.append(.checkFileForDamage)
        }
        if now.timeIntervalSince(state.lastHeartbeat) >= heartbeatInterval {
            state.lastHeartbeat = now
            effects.append(.heartbeat)
        }
        return effects
    }

    /// Puts a plan on the screen, at the first thing still missing in the period.
    static func show(_ plan: PlanDocument, period: ReportPeriod, _ state: inout AppState) {
        if state.plan?.ref != plan.ref { state.otherSessions = [] }
        state.plan = plan
        state.period = period
        state.page = .plan
        state.folded = []
        state.search = nil
        state.scrollTop = 0
        // Start where the work is: the first thing still missing, else the unit's first own goal.
        let firstGap = state.gaps.first.map(OutlineTarget.init)
        let firstOwn = state.rows.first { $0.target.isOwnItem(plan) }?.target
        if let target = firstGap ?? firstOwn {
            reveal(target, &state)
        } else {
            select(state.rows.first?.target, &state)
        }
    }

    /// A change this session made: when no items came or went, the outline is kept and only
    /// what is missing about the changed record is found again.
    private static func takeChange(_ field: FieldRef, _ plan: PlanDocument, reloaded: Bool, focusing: Bool,
                                   _ state: inout AppState) {
        if reloaded { state.plan = plan } else { state.replacePlanKeepingOutline(plan, changed: field) }
        keepSelection(focusing: focusing ? field : nil, &state)
    }

    /// Keeps the selection where it was (or on the changed field), on a line that is still there.
    static func keepSelection(focusing field: FieldRef?, _ state: inout AppState) {
        if let field {
            if let period = field.period, period != state.period { state.period = period }
            if let target = OutlineTarget(field) { reveal(target, &state) }
        }
        if let selection = state.selection, !state.rows.contains(where: { $0.target == selection }) {
            select(state.rows.first?.target, &state)
        }
        keepSelectionVisible(&state)
    }

    /// A cheap summary of a plan's revisions, to tell whether another session changed anything.
    static func fingerprint(_ plan: PlanDocument) -> Int {
        var hasher = Hasher()
        for (period, followUps) in plan.followUps.sorted(by: { $0.key < $1.key }) {
            hasher.combine(period)
            for (id, followUp) in followUps.sorted(by: { $0.key < $1.key }) {
                hasher.combine(id)
                hasher.combine(followUp.revision)
            }
        }
        for item in plan.items.values.sorted(by: { $0.id < $1.id }) {
            hasher.combine(item.id)
            hasher.combine(item.revision)
        }
        for (_, sections) in plan.sections.sorted(by: { $0.key < $1.key }) {
            for section in sections { hasher.combine(section.revision) }
        }
        return hasher.finalize()
    }
}
