import Foundation
import PlanKit

/// What the main loop must do for the app: things only the terminal can.
public enum TerminalRequest: Equatable, Sendable {
    case quit
    /// Suspend the screen, let the person edit this text in $VISUAL/$EDITOR, then call
    /// `externalEditorFinished`.
    case externalEditor(String)
}

/// Runs the app: feeds keys to `Update`, performs its effects against the store, and draws
/// with `View`. Tests drive it with key events and read the screen; the ncurses main loop does
/// the same with a real terminal.
public final class AppController {
    public private(set) var state: AppState
    let store: PlanStore
    /// This session's entry in the plan's list of open sessions.
    private var sessionID: Int64?
    /// The store's change counter when the plan was last read: another session's commit moves it.
    private var seenChanges = 0
    private var lastDraftText: String?
    private var lastDraftSave = Date.distantPast
    private var lastHeartbeat = Date.distantPast
    private var lastChangeCheck = Date.distantPast
    private var startupFinished = false
    /// The store's change counter when the chooser's list of plans was read: the list is read
    /// again only when another session has committed since.
    private var choicesReadAt: Int?
    /// Reports `x` wrote in this session, by the name asked for: written again in place, while a
    /// file this session did not write is never replaced.
    private var reportsWritten: [String: String] = [:]

    /// How often text being written is put into its draft, at most.
    public static let draftInterval: TimeInterval = 1
    /// How often the store is asked whether another session changed something.
    public static let changeCheckInterval: TimeInterval = 1
    public static let heartbeatInterval: TimeInterval = 20

    public struct Options: Sendable {
        public var unit: String?
        public var year: Int?
        public var period: ReportPeriod?
        /// Start in the compact view (see `AppState.compact`).
        public var compact: Bool
        public init(unit: String? = nil, year: Int? = nil, period: ReportPeriod? = nil, compact: Bool = false) {
            self.unit = unit
            self.year = year
            self.period = period
            self.compact = compact
        }
    }

    public init(store: PlanStore, width: Int, height: Int, unicode: Bool = true, colors: Bool = true,
                options: Options = Options()) throws {
        self.store = store
        let directory = store.path == ":memory:" ? FileManager.default.currentDirectoryPath
            : (store.path as NSString).deletingLastPathComponent
        state = AppState(width: width, height: height, unicode: unicode, colors: colors, readOnly: store.isReadOnly,
                         exportDirectory: directory.isEmpty ? "." : directory)
        state.compact = options.compact
        try start(with: options)
    }

    static func choices(_ store: PlanStore) throws -> [PlanChoice] {
        try store.plans().flatMap { summary in
            summary.periods.reversed().map { PlanChoice(unitID: summary.unit.id, unitName: summary.unit.name, year: summary.year, period: $0) }
        }
    }

