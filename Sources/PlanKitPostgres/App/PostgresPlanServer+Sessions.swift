import Foundation
import PlanKit

/// This app's entry among the open sessions of the plan it shows, and the others there, as on
/// a SQLite file: a row in `open_session` (row-level security as every unit's table: read by
/// whoever may read the unit, written by whoever may change it), kept alive by the app's
/// heartbeat and counted as open for `PlanStore.sessionTimeout`.
final class ServerSessions: @unchecked Sendable {
    /// The payload prefix of the notification that a session came to or left a plan: the other
    /// apps in it read the list again rather than the whole plan.
    static let notificationPrefix = "sessions:"

    private let lock = NSLock()
    /// The plan this app has open, and the one its row is in (they differ until the background
    /// has moved the row).
    var plan: PlanRef?
    var rowPlan: PlanRef?
    var id: Int64?
    var others: [OpenSession] = []
    var changed = false

    func with<T>(_ body: (ServerSessions) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(self)
    }

    static func payload(_ plan: PlanRef) -> String { notificationPrefix + "\(plan.unitID)/\(plan.year)" }
}

extension PostgresPlanServer {
    public func showSession(in plan: PlanRef?) {
        sessions.with { $0.plan = plan }
        background.async { [weak self] in self?.syncSession() }
    }

    public func sessionHeartbeat() {
        background.async { [weak self] in self?.syncSession() }
    }

    public func endSession() {
        sessions.with { $0.plan = nil }
        // A row left behind (the server slow or gone) stops counting after the session timeout.
        let done = DispatchSemaphore(value: 0)
        background.async { [weak self] in
            self?.syncSession()
            // Its units' changes are no longer announced for it.
            self?.stopListening()
            done.signal()
        }
        _ = done.wait(timeout: .now() + 2)
    }

    public var otherSessions: [OpenSession] { sessions.with { $0.others } }

    public func takeOtherSessionsChanged() -> Bool {
        sessions.with { sessions in
            defer { sessions.changed = false }
            return sessions.changed
        }
    }

    /// Another app came to or left a plan (on the connection's event loop, which must not wait).
    func sessionsHeard(_ payload: String) {
        guard sessions.with({ $0.plan.map(ServerSessions.payload) }) == payload else { return }
        background.async { [weak self] in self?.syncSession() }
    }

    private func stopListening() {
        connectionLock.lock()
        defer { connectionLock.unlock() }
        guard let link = state({ commands })?.link, !link.isClosed else { return }
        try? PostgresChannels.stopListening(on: link)
    }

    /// Brings this app's row to the plan it has open (moved, kept alive, put back when it
    /// expired, or removed), tells the apps in the plans it came to or left, and reads the
    /// others. On the background queue; a failure leaves the list as it was (a lost connection
    /// is told by its own check, and the next heartbeat tries again).
    private func syncSession() {
        connectionLock.lock()
        defer { connectionLock.unlock() }
        guard let link = state({ commands })?.link, !link.isClosed else { return }
        let (plan, rowPlan, id) = sessions.with { ($0.plan, $0.rowPlan, $0.id) }
        do {
            let now = Timestamp.string()
            var current = id
            if let id, rowPlan != plan {
                try link.run("DELETE FROM open_session WHERE id = $1", [.integer(id)])
                current = nil
                if let rowPlan { try PostgresChannels.announce(ServerSessions.payload(rowPlan), unit: rowPlan.unitID, on: link) }
            }
            if let id = current {
                let kept = try link.run("UPDATE open_session SET heartbeat_at = $1 WHERE id = $2", [.text(now), .integer(id)])
                if kept.changed == 0 { current = nil }
            }
            if current == nil, let plan, writableUnits?.contains(plan.unitID) ?? true {
                let inserted = try link.run("""
                    INSERT INTO open_session (unit_id, year, login, host, process, started_at, heartbeat_at)
                    VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING id
                    """, [.text(plan.unitID), .integer(Int64(plan.year)), .text(login), .text(ProcessInfo.processInfo.hostName),
                          .integer(Int64(getpid())), .text(now)])
                if case .integer(let new)? = inserted.single { current = new }
                // The others in the plan read its list again.
                try PostgresChannels.announce(ServerSessions.payload(plan), unit: plan.unitID, on: link)
            }
            let others = try plan.map { try Self.sessions(in: $0, excluding: current, link) } ?? []
            sessions.with { sessions in
                sessions.id = current
                sessions.rowPlan = current == nil ? nil : plan
                if sessions.others != others { sessions.changed = true }
                sessions.others = others
            }
        } catch {}
    }

    /// The sessions that showed a sign of life in the plan lately, but `session`, oldest first.
    static func sessions(in plan: PlanRef, excluding session: Int64?, _ link: PostgresLink) throws -> [OpenSession] {
        let cutoff = Timestamp.string(Date().addingTimeInterval(-PlanStore.sessionTimeout))
        return try link.run("""
            SELECT id, login, host, started_at FROM open_session
            WHERE unit_id = $1 AND year = $2 AND id IS DISTINCT FROM $3 AND heartbeat_at >= $4 ORDER BY started_at, id
            """, [.text(plan.unitID), .integer(Int64(plan.year)), session.map { .integer($0) } ?? .null, .text(cutoff)]).values.compactMap { row in
            guard row.count == 4, case .integer(let id) = row[0], case .text(let login) = row[1], case .text(let host) = row[2],
                  case .text(let since) = row[3] else { return nil }
            return OpenSession(id: id, login: login, host: host, since: Timestamp.date(since) ?? Date())
        }
    }
}
