import Foundation
import PlanKit

/// The app's saving on a PostgreSQL database (`PlanServer`): single fields, undo and redo go to
/// the server through `PostgresPlanCommands`, and the app's local copy (the snapshot's store)
/// is brought to the server's state after each change and whenever the server announces
/// another session's change of the plan on the screen (`LISTEN` on the channels of the units the
/// login may read, `PostgresChannels`).
///
/// One connection serves the saves, the reading back and the listening, so that a city of
/// managers costs the server one connection per person. Only a change (a key that saves) and
/// the background use it, so a key that does not save never waits for the network. When the connection is lost, a connection is tried
/// again in the background every `retryInterval` until the server answers.
public final class PostgresPlanServer: PlanServer, @unchecked Sendable {
    public let address: PostgresAddress
    public let login: String
    public let writableUnits: Set<String>?
    /// The organisations whose plans the login may read; nil: all (the owner).
    public let readableUnits: Set<String>?
    public var database: String { address.description }
    /// The app's copy of the plans, brought to the server's state here and only here.
    let store: PlanStore
    /// How long to wait between attempts to reach a lost server.
    public static let retryInterval: TimeInterval = 1
    /// How often the connection is asked whether the server still answers, and how long the
    /// answer may take: a network gone silent without a reset closes nothing, so without asking
    /// it would be noticed only when a save waited out the statement deadline (two minutes).
    /// Lost within about seven seconds; the answer's allowance is wide enough for the question
    /// to wait behind the longest statement the app sends (reading a board's plans back).
    public static let checkInterval: TimeInterval = 2
    public static let checkDeadline: Int64 = 5

    /// Held while the connection is used (a change, a refresh): one statement after another.
    let connectionLock = NSLock()
    /// Guards what follows; never held while waiting for the network, so that what the app asks
    /// between keys (`takeOthersChanged`, `isLost`, `watch`) answers at once.
    private let stateLock = NSLock()
    private(set) var commands: PostgresPlanCommands?
    /// The server process of the connection: its own notifications are not news.
    private var ownProcess: Int32 = 0
    private var watched: PlanRef?
    private var othersChanged = false
    private var news: ServerConnectionNews?
    private var reconnecting = false
    private var refreshPending = false
    /// The connection whose common saves are prepared (`prepareSavesSoon`).
    private var preparedConnection: ObjectIdentifier?
    /// Where the copy is refreshed and the server reached again, one task after another.
    let background = DispatchQueue(label: "vp-tui.postgres.refresh")
    /// Where the server is asked whether it answers: never behind a refresh or a change that
    /// waits for the same silent server.
    private let checking = DispatchQueue(label: "vp-tui.postgres.check")
    /// This app's entry among the open sessions of its plan, and the others there.
    let sessions = ServerSessions()
    /// Which plans the copy holds, and which others changed (PostgresPlanServer+Reading.swift).
    package let reading = ServerReading()
    /// This login's drafts on the server.
    let draftCache = ServerDraftCache()

    /// Connects as the address's login and reads which units it may change; throws
    /// `PostgresStoreError` in Swedish.
    public init(address: PostgresAddress, store: PlanStore) throws {
        self.address = address
        self.store = store
        let commands = try PostgresPlanCommands(address: address)
        login = commands.login
        writableUnits = try Self.writableUnits(commands.link)
        readableUnits = try Self.readableUnits(commands.link)
        try attach(commands)
    }

    /// The units whose plans the login may change: its unit grants and every unit below a nämnd
    /// it administers (`vp_writable`); nil for a login row-level security does not bind (the owner).
    static func writableUnits(_ link: PostgresLink) throws -> Set<String>? {
        guard try link.run("SELECT row_security_active('public.plan')").single == .integer(1) else { return nil }
        return Set(try link.run("SELECT vp_writable()").values.compactMap { row in
            if case .text(let id) = row.first { id } else { nil }
        })
    }

