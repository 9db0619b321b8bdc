import Foundation
import PlanKit

/// The app's saving on a PostgreSQL database (`PlanServer`): single fields, undo and redo go to
/// the server through `PostgresPlanCommands`, and the app's local copy (the snapshot's store)
/// is brought to the server's state after each change and whenever the server announces
/// another session's change of the plan on the screen (`LISTEN vp_tui_changes`).
///
/// One connection serves the saves, the reading back and the listening, so that a city of
/// managers costs the server one connection per person. The lock keeps its statements in
/// order; only a change (a key that saves) or the background ever takes it, so a key that does
/// not save never waits for the network. When the connection is lost, a connection is tried
/// again in the background every `retryInterval` until the server answers.
public final class PostgresPlanServer: PlanServer, @unchecked Sendable {
    public let address: PostgresAddress
    public let login: String
    public let writableUnits: Set<String>?
    public var database: String { address.description }
    /// The app's copy of the plans, brought to the server's state here and only here.
    let store: PlanStore
    /// How long to wait between attempts to reach a lost server.
    public static let retryInterval: TimeInterval = 1

    /// Guards the connection's use and everything below.
    private let lock = NSLock()
    private var commands: PostgresPlanCommands?
    /// The server process of the connection: its own notifications are not news.
    private var ownProcess: Int32 = 0
    private var watched: PlanRef?
    private var othersChanged = false
    private var news: ServerConnectionNews?
    private var reconnecting = false
    /// Where the copy is refreshed after a notification, one refresh after another.
    private let background = DispatchQueue(label: "vp-tui.postgres.refresh")
    private var refreshPending = false

    /// Connects as the address's login and reads which units it may change; throws
    /// `PostgresStoreError` in Swedish.
    public init(address: PostgresAddress, store: PlanStore) throws {
        self.address = address
        self.store = store
        let commands = try PostgresPlanCommands(address: address)
        login = commands.login
        writableUnits = try Self.writableUnits(commands.link)
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

    public func change<T>(_ plan: PlanRef, _ body: (FieldSaving) throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        guard let commands, !commands.link.isClosed else {
            markLost()
            throw PostgresStoreError.serverNotAnswering(address, .lost)
        }
        do {
            let result = try body(commands)
            try PlanCopyRefresh.run(plan, from: commands.link, into: store)
            return result
        } catch {
            if commands.link.isClosed {
                markLost()
            } else {
                // Refused (stale, not allowed): the copy shows what the server holds now.
                try? PlanCopyRefresh.run(plan, from: commands.link, into: store)
            }
            throw error
        }
    }

    public func watch(_ plan: PlanRef?) {
        lock.lock()
        defer { lock.unlock() }
        watched = plan
        othersChanged = false
    }

    public func takeOthersChanged() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        defer { othersChanged = false }
        return othersChanged
    }

    public func takeConnectionNews() -> ServerConnectionNews? {
        lock.lock()
        defer { lock.unlock() }
        defer { news = nil }
        return news
    }

    public var isLost: Bool {
        lock.lock()
        defer { lock.unlock() }
        return commands == nil
    }

    // MARK: The connection

    /// Takes a new connection into use: listens on it, and hears when it goes.
    private func attach(_ commands: PostgresPlanCommands) throws {
        let process = try commands.link.serverProcess()
        commands.link.listen(PostgresPlanCommands.channel) { [weak self] payload, sender in
            self?.heard(payload, from: sender)
        }
        commands.link.whenClosed { [weak self] in self?.closed(commands) }
        lock.lock()
        self.commands = commands
        ownProcess = process
        lock.unlock()
    }

    /// A notification: another session's change of the plan on the screen is read into the copy
    /// in the background; several that come together are read once. It comes on the
    /// connection's event loop, which must not wait for the lock: a change holding the lock
    /// waits for the event loop to bring its answer.
    private func heard(_ payload: String, from sender: Int32) {
        background.async { [weak self] in
            guard let self else { return }
            lock.lock()
            defer { lock.unlock() }
            guard sender != ownProcess, let watched, payload == "\(watched.unitID)/\(watched.year)", !refreshPending else { return }
            refreshPending = true
            background.async { [weak self] in self?.refreshWatched() }
        }
    }

    private func refreshWatched() {
        lock.lock()
        defer { lock.unlock() }
        refreshPending = false
        guard let watched, let commands, !commands.link.isClosed else { return }
        if (try? PlanCopyRefresh.run(watched, from: commands.link, into: store)) != nil {
            othersChanged = true
        }
    }

    /// The connection closed (on its event loop, which must not wait for the lock).
    private func closed(_ gone: PostgresPlanCommands) {
        background.async { [weak self] in
            guard let self else { return }
            lock.lock()
            defer { lock.unlock() }
            guard commands === gone else { return }
            markLost()
        }
    }

    /// The connection is gone (the lock is held): say so once, and try again in the background.
    private func markLost() {
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
        lock.lock()
        reconnecting = false
        news = .back
        lock.unlock()
        refreshWatched()
    }
}
