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

    public struct Options: Sendable {
        public var unit: String?
        public var year: Int?
        public var period: ReportPeriod?
        public init(unit: String? = nil, year: Int? = nil, period: ReportPeriod? = nil) {
            self.unit = unit
            self.year = year
            self.period = period
        }
    }

    public init(store: PlanStore, width: Int, height: Int, unicode: Bool = true, colors: Bool = true,
                options: Options = Options()) throws {
        self.store = store
        let directory = store.path == ":memory:" ? FileManager.default.currentDirectoryPath
            : (store.path as NSString).deletingLastPathComponent
        state = AppState(width: width, height: height, unicode: unicode, colors: colors, readOnly: store.isReadOnly,
                         exportDirectory: directory.isEmpty ? "." : directory)
        state.choices = try Self.choices(store)
        try start(with: options)
    }

    static func choices(_ store: PlanStore) throws -> [PlanChoice] {
        try store.plans().flatMap { summary in
            summary.periods.reversed().map { PlanChoice(unitID: summary.unit.id, unitName: summary.unit.name, year: summary.year, period: $0) }
        }
    }

    /// Opens what the options name; with more than one candidate left, shows the chooser.
    private func start(with options: Options) throws {
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

    /// The screen as it should look now.
    public func render() -> Screen {
        View.render(state)
    }

    /// Handles one key; returns what the terminal must do.
    @discardableResult
    public func send(_ key: KeyEvent) -> [TerminalRequest] {
        let effects = Update.handle(key, &state)
        return perform(effects)
    }

    /// The text came back from the external editor (nil: unchanged or failed).
    public func externalEditorFinished(_ text: String?, failed: Bool = false) {
        guard case .editor(var session)? = state.modal else { return }
        if failed {
            state.status = StatusMessage(Strings.App.externalEditorFailed, isError: true)
            return
        }
        guard let text else { return }
        session.editor = TextEditor(text: text)
        state.modal = .editor(session)
        _ = perform([.set(session.field, .text(text), expectedRevision: session.baseRevision, message: Strings.App.saved)])
        if case .editor(var saved)? = state.modal, let revision = try? store.value(of: saved.field, in: state.plan!.ref).revision {
            saved.baseRevision = revision
            state.modal = .editor(saved)
        }
    }

    // MARK: Effects

    private func perform(_ effects: [Effect]) -> [TerminalRequest] {
        var requests: [TerminalRequest] = []
        for effect in effects {
            do {
                switch effect {
                case .quit:
                    requests.append(.quit)
                case .runExternalEditor(let text):
                    requests.append(.externalEditor(text))
                case .open(let choice):
                    try open(choice)
                case .set(let field, let value, let revision, let message):
                    try save(field, value, revision: revision, message: message)
                case .undo:
                    let field = try store.undo(in: try currentRef())
                    try reload(focusing: field)
                    state.status = StatusMessage(Strings.App.undone)
                case .redo:
                    let field = try store.redo(in: try currentRef())
                    try reload(focusing: field)
                    state.status = StatusMessage(Strings.App.redone)
                case .exportReport(let path):
                    try export(to: path)
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
        state.plan = try store.loadPlan(PlanRef(unitID: choice.unitID, year: choice.year))
        state.period = choice.period
        state.page = .plan
        state.folded = []
        state.search = nil
        state.scrollTop = 0
        Update.select(state.rows.first(where: { if case .item = $0.target { return true } else { return false } })?.target
                      ?? state.rows.first?.target, &state)
    }

    private func save(_ field: FieldRef, _ value: FieldValue?, revision: Int?, message: String?) throws {
        try store.set(field, to: value, in: try currentRef(), expectedRevision: revision)
        try reload(focusing: nil)
        state.status = StatusMessage(message ?? Strings.App.saved)
    }

    /// Reads the plan again and keeps the selection where it was (or on the changed field).
    private func reload(focusing field: FieldRef?) throws {
        guard let ref = state.plan?.ref else { return }
        state.plan = try store.loadPlan(ref)
        if let field {
            if let period = field.period, period != state.period { state.period = period }
            if let item = field.itemID { Update.reveal(.item(item), &state) }
            if case .sectionText(let section, _) = field { Update.reveal(.section(section), &state) }
        }
        if let selection = state.selection, !state.rows.contains(where: { $0.target == selection }) {
            Update.select(state.rows.first?.target, &state)
        }
        Update.keepSelectionVisible(&state)
    }

    private func export(to path: String) throws {
        guard let plan = state.plan else { return }
        let markdown = MarkdownRenderer.render(ReportBuilder(plan: plan, period: state.period,
                                                             marks: state.unicode ? .unicode : .ascii).build())
        let expanded = (path as NSString).expandingTildeInPath
        try Data(markdown.utf8).write(to: URL(fileURLWithPath: expanded), options: .atomic)
        state.status = StatusMessage(Strings.App.exported(expanded))
    }

    static func message(for error: Error) -> String {
        (error as? LocalizedError)?.errorDescription ?? "\(error)"
    }
}
