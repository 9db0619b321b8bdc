import Foundation
import GRDB

/// The one owner of a vp-tui database: an embedded SQLite file reached through GRDB.
/// Every change is one command applied in one transaction and written to the edit log.
public final class PlanStore: Sendable {
    package let queue: DatabaseQueue
    public let path: String
    public let isReadOnly: Bool
    /// The login name written to the edit log.
    public let login: String
    /// This store's window: the drafts it writes are its own, so that the same login in two
    /// windows keeps two drafts of one field (each offered back after a crash).
    public let window = UUID().uuidString
    /// Makes commits durable shortly after they are made; nil for in-memory and read-only stores.
    private let checkpointer: Checkpointer?
    /// The board cascade read last, while unchanged (see there).
    package let cascadeCache = CascadeCache()

    /// Opens (and creates or migrates) the database at `path`. A file that is not a vp-tui
    /// database, or that a newer vp-tui wrote, is refused untouched. A file this user may not
    /// write, or any file when `readOnly` is set, is opened read-only: reads work and every
    /// change throws `StoreError.readOnly`.
    public init(path: String, login: String = PlanStore.currentLogin(), readOnly: Bool = false) throws {
        self.path = path
        self.login = login
        let fileManager = FileManager.default
        let exists = fileManager.fileExists(atPath: path)
        let writable = exists ? fileManager.isWritableFile(atPath: path) : true
        // SQLite makes its log and shared memory beside the file: where it cannot, the file is
        // only read, and read as unchanging (no log can be looked for either).
        let folderWritable = !exists || Self.folderIsWritable(of: path)
        isReadOnly = readOnly || !writable || !folderWritable
        if exists {
            try Self.checkIsSQLite(path: path)
            // Without a write-ahead log there is nothing a closing connection could checkpoint
            // into the file, and the read-write connection's own check (prepareSchema) is enough:
            // the probe's second connection is spared on the usual start.
            if !isReadOnly && fileManager.fileExists(atPath: path + "-wal") { try Self.refuseNewerSchema(path: path) }
        } else if !readOnly {
            let directory = (path as NSString).deletingLastPathComponent
            if !directory.isEmpty {
                do {
                    try fileManager.createDirectory(atPath: directory, withIntermediateDirectories: true)
                } catch {
                    let problem = Strings.posixCode(of: error as NSError).map(PathProblem.init(errno:)) ?? .cannotCreateFolder(directory)
                    throw StoreError.cannotCreate(path: path, reason: Strings.pathProblem(problem, directory))
                }
            }
        }
        var configuration = Configuration()
        configuration.readonly = isReadOnly
        configuration.busyMode = .timeout(Double(Self.busyTimeoutMilliseconds) / 1000)
        configuration.foreignKeysEnabled = true
        configuration.label = "vp-tui"
        if !isReadOnly {
            // Commits without an fsync each; `Checkpointer` makes them durable (see there).
            configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = NORMAL") }
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: Self.sqliteFilename(path, immutable: !folderWritable), configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError.notADatabase(path: path)
        } catch {
            throw StoreError.cannotCreate(path: path, reason: Strings.sqliteReason(error))
        }
        self.queue = queue
        checkpointer = isReadOnly ? nil : Checkpointer(path: path) { Self.startLogAfresh(queue) }
        try prepareSchema()
    }

    /// How long a change waits for another session's transaction to end before it fails.
    static let busyTimeoutMilliseconds = 5000

    deinit {
        // What the last half second committed goes to the disk before the connection closes.
        checkpointer?.finish()
    }

    /// A database in memory, for tests and dry runs.
    public init(inMemoryWithLogin login: String = "test") throws {
        path = ":memory:"
        self.login = login
        isReadOnly = false
        checkpointer = nil
        queue = try Self.inMemoryQueue()
        try prepareSchema()
    }

    /// A database in memory that is read-only to everyone but this package, which fills it
    /// through `queue`: a snapshot of plans read elsewhere (PostgreSQL), on which every report
    /// and screen runs as on a file, and every change is refused as on a read-only file.
    package init(readOnlySnapshotWithLogin login: String) throws {
        path = ":memory:"
        self.login = login
        isReadOnly = true
        checkpointer = nil
        queue = try Self.inMemoryQueue()
        try Schema.migrator.migrate(queue)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA user_version = \(Schema.version)") }
    }

    /// A connection to a new database in memory, its foreign keys checked as on a file.
    private static func inMemoryQueue() throws -> DatabaseQueue {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        return try DatabaseQueue(configuration: configuration)
    }

    public static func currentLogin() -> String {
        let environment = ProcessInfo.processInfo.environment
        if let user = environment["USER"] ?? environment["LOGNAME"], !user.isEmpty { return user }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "okänd"
    }

    private static func checkIsSQLite(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else { return }
        defer { try? handle.close() }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        // An empty file is a fresh database that SQLite will initialise.
        if header.isEmpty { return }
        if header != Data("SQLite format 3\u{0}".utf8) {
            throw StoreError.notADatabase(path: path)
        }
    }

    private func prepareSchema() throws {
        do {
            let version = try queue.read { db in try Self.refuseUnusable(db, path: path) }
            if isReadOnly { return }
            // Opening an up-to-date database writes nothing, so a failed command leaves the file
            // byte for byte as it was.
            if path != ":memory:" {
                try queue.writeWithoutTransaction { db in
                    if try String.fetchOne(db, sql: "PRAGMA journal_mode")?.lowercased() != "wal" {
                        try db.execute(sql: "PRAGMA journal_mode = WAL")
                    }
                }
            }
            if try queue.read({ db in try !Schema.migrator.hasCompletedMigrations(db) }) {
                try Schema.migrator.migrate(queue)
            }
            if version != Schema.version {
                try queue.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA user_version = \(Schema.version)")
                }
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notADatabase(path: path)
        } catch let error as DatabaseError {
            throw StoreError.cannotCreate(path: path, reason: Strings.sqliteReason(error))
        }
    }

    /// Whether the database holds no organisation yet.
    public func isEmpty() throws -> Bool {
        try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM organisation") == 0 }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        if isReadOnly { throw StoreError.readOnly(path: path) }
        defer { cascadeCache.invalidate() }
        let result = try translatingWriteErrors { try queue.write(body) }
        checkpointer?.committed()
        return result
    }

    /// Writes every commit so far to the disk now (they are otherwise within `Checkpointer.delay`).
    public func makeDurable() {
        checkpointer?.flush()
    }

    /// Runs `body` in one read transaction: every statement sees the same committed state.
    ///
    /// Not GRDB's `queue.read`: that makes the connection read-only for the duration with
    /// `PRAGMA query_only`, and switching that pragma expires every prepared statement of the
    /// connection, so that after each read (and the change check every second) the next commands
    /// would parse all their statements again. The store's reads only read.
    package func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try queue.inDatabase { db in
                var result: T?
                try db.inTransaction(.deferred) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            throw StoreError.damaged(path: path, detail: Strings.sqliteReason(error))
        }
    }
}
