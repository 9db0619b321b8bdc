import Foundation
import PlanKit

/// Performs `Update`'s effects against the store and says what came of them as messages. It
/// reads the state, never writes it: what it learns goes back through `Update`. What it keeps
/// is about the store alone: this session's entry, the change counter last seen, the text last
/// put into a draft, the reports written.
final class EffectRunner {
    let store: PlanStore
    /// This session's entry in the plan's list of open sessions.
    private(set) var sessionID: Int64?
    /// The store's change counter when the plan was last read: another session's commit moves it.
    private(set) var seenChanges = 0
    /// The version of the editor's text last put into a draft (`TextEditor.textVersion`): the
    /// same text is not written again. A version rather than the text, so that no copy shares
    /// the editor's buffer (the next key would copy all of it) and the question costs nothing.
    var lastDraft: UInt64?
    /// Whether the work of opening that the first frame does not need is done.
    private(set) var startupFinished = false
    /// The chooser's list and the store's change counter when it was read.
    var cachedChoices: ChooserData?
    var choicesCounter: Int?
    /// Reads the chooser's period states in the background.
    let stateWorker: PeriodStateWorker
    /// Counts the board's table in the background (`boardNames`): a table asked for later makes
    /// an earlier count go unused.
    ///
    /// This and the two below are made on first use (on the main thread, as every use): making
    /// a generic class's first instance looks its type up, about 100 000 instructions each, and
    /// none of them is needed before the first frame.
    lazy var boardCounter = BackgroundResult<Result<BoardStatus, Error>>(laterStartWins: true)
    /// Reports `x` wrote in this session, by the name asked for: written again in place, while a
    /// file this session did not write is never replaced.
    private var reportsWritten: [String: String] = [:]
    /// SQLite's check of the file, run once in the background at the first pause in the keys:
    /// damage is said while the person can still go back to a backup. At the lowest priority:
    /// the check reads the whole file, and on a busy machine it must not take the processor
    /// from the keys.
    lazy var damageCheck = BackgroundResult<StoreError>(priority: .lowest)
    /// The chooser's list and the store's change counter read before it, read once in the
    /// background after the first frame: a district has thousands of plans, and reading and
    /// arranging them took tens of milliseconds of the first `t` (docs/PERFORMANCE.md). A `t`
    /// that comes before the read is done waits for it.
    lazy var chooserPrefetch = BackgroundResult<(data: ChooserData, counter: Int)>(takeWaits: true)

    /// Where the plan last opened is kept, for `vp-tui` without arguments.
    let memory: LastPlanMemory?

    /// The server the store is a copy of, where changes are saved (nil: the store saves them).
    let server: (any PlanServer)?
    /// On a server: the drafts of texts being written, kept there and on this computer.
    let serverDrafts: ServerDrafts?
    /// Where drafts are kept.
    var drafts: DraftKeeping? { server == nil ? store : serverDrafts }
    /// On a server: an editor's save failed because the server was lost; it is made again when
    /// the server answers.
    var saveAwaitsServer = false

    init(store: PlanStore, memory: LastPlanMemory? = nil, server: (any PlanServer)? = nil) {
        self.store = store
        self.memory = memory
        self.server = server
        serverDrafts = server.map { ServerDrafts(server: $0) }
        stateWorker = PeriodStateWorker(store: store, server: server)
    }

    /// Performs one effect. `quit` and `runExternalEditor` are the main loop's and answer nothing here.
    func perform(_ effect: Effect, _ state: AppState) -> [Message] {
        do {
            return try run(effect, state)
        } catch {
            var messages: [Message] = [.failed(Self.message(for: store.namingUnits(in: error), database: store.path))]
            if let plan = try? readPlan(state) { messages.append(.reloaded(plan)) }
            return messages
        }
    }

