import GRDB

extension PlanStore {
    /// Looks for a draft, makes changes, undoes and redoes the last one and drops their drafts, all in one
    /// transaction that is rolled back: nothing is stored or logged, and no other session sees
    /// anything.
    ///
    /// Why: the first change of a session paid for preparing its statements and for the Swift
    /// runtime's first look-ups of the encoders the edit log uses (several milliseconds in a
    /// binary this size), so the first rating a person set was the slowest key of the day. The
    /// app rehearses once its first frame is on the screen, while the person reads it.
    /// Errors are ignored (a read-only or busy database is simply not rehearsed): the real
    /// change reports its own.
    public func rehearseChanges(_ changes: [(FieldRef, FieldValue)], in plan: PlanRef) {
        guard !isReadOnly, !changes.isEmpty else { return }
        try? queue.inDatabase { db in
            // If another session is writing, skip this rather than wait for it.
            try Self.withoutWaiting(db) {
                try db.inTransaction(.deferred) {
                    // The editor's look for a draft, its statement prepared, as `e` makes it.
                    if let (field, _) = changes.first, let key = Self.encode(field) {
                        _ = try latestDraft(of: field, key: key, in: plan, db)
                    }
                    for (field, value) in changes {
                        _ = try set(field, to: value, in: plan, expectedRevision: nil, db)
                        try discardDraft(for: field, in: plan, db)
                    }
                    _ = try Self.step(.undo, in: plan, login: login, db)
                    _ = try Self.step(.redo, in: plan, login: login, db)
                    return .rollback
                }
            }
        }
    }

    /// Runs `body` with no busy timeout: work that can be skipped (a rehearsal, starting the log
    /// afresh) fails at once when another session is writing, rather than waiting for it.
    static func withoutWaiting<T>(_ db: Database, _ body: () throws -> T) throws -> T {
        try db.execute(sql: "PRAGMA busy_timeout = 0")
        defer { try? db.execute(sql: "PRAGMA busy_timeout = \(busyTimeoutMilliseconds)") }
        return try body()
    }
}