    /// Opens what the options name; with more than one candidate left, shows the chooser.
    /// A plan named by unit, year and period opens without reading the list of every plan (read
    /// when the chooser is shown); this session's entry among the open sessions waits until the
    /// first frame is on the screen (`finishStartup`).
    private func start(with options: Options) throws {
        if let unit = options.unit, let year = options.year {
            let unit = try store.unit(named: unit)
            let counter = (try? store.changeCounter()) ?? 0
            let plan = try store.loadPlan(PlanRef(unitID: unit.id, year: year))
            let periods = plan.periods.reversed().filter { options.period == nil || $0 == options.period }
            if periods.isEmpty, let period = options.period { throw PlanError.periodNotInPlan(period) }
            if periods.count == 1 {
                show(plan, period: periods[0], changeCounter: counter)
                return
            }
        }
        state.choices = try Self.choices(store)
        var candidates = state.choices
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
            try open(candidates[0])
        } else {
            state.page = .chooser
            state.chooserIndex = candidates.first.flatMap { state.choices.firstIndex(of: $0) } ?? 0
        }
    }

    /// The work of opening that the first frame does not need: this session's entry among the
    /// open sessions, a rehearsal of the changes to come and the search index. The main loop
    /// calls it once the first frame is drawn; any key or tick before that does it first.
    public func finishStartup() {
        guard !startupFinished else { return }
        startupFinished = true
        registerSession()
        if let ref = state.plan?.ref {
            store.rehearseChanges(rehearsals(), in: ref)
            // Built now, while the person reads the first screen, rather than on the first search.
            _ = state.searchIndex
        }
    }

    /// Changes like the ones the person is about to make, one of each kind the period has, for
    /// `PlanStore.rehearseChanges`.
    private func rehearsals() -> [(FieldRef, FieldValue)] {
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

    /// The screen as it should look now.
    public func render() -> Screen {
        View.render(state)
    }

    /// The terminal the app is drawn on, once it is known: its size and what it can show. The
    /// outline is scrolled for that size as if the app had been opened on it.
    public func attach(width: Int, height: Int, unicode: Bool, colors: Bool) {
        state.unicode = unicode
        state.colors = colors
        state.scrollTop = 0
        _ = Update.handle(.resize(width: width, height: height), &state)
    }

    /// Handles one key; returns what the terminal must do.
    @discardableResult
    public func send(_ key: KeyEvent) -> [TerminalRequest] {
        finishStartup()
        let effects = Update.handle(key, &state)
        let requests = perform(effects)
        offerDraftIfAny()
        return requests
    }

    /// The text came back from the external editor (nil: unchanged or failed). The editor stays
    /// open with it, and it is saved as a draft at once.
    public func externalEditorFinished(_ text: String?, failed: Bool = false) {
        guard case .editor(var session)? = state.modal else { return }
        if failed {
            state.status = StatusMessage(Strings.App.externalEditorFailed, isError: true)
            return
        }
        guard let text else { return }
        session.editor.replaceText(with: text)
        state.modal = .editor(session)
        flushDraft()
    }

    /// Called by the main loop after every key and at least twice a second: keeps the draft of
    /// the text being written, notices other sessions' changes and says this session is alive.
    public func tick(now: Date = Date()) {
        finishStartup()
        if now.timeIntervalSince(lastDraftSave) >= Self.draftInterval {
            flushDraft()
            lastDraftSave = now
        }
        if now.timeIntervalSince(lastChangeCheck) >= Self.changeCheckInterval {
            lastChangeCheck = now
            reloadIfChangedElsewhere()
        }
        if now.timeIntervalSince(lastHeartbeat) >= Self.heartbeatInterval {
            lastHeartbeat = now
            if let sessionID { try? store.heartbeat(session: sessionID) }
            refreshOtherSessions()
        }
    }

    /// Puts the text being written into its draft, if it changed since the last time.
    public func flushDraft() {
        guard !state.readOnly, let ref = state.plan?.ref, case .editor(let session)? = state.modal else { return }
        let text = session.editor.text
        guard text != lastDraftText else { return }
        if !session.editor.isModified && lastDraftText == nil { return }
        do {
            try store.saveDraft(text, for: session.field, baseRevision: session.baseRevision, in: ref)
            lastDraftText = text
        } catch {
            state.status = StatusMessage(Self.message(for: error), isError: true)
        }
    }

    /// The way out: the draft is kept, and this session leaves the list of open sessions.
    public func close() {
        flushDraft()
        if let sessionID { try? store.endSession(sessionID) }
        sessionID = nil
    }

    /// When an editor has just opened on a field with an earlier draft, offer the draft.
    private func offerDraftIfAny() {
        guard case .editor(var session)? = state.modal, !session.checkedForDraft, let ref = state.plan?.ref else { return }
        session.checkedForDraft = true
        state.modal = .editor(session)
        lastDraftText = nil
        guard let draft = try? store.draft(for: session.field, in: ref) else { return }
        if draft.text == session.editor.text {
            try? store.discardDraft(for: session.field, in: ref)
            return
        }
        state.modal = .draftFound(DraftOffer(session: session, savedText: session.editor.text, draft: draft))
    }

    private func reloadIfChangedElsewhere() {
        guard let counter = try? store.changeCounter(), counter != seenChanges else { return }
        seenChanges = counter
        guard state.plan != nil else { return }
        let before = state.plan.map { Self.fingerprint($0) }
        try? reload(focusing: nil)
        if let plan = state.plan, before != Self.fingerprint(plan) {
            state.status = StatusMessage(Strings.App.updatedFromElsewhere)
        }
        refreshOtherSessions()
    }

    /// A cheap summary of a plan's revisions, to tell whether another session changed anything.
    private static func fingerprint(_ plan: PlanDocument) -> Int {
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

    private func refreshOtherSessions() {
        guard let ref = state.plan?.ref else { return }
        state.otherSessions = (try? store.otherSessions(in: ref, excluding: sessionID)) ?? []
    }

    // MARK: Effects

    private func perform(_ effects: [Effect]) -> [TerminalRequest] {
        var requests: [TerminalRequest] = []
        for effect in effects {
            do {
                switch effect {
                case .quit:
                    flushDraft()
                    requests.append(.quit)
                case .saveEditor(let session):
                    try saveEditor(session)
                case .discardDraft(let field):
                    try store.discardDraft(for: field, in: try currentRef())
                    lastDraftText = nil
                case .runExternalEditor(let text):
                    requests.append(.externalEditor(text))
                case .open(let choice):
                    try open(choice)
                case .loadChoices:
                    let counter = try store.changeCounter()
                    if state.choices.isEmpty || choicesReadAt != counter {
                        state.choices = try Self.choices(store)
                        choicesReadAt = counter
                    }
                    Update.selectCurrentChoice(&state)
                case .set(let field, let value, let revision, let message):
                    try save(field, value, revision: revision, message: message)
                case .undo:
                    let field = try store.undo(in: try currentRef())
                    try refresh(after: field, focusing: true)
                    state.status = StatusMessage(Strings.App.undone)
                case .redo:
                    let field = try store.redo(in: try currentRef())
                    try refresh(after: field, focusing: true)
                    state.status = StatusMessage(Strings.App.redone)
                case .exportReport(let path, let mayReplace):
                    try export(to: path, mayReplace: mayReplace)
                case .addUnitGoal(let boardGoal):
                    let id = try store.addUnitGoal(title: Strings.App.newGoalTitle, under: boardGoal, in: try currentRef())
                    try reload(focusing: nil)
                    Update.reveal(.item(id), &state)
                    Update.openEditor(.itemText(item: id, field: .title), title: Strings.fieldLabel(.title),
                                      text: Strings.App.newGoalTitle, revision: state.plan?.items[id]?.revision ?? 1, &state)
                case .addActivity(let unitGoal):
                    let id = try store.addActivity(title: Strings.App.newActivityTitle, under: unitGoal, in: try currentRef())
                    try reload(focusing: nil)
                    Update.reveal(.item(id), &state)
                    Update.openEditor(.itemText(item: id, field: .title), title: Strings.fieldLabel(.title),
                                      text: Strings.App.newActivityTitle, revision: state.plan?.items[id]?.revision ?? 1, &state)
                case .deleteItem(let id):
                    let parent = state.plan?.items[id]?.parentID
                    try store.deleteItem(id, in: try currentRef())
                    try reload(focusing: nil)
                    Update.select(parent.map(OutlineTarget.item), &state)
                    state.status = StatusMessage(Strings.App.deleted)
                }
            } catch {
                state.status = StatusMessage(Self.message(for: error), isError: true)
                try? reload(focusing: nil)
            }
        }
        return requests
    }

    private func currentRef() throws -> PlanRef {
        guard let ref = state.plan?.ref else { throw PlanError.noPlan(unit: "", year: 0) }
        return ref
    }

    private func open(_ choice: PlanChoice) throws {
        let ref = PlanRef(unitID: choice.unitID, year: choice.year)
        // Another period of the plan on the screen: the plan in memory is that plan (another
        // session's changes come in with the next tick), and this session is already listed.
        if let plan = state.plan, plan.ref == ref {
            show(plan, period: choice.period, changeCounter: seenChanges)
            return
        }
        let counter = (try? store.changeCounter()) ?? 0
        let plan = try store.loadPlan(ref)
        show(plan, period: choice.period, changeCounter: counter)
        if startupFinished { registerSession() }
    }

    /// This session's entry among the plan's open sessions (none when read-only).
    private func registerSession() {
        guard let ref = state.plan?.ref else { return }
        if let sessionID { try? store.endSession(sessionID) }
        sessionID = store.isReadOnly ? nil : try? store.registerSession(in: ref)
        lastHeartbeat = Date()
        refreshOtherSessions()
    }

    /// Puts a plan on the screen, at the first thing still missing in the period.
    /// `changeCounter`: the store's change counter read before the plan was.
    private func show(_ plan: PlanDocument, period: ReportPeriod, changeCounter: Int) {
        seenChanges = changeCounter
        if state.plan?.ref != plan.ref { state.otherSessions = [] }
        state.plan = plan
        state.period = period
        state.page = .plan
        state.folded = []
        state.search = nil
        state.scrollTop = 0
        // Start where the work is: the first thing still missing, else the unit's first own goal.
        let firstGap = state.gaps.first.map(OutlineTarget.init)
        let firstOwn = state.rows.first { $0.target.isOwnItem(state.plan!) }?.target
        if let target = firstGap ?? firstOwn {
            Update.reveal(target, &state)
        } else {
            Update.select(state.rows.first?.target, &state)
        }
    }

    /// Saves the editor's text. On success the editor closes; when someone else saved the field
    /// meanwhile, both texts are shown; on any other failure the editor stays open with the text.
    private func saveEditor(_ session: EditorSession) throws {
        let ref = try currentRef()
        do {
            try store.saveText(session.editor.text, to: session.field, in: ref, expectedRevision: session.baseRevision)
            lastDraftText = nil
            state.modal = nil
            try refresh(after: session.field, focusing: false)
            state.status = StatusMessage(Strings.App.saved)
        } catch PlanError.staleRevision {
            flushDraft()
            let (value, revision) = try store.value(of: session.field, in: ref)
            var theirs = ""
            if case .text(let text)? = value { theirs = text }
            let change = try store.lastChange(of: session.field, in: ref)
            state.modal = .conflict(Conflict(session: session, theirText: theirs, theirRevision: revision,
                                             changedBy: change?.login ?? "?", changedAt: Self.clock(change?.at)))
            try reload(focusing: nil)
        } catch {
            flushDraft()
            state.modal = .editor(session)
            throw error
        }
    }

    /// "14:05" from an ISO timestamp, in local time.
    static func clock(_ timestamp: String?) -> String {
        guard let timestamp, let date = Timestamp.date(timestamp) else { return "" }
        return clock(date)
    }

    /// "14:05" today, "2026-11-20 14:05" another day, in local time. Drawn with every frame
    /// that names another session, so without building a DateFormatter.
    static func clock(_ date: Date) -> String {
        let calendar = Calendar.current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        if calendar.isDateInToday(date) { return time }
        return String(format: "%04d-%02d-%02d ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0) + time
    }

    private func save(_ field: FieldRef, _ value: FieldValue?, revision: Int?, message: String?) throws {
        try store.set(field, to: value, in: try currentRef(), expectedRevision: revision)
        try refresh(after: field, focusing: false)
        state.status = StatusMessage(message ?? Strings.App.saved)
    }

    /// Reads the plan again and keeps the selection where it was (or on the changed field).
    private func reload(focusing field: FieldRef?) throws {
        guard let ref = state.plan?.ref else { return }
        let counter = (try? store.changeCounter()) ?? seenChanges
        state.plan = try store.loadPlan(ref)
        seenChanges = counter
        keepSelection(focusing: field)
    }

    /// After a change this session made (a set, an undo, a redo): only the changed record is read
    /// back, and the outline stays as it was unless items came or went. Another session's
    /// changes are not read here: the store's change counter does not count this session's own
    /// commits, so the next `tick` still notices them.
    private func refresh(after field: FieldRef, focusing: Bool) throws {
        guard let plan = state.plan else { return }
        if case .itemRecord = field {
            try reload(focusing: focusing ? field : nil)
            return
        }
        state.replacePlanKeepingOutline(try store.refreshing(plan, after: field), changed: field)
        keepSelection(focusing: focusing ? field : nil)
    }

    private func keepSelection(focusing field: FieldRef?) {
        if let field {
            if let period = field.period, period != state.period { state.period = period }
            if let target = OutlineTarget(field) { Update.reveal(target, &state) }
        }
        if let selection = state.selection, !state.rows.contains(where: { $0.target == selection }) {
            Update.select(state.rows.first?.target, &state)
        }
        Update.keepSelectionVisible(&state)
    }

    private func export(to path: String, mayReplace: Bool) throws {
        guard let plan = state.plan else { return }
        let markdown = MarkdownRenderer.render(ReportBuilder(plan: plan, period: state.period,
                                                             marks: state.unicode ? .unicode : .ascii).build())
        let asked = OutputFile.expandingTilde(path)
        let target = mayReplace ? asked : reportsWritten[asked] ?? OutputFile.freeName(for: asked)
        try OutputFile.write(Data(markdown.utf8), to: target)
        reportsWritten[asked] = target
        state.status = StatusMessage(Strings.App.exported(target))
    }

    static func message(for error: Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? "\(error)"
    }
}
