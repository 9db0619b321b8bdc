import Foundation
import GRDB

/// Makes the store's commits durable within `delay` of the last one, without an fsync in
/// every commit.
///
/// The store's connection runs with `synchronous = NORMAL`: in WAL mode a commit is then a write
/// to the log that the operating system keeps, so it survives the program being killed, the
/// terminal closing and the SSH link dropping, but not the machine losing power. What makes it
/// survive that is an fsync of the log, which SQLite does when it checkpoints. This object runs
/// that checkpoint on a background queue, on its own connection, shortly after commits: a key
/// that saves does not wait for the disk (on network home directories an fsync can take tens of
/// milliseconds), and a power cut loses at most the last `delay` of work, as with the drafts.
final class Checkpointer: @unchecked Sendable {
    /// How long after a commit it is made durable, at most (plus the time of the fsync).
    static let delay: TimeInterval = 0.5

    private let path: String
    private let queue = DispatchQueue(label: "vp-tui.checkpoint", qos: .utility)
    private let lock = NSLock()
    /// Guarded by `lock`: whether a checkpoint is already waiting to run.
    private var scheduled = false
    /// Guarded by `lock`: the store is closed; nothing more is scheduled or run.
    private var finished = false
    /// Used on `queue` only; opened with the first checkpoint, so that opening the store costs nothing.
    private var connection: DatabaseQueue?
    /// Used on `queue` only: makes the store's connection start the log afresh (see `checkpoint`);
    /// dropped when the store closes, since it holds the store's connection.
    private var startLogAfresh: (@Sendable () -> Void)?

    init(path: String, startLogAfresh: @escaping @Sendable () -> Void) {
        self.path = path
        self.startLogAfresh = startLogAfresh
    }

    /// A transaction was committed: have it made durable soon.
    func committed() {
        lock.lock()
        defer { lock.unlock() }
        guard !scheduled, !finished else { return }
        scheduled = true
        queue.asyncAfter(deadline: .now() + Self.delay) { [self] in
            let run = lock.withLock {
                scheduled = false
                return !finished
            }
            if run { checkpoint(thenStartLogAfresh: true) }
        }
    }

    /// Makes every commit so far durable now, waiting for it.
    func flush() {
        queue.sync { checkpoint() }
    }

    /// The store is closing: a last checkpoint, then the connection is closed and nothing more
    /// runs (a checkpoint still waiting would open the file again after the store is gone).
    func finish() {
        queue.sync {
            let first = lock.withLock {
                defer { finished = true }
                return !finished
            }
            guard first else { return }
            checkpoint()
            // Closed now, not whenever GRDB gets to it: the store's own connection must be the
            // last one to close, so that SQLite folds the log into the file and removes it.
            try? connection?.close()
            connection = nil
            startLogAfresh = nil
        }
    }

    /// With `thenStartLogAfresh`, a checkpoint that copied the whole log into the database is
    /// followed by the store's connection starting the log again from its beginning. Whoever
    /// writes first after such a checkpoint does that, and SQLite then syncs the new log header
    /// to the disk whatever `synchronous` says: done here, in the background, the person's next
    /// change (typically more than `delay` after the last) does not wait for that fsync.
    private func checkpoint(thenStartLogAfresh: Bool = false) {
        // A file removed meanwhile is not made again by opening it.
        guard FileManager.default.fileExists(atPath: path) else { return }
        do {
            if connection == nil {
                var configuration = Configuration()
                configuration.label = "vp-tui-checkpoint"
                // A checkpoint never waits for readers or writers (PASSIVE); a busy database
                // only makes this one do less, and the next commit schedules another.
                configuration.busyMode = .immediateError
                connection = try DatabaseQueue(path: PlanStore.sqliteFilename(path, immutable: false), configuration: configuration)
            }
            let frames = try connection?.writeWithoutTransaction { db in
                // FULL here: the checkpoint syncs the log before it copies pages into the database.
                try db.execute(sql: "PRAGMA synchronous = FULL")
                return try db.checkpoint(.passive)
            }
            if thenStartLogAfresh, let frames, frames.walFrameCount > 0, frames.checkpointedFrameCount == frames.walFrameCount {
                startLogAfresh?()
            }
        } catch {
            // Nothing is lost: the commit is in the log, which the next checkpoint (or the last
            // connection closing) writes to the disk.
        }
    }
}

extension PlanStore {
    /// Writes the schema version as it is, which changes nothing but is a write: on a log that a
    /// checkpoint has emptied, it starts the log afresh, with its header synced (see
    /// `Checkpointer.checkpoint`). On the store's own connection, so that this session's change
    /// counter does not move; another session's does, as for any commit. Skipped, not waited
    /// for, when another session is writing: the next writer then starts the log, as before.
    static func startLogAfresh(_ queue: DatabaseQueue) {
        try? queue.inDatabase { db in
            try withoutWaiting(db) {
                try db.inTransaction(.immediate) {
                    let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
                    try db.execute(sql: "PRAGMA user_version = \(version)")
                    return .commit
                }
            }
        }
    }
}
