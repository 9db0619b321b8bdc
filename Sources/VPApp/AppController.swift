import Foundation
import PlanKit

/// What the main loop must do for the app: things only the terminal can.
public enum TerminalRequest: Equatable, Sendable {
    case quit
    /// Suspend the screen, let the person edit this text in $VISUAL/$EDITOR, then call
    /// `externalEditorFinished`.
    case externalEditor(String)
}

/// Runs the app as a closed loop: every key, tick and result becomes a `Message` for `Update`,
/// whose effects the `EffectRunner` performs, answering with messages again. The controller
/// holds the state but never changes it itself. Tests drive it with key events and read the
/// screen; the ncurses main loop does the same with a real terminal.
public final class AppController {
    public private(set) var state: AppState
    private let runner: EffectRunner

    /// How often text being written is put into its draft, at most.
    public static let draftInterval = Update.draftInterval
    public static let changeCheckInterval = Update.changeCheckInterval
    public static let heartbeatInterval = Update.heartbeatInterval

    public struct Options: Sendable {
        public var unit: String?
        public var year: Int?
        public var period: ReportPeriod?
        /// Start in the compact view (see `AppState.compact`).
        public var compact: Bool
        /// Where the plan last opened on this database is kept; nil: nothing is remembered.
        public var memory: LastPlanMemory?
        /// Open the plan last opened on this database, if it is still there (`vp-tui` without
        /// arguments); else start as without it, and say so.
        public var reopensLastPlan: Bool
        /// The store holds plans read from PostgreSQL (read-only): the status line says so.
        public var readsFromPostgres: Bool
        /// The server the store is a copy of (PostgreSQL): changes are saved there, and each plan
        /// opens writable or read-only by the login's rights on it. nil: the store itself saves.
        public var server: (any PlanServer)?
        public init(unit: String? = nil, year: Int? = nil, period: ReportPeriod? = nil, compact: Bool = false,
                    memory: LastPlanMemory? = nil, reopensLastPlan: Bool = false, readsFromPostgres: Bool = false,
                    server: (any PlanServer)? = nil) {
            self.readsFromPostgres = readsFromPostgres
            self.server = server
            self.unit = unit
            self.year = year
            self.period = period
            self.compact = compact
            self.memory = memory
            self.reopensLastPlan = reopensLastPlan
        }
    }

    /// Opens what the options name (see `EffectRunner.start`); throws what is not there.
    public init(store: PlanStore, width: Int, height: Int, unicode: Bool = true, colors: Bool = true,
                options: Options = Options(), now: Date = Date()) throws {
        runner = EffectRunner(store: store, memory: options.memory, server: options.server)
        let directory = store.path == ":memory:" ? FileManager.default.currentDirectoryPath
            : GivenPaths.folder(of: store.path) ?? (store.path as NSString).deletingLastPathComponent
        state = AppState(width: width, height: height, unicode: unicode, colors: colors, readOnly: store.isReadOnly,
                         exportDirectory: directory.isEmpty ? "." : directory, compact: options.compact, now: now)
        state.readsFromPostgres = options.readsFromPostgres
        if let server = options.server {
            state.savesOnServer = true
            state.serverWritableUnits = server.writableUnits
            state.readOnly = false
        }
        // A unit or year that is not there is refused naming the unit as the person knows it.
        for message in try store.namingUnits({ try runner.start(with: options) }) { _ = dispatch(message) }
    }

    var store: PlanStore { runner.store }

    /// The work of opening that the first frame does not need (see `EffectRunner.finishStartup`):
    /// this session's entry among the open sessions, a rehearsal of the changes to come, the
    /// search index, and work in the background. The main loop
    /// calls it once the first frame is drawn; any key or tick before that does it first.
    public func finishStartup() {
        for message in runner.finishStartup(state) { _ = dispatch(message) }
    }

    /// The screen as it should look now.
    public func render() -> Screen {
        View.render(state)
    }

    /// The terminal the app is drawn on, once it is known: its size and what it can show. The
    /// outline is scrolled for that size as if the app had been opened on it.
    public func attach(width: Int, height: Int, unicode: Bool, colors: Bool) {
        dispatch(.attached(width: width, height: height, unicode: unicode, colors: colors))
    }

    /// Handles one key; returns what the terminal must do.
    @discardableResult
    public func send(_ key: KeyEvent) -> [TerminalRequest] {
        finishStartup()
        return dispatch(.key(key))
    }

    /// The text came back from the external editor (nil: unchanged or failed). The editor stays
    /// open with it, and it is saved as a draft at once.
    public func externalEditorFinished(_ text: String?, failed: Bool = false) {
        dispatch(failed ? .externalEditorFailed : .externalEditorFinished(text))
    }

    /// Called by the main loop after every key and at least twice a second: keeps the draft of
    /// the text being written, notices other sessions' changes and says this session is alive.
    public func tick(now: Date = Date()) {
        finishStartup()
        dispatch(.tick(now))
    }

    /// Waits until the period states the chooser asked for have been read, and the board's
    /// table counted, and shows them. For
    /// tests and benchmarks: the main loop takes them in with its ticks.
    public func waitForBackgroundWork() {
        runner.stateWorker.waitUntilIdle()
        for message in runner.perform(.collectStates, state) { dispatch(message) }
        runner.boardCounter.waitUntilIdle()
        for message in runner.perform(.collectBoardCount, state) { dispatch(message) }
    }

    /// Whether work in the background will have something to show soon: the main loop then
    /// ticks more often than twice a second.
    public var isBackgroundWorkPending: Bool {
        (state.page == .chooser && runner.stateWorker.isBusy) || state.board?.isCounting == true
    }

    /// The way out: the draft is kept, and this session leaves the list of open sessions.
    public func close() {
        runner.close(state)
    }

    /// One message through `Update`, its effects through the runner, and their answers through
    /// `Update` again, until nothing is left to do.
    @discardableResult
    private func dispatch(_ message: Message) -> [TerminalRequest] {
        var requests: [TerminalRequest] = []
        var pending = [message]
        while !pending.isEmpty {
            let message = pending.removeFirst()
            runner.notice(message)
            let effects = Update.handle(message, &state)
            for effect in effects {
                switch effect {
                case .quit: requests.append(.quit)
                case .runExternalEditor(let text): requests.append(.externalEditor(text))
                default: break
                }
                pending += runner.perform(effect, state)
            }
        }
        return requests
    }
}