    private func run(_ effect: Effect, _ state: AppState) throws -> [Message] {
        if let server, let messages = try runOnServer(effect, state, server) { return messages }
        switch effect {
        case .quit:
            return draft(of: state)
        case .runExternalEditor:
            return []
        case .saveEditor(let session):
            return try saveEditor(session, state)
        case .discardDraft(let field):
            try drafts?.discardDraft(for: field, in: try ref(state))
            lastDraft = nil
            return []
        case .saveDraft(let session):
            return saveDraft(session, state)
        case .lookForDraft(let session):
            return lookForDraft(session, state)
        case .lookForWaitingDrafts(let ref):
            return waitingDrafts(in: ref, state)
        case .open(let choice):
            return try open(choice, state)
        case .openBoard(let unitID, let level, let year, let period):
            return [.boardOpened(try boardNames(above: unitID, level: level, year: year, period: period), counting: true)]
        case .collectBoardCount:
            switch boardCounter.take() {
            case .success(let status): return [.boardCounted(status)]
            case .failure(let error): return [.boardCountFailed(Self.message(for: error, database: store.path))]
            case nil: return []
            }
        case .openRollup(let scopeID, let kind, let year, let period):
            return [.rollupOpened(try rollup(of: scopeID, kind: kind, year: year, period: period))]
        case .loadChoices:
            return [try loadChoices(select: nil)]
        case .recheckStart:
            let (data, statesValid) = try chooserData()
            return [.startRechecked(data, statesValid: statesValid)]
        case .startPeriod(let request):
            return try start(request, state)
        case .wantStates(let refs, let urgent):
            stateWorker.request(refs, urgent: urgent)
            return []
        case .collectStates:
            let states = stateWorker.take()
            return states.isEmpty ? [] : [.periodStates(states)]
        case .set(let field, let value, let revision, let message):
            try store.set(field, to: value, in: try ref(state), expectedRevision: revision)
            return [try changed(field, state, focusing: false, status: message ?? Strings.App.saved)]
        case .undo:
            let field = try store.undo(in: try ref(state))
            return [try changed(field, state, focusing: true, status: undoneOrRedone(field, state, undone: true))]
        case .redo:
            let field = try store.redo(in: try ref(state))
            return [try changed(field, state, focusing: true, status: undoneOrRedone(field, state, undone: false))]
        case .exportReport(let path, let mayReplace):
            return [try export(state, to: path, mayReplace: mayReplace)]
        case .addUnitGoal(let boardGoal, let title):
            let id = try store.addUnitGoal(title: title, under: boardGoal, in: try ref(state))
            return [.added(itemID: id, try readPlan(state))]
        case .addActivity(let unitGoal, let title):
            let id = try store.addActivity(title: title, under: unitGoal, in: try ref(state))
            return [.added(itemID: id, try readPlan(state))]
        case .deleteItem(let id):
            let parent = state.plan?.items[id]?.parentID
            try store.deleteItem(id, in: try ref(state))
            return [.deleted(parent: parent.map(OutlineTarget.item), try readPlan(state))]
        case .planning(let planning):
            return try run(planning, state)
        case .checkForChanges:
            return checkForChanges(state)
        case .year(let year):
            return try runYear(year, state)
        case .heartbeat:
            if let sessionID { try? store.heartbeat(session: sessionID) }
            // On a server, in the background: the others come with serverNews.
            server?.sessionHeartbeat()
            return otherSessions(state)
        case .checkFileForDamage:
            damageCheck.start { [store] in store.checkForDamage() }
            return []
        }
    }

    func seen(_ counter: Int) { seenChanges = counter }
    func setSession(_ id: Int64?) { sessionID = id }
    func markStartupFinished() { startupFinished = true }

    func ref(_ state: AppState) throws -> PlanRef {
        guard let ref = state.plan?.ref else { throw PlanError.noPlan(unit: "", year: 0) }
        return ref
    }

    /// The plan as the store has it now.
    func readPlan(_ state: AppState) throws -> PlanDocument {
        let ref = try ref(state)
        let counter = (try? store.changeCounter()) ?? seenChanges
        let plan = try store.loadPlan(ref)
        seenChanges = counter
        return plan
    }