    @discardableResult
    public func change<T>(_ plan: PlanRef, _ body: (FieldSaving) throws -> T) throws -> T {
        // Known lost: refused at once, not after a change still waiting on the lost connection.
        if isLost { throw PostgresStoreError.serverNotAnswering(address, .lost) }
        connectionLock.lock()
        defer { connectionLock.unlock() }
        // The boards held may lack this change (or a year it starts) from here on.
        reading.with { $0.letGoOfBoards() }
        guard let commands = state({ commands }), !commands.link.isClosed else {
            state { markLost() }
            throw PostgresStoreError.serverNotAnswering(address, .lost)
        }
        let result: T
        do {
            result = try body(commands)
        } catch {
            if commands.link.isClosed {
                state { markLost() }
            } else {
                // Refused (stale, not allowed): the copy shows what the server holds now.
                try? PlanCopyRefresh.run(plan, from: commands.link, into: store)
            }
            throw error
        }
        // Saved: a copy that cannot be read back now (the connection broke just after the
        // commit) is read whole once the server answers again, and the change stays saved.
        do {
            try PlanCopyRefresh.afterChange(plan, login: login, from: commands.link, into: store)
        } catch {
            if commands.link.isClosed { state { markLost() } } else { refreshSoon() }
        }
        return result
    }

    /// A plan newly on the screen is read again in the background unless it was just read
    /// (`bringIn`) and no change of it was heard since.
    public func watch(_ plan: PlanRef?) {
        let isNew = state { () -> Bool in
            defer { watched = plan }
            othersChanged = false
            return plan != nil && plan != watched
        }
        if isNew, let plan, reading.needsReading(plan) { refreshSoon() }
        if isNew, let plan { watchDrafts(plan) }
    }

    public func takeOthersChanged() -> Bool {
        state {
            defer { othersChanged = false }
            return othersChanged
        }
    }

    public func takeConnectionNews() -> ServerConnectionNews? {
        state {
            defer { news = nil }
            return news
        }
    }

    public var isLost: Bool { state { commands == nil } }

    func state<T>(_ body: () throws -> T) rethrows -> T {
        stateLock.lock()
        defer { stateLock.unlock() }
        return try body()
    }

    // MARK: The connection

    /// Takes a new connection into use: listens on it, and hears when it goes.
    private func attach(_ commands: PostgresPlanCommands) throws {
        let process = try commands.link.serverProcess()
        // The plans the login may read, its own among them; the owner hears every plan.
        let units = readableUnits.map { $0.union(writableUnits ?? []) }
        try PostgresChannels.listen(units: units, on: commands.link) { [weak self] payload, sender in
            self?.heard(payload, from: sender)
        }
        // No reference to the connection is taken on its event loop: letting go of the last one
        // there would close it, which waits for the event loop itself.
        let gone = ObjectIdentifier(commands)
        commands.link.whenClosed { [weak self] in
            self?.background.async { [weak self] in self?.closed(gone) }
        }
        state {
            self.commands = commands
            ownProcess = process
        }
        checkSoon(ObjectIdentifier(commands))
    }

    /// Prepares on the connection, in the background and once per connection, the statements
    /// of the saves a person makes most (`PostgresPlanCommands.prepareCommonSaves`), when a plan
    /// the login may change is on the screen: its first save of each kind then waits for less.
    /// After the plan is read, so that the opening does not wait for it.
    func prepareSavesSoon(for plan: PlanRef) {
        guard writableUnits?.contains(plan.unitID) ?? true else { return }
        background.async { [weak self] in
            guard let self else { return }
            connectionLock.lock()
            defer { connectionLock.unlock() }
            guard let commands = state({ commands }), !commands.link.isClosed,
                  state({ preparedConnection }) != ObjectIdentifier(commands) else { return }
            // Not prepared here, a save prepares its own statements when it first runs them.
            try? commands.prepareCommonSaves()
            state { preparedConnection = ObjectIdentifier(commands) }
        }
    }

