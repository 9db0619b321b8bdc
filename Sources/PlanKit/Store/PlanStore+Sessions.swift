import Foundation
import GRDB

/// Someone who has a plan open.
public struct OpenSession: Equatable, Sendable {
    public var id: Int64
    public var login: String
    public var host: String
    public var since: Date

    public init(id: Int64, login: String, host: String, since: Date) {
        self.id = id
        self.login = login
        self.host = host
        self.since = since
    }
}

/// A soft lock: each session that opens a plan says so and keeps saying so; another session
/// can tell who else is in the plan. It never stops anyone from editing: revisions do that job.
extension PlanStore {
    /// How long a session counts as open without a sign of life.
    public static let sessionTimeout: TimeInterval = 90

    public func registerSession(in plan: PlanRef) throws -> Int64 {
        // A plain statement, not the record's insert: on the way to the first frame, where the
        // record's first use would build its generic persistence machinery (docs/PERFORMANCE.md).
        try write { db in
            let now = Self.timestamp()
            try db.execute(cached: """
                INSERT INTO open_session (unit_id, year, login, host, process, started_at, heartbeat_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [plan.unitID, plan.year, login, ProcessInfo.processInfo.hostName, Int(getpid()), now, now])
            return db.lastInsertedRowID
        }
    }

    public func heartbeat(session: Int64) throws {
        try write { db in
            try db.execute(cached: "UPDATE open_session SET heartbeat_at = ? WHERE id = ?", arguments: [Self.timestamp(), session])
        }
    }

    public func endSession(_ session: Int64) throws {
        try write { db in
            try db.execute(cached: "DELETE FROM open_session WHERE id = ?", arguments: [session])
        }
    }

    /// The other sessions that have shown a sign of life in the plan lately, oldest first.
    public func otherSessions(in plan: PlanRef, excluding session: Int64?) throws -> [OpenSession] {
        let cutoff = Timestamp.string(Date().addingTimeInterval(-Self.sessionTimeout))
        return try read { db in
            try OpenSessionRow.fetchAll(cached: db, sql: """
                SELECT * FROM open_session WHERE unit_id = ? AND year = ? AND id IS NOT ? AND heartbeat_at >= ? ORDER BY started_at
                """, arguments: [plan.unitID, plan.year, session, cutoff]).map(\.session)
        }
    }
}