    /// After a change this session made (a set, an undo, a redo): only the changed record is read
    /// back unless items came or went. Another session's changes are not read here: the store's
    /// change counter does not count this session's own commits, so the next tick notices them.
    /// The status after an undo or redo: what it changed, named by the plan before it (an item an
    /// undo removes) or after it (an item it brings back).
    func undoneOrRedone(_ field: FieldRef, _ state: AppState, undone: Bool) -> String {
        let plan = field.itemID.flatMap { state.plan?.items[$0] } == nil && field.addsOrRemoves
            ? (try? readPlan(state)) ?? state.plan : state.plan
        return undone ? Strings.App.undoneChange(field, in: plan, period: state.period)
            : Strings.App.redoneChange(field, in: plan, period: state.period)
    }

    func changed(_ field: FieldRef, _ state: AppState, focusing: Bool, status: String) throws -> Message {
        guard let plan = state.plan else { throw PlanError.noPlan(unit: "", year: 0) }
        if field.addsOrRemoves {
            return .changed(field, try readPlan(state), reloaded: true, focusing: focusing, status: status)
        }
        return .changed(field, try store.refreshing(plan, after: field), reloaded: false, focusing: focusing, status: status)
    }

    /// Saves the editor's text. On success the editor closes; when someone else saved the field
    /// meanwhile, both texts are shown; on any other failure the editor stays open with the text.
    private func saveEditor(_ session: EditorSession, _ state: AppState) throws -> [Message] {
        let ref = try ref(state)
        do {
            try store.saveText(session.editor.text, to: session.field, in: ref, expectedRevision: session.baseRevision)
            return try editorSaved(session, state)
        } catch PlanError.staleRevision {
            _ = saveDraft(session, state)
            return try conflict(session, state)
        } catch {
            _ = saveDraft(session, state)
            throw error
        }
    }

    /// The editor's text was saved: the editor closes on the plan as it is now.
    func editorSaved(_ session: EditorSession, _ state: AppState) throws -> [Message] {
        lastDraft = nil
        guard let plan = state.plan else { return [] }
        if session.field.addsOrRemoves {
            return [.editorSaved(session.field, try readPlan(state), reloaded: true)]
        }
        return [.editorSaved(session.field, try store.refreshing(plan, after: session.field), reloaded: false)]
    }

    /// Someone else saved the field while `session` was being written: both texts, as the
    /// store has them now.
    func conflict(_ session: EditorSession, _ state: AppState) throws -> [Message] {
        let ref = try ref(state)
        let (value, revision) = try store.value(of: session.field, in: ref)
        var theirs = ""
        if case .text(let text)? = value { theirs = text }
        let change = try store.lastChange(of: session.field, in: ref)
        let conflict = Conflict(session: session, theirText: theirs, theirRevision: revision,
                                changedBy: change?.login ?? "?", changedAt: change.flatMap { Timestamp.date($0.at) })
        return [.conflict(conflict), .reloaded(try readPlan(state))]
    }

    private func export(_ state: AppState, to path: String, mayReplace: Bool) throws -> Message {
        guard let plan = state.plan else { return .failed(Strings.App.noChoice) }
        let markdown = MarkdownRenderer.render(ReportBuilder(plan: plan, period: state.period,
                                                             marks: state.unicode ? .unicode : .ascii).build())
        let asked = OutputFile.expandingTilde(path)
        let target = mayReplace ? asked : reportsWritten[asked] ?? OutputFile.freeName(for: asked)
        try OutputFile.write(Data(markdown.utf8), to: target, sparing: store.files)
        reportsWritten[asked] = target
        return .exported(path: target)
    }

    /// `database`: the file the failing work was on, named when SQLite or the system failed.
    static func message(for error: Error, database: String? = nil) -> String {
        GivenPaths.shown(in: Strings.describe(error, database: database))
    }
}