    /// Asks the server, after `checkInterval`, whether the connection `current` still answers,
    /// and again after that while it does and is the one in use.
    private func checkSoon(_ current: ObjectIdentifier) {
        checking.asyncAfter(deadline: .now() + Self.checkInterval) { [weak self] in self?.check(current) }
    }

    private func check(_ current: ObjectIdentifier) {
        guard let commands = state({ commands }), ObjectIdentifier(commands) == current else { return }
        if commands.link.answers(within: Self.checkDeadline) {
            checkSoon(current)
        } else {
            state { if let now = self.commands, ObjectIdentifier(now) == current { markLost() } }
        }
    }

    /// A notification (on the connection's event loop, which must not wait: a change waits for
    /// it to bring its answer): another session's change of the plan on the screen is read into
    /// the copy in the background.
    private func heard(_ payload: String, from sender: Int32) {
        if payload.hasPrefix(ServerSessions.notificationPrefix) {
            if sender != state({ ownProcess }) { sessionsHeard(payload) }
            return
        }
        let (own, watched) = state { (sender == ownProcess, self.watched) }
        let cascade = payload.hasPrefix(PostgresChannels.cascadePrefix)
        guard !own, let plan = ServerReading.plan(in: cascade ? String(payload.dropFirst(PostgresChannels.cascadePrefix.count)) : payload)
        else { return }
        // Noted before the plan on the screen is read again, so that that reading reads the cascade.
        planHeard(plan, cascade: cascade, watched: watched)
        if plan == watched { refreshSoon() }
    }

    /// Reads the plan on the screen again in the background; several asked for together are read once.
    private func refreshSoon() {
        let already = state { () -> Bool in
            defer { refreshPending = true }
            return refreshPending
        }
        if !already { background.async { [weak self] in self?.refreshWatched() } }
    }

    private func refreshWatched() {
        connectionLock.lock()
        defer { connectionLock.unlock() }
        let (plan, commands) = state { () -> (PlanRef?, PostgresPlanCommands?) in
            refreshPending = false
            return (watched, self.commands)
        }
        guard let plan, let commands, !commands.link.isClosed else { return }
        let cascade = reading.takeCascade(plan)
        if (try? PlanCopyRefresh.run(plan, cascade: cascade, from: commands.link, into: store)) != nil {
            state { if watched == plan { othersChanged = true } }
        } else if cascade {
            reading.with { _ = $0.cascadeChanged.insert(plan) }
        }
    }

    /// The connection closed.
    private func closed(_ gone: ObjectIdentifier) {
        state { if let commands, ObjectIdentifier(commands) == gone { markLost() } }
    }

    /// The connection is gone (the state lock is held): said once, and the server tried again
    /// in the background.
    func markLost() {
        if commands != nil || !reconnecting { news = .lost }
        commands = nil
        guard !reconnecting else { return }
        reconnecting = true
        background.asyncAfter(deadline: .now() + Self.retryInterval) { [weak self] in self?.reconnect() }
    }

    /// One attempt to reach the server again; on success the plan on the screen is read again,
    /// since others may have saved while this session could not hear them.
    private func reconnect() {
        guard let found = try? PostgresPlanCommands(address: address), (try? attach(found)) != nil else {
            background.asyncAfter(deadline: .now() + Self.retryInterval) { [weak self] in self?.reconnect() }
            return
        }
        state {
            reconnecting = false
            news = .back
        }
        // Others' changes while the server could not be heard: every plan held is read again when next opened.
        // A board's cascade imported meanwhile too, so each is read with its cascade.
        reading.with {
            $0.stale = $0.loaded
            $0.cascadeChanged = $0.loaded
            $0.letGoOfBoards()
        }
        draftsBack()
        refreshSoon()
        sessionHeartbeat()
    }
}
