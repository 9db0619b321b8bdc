import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PlanStore {
    /// The tables each migration makes: a database that recorded a migration but lacks one of
    /// its tables was changed outside vp-tui.
    static let tablesByMigration: [String: [String]] = [
        "v1": ["organisation", "cascade", "item", "text_revision", "plan", "plan_inherits", "follow_up", "section", "edit_log"],
        "v2-drafts-and-sessions": ["draft", "open_session"],
        "v3-hand-in": ["hand_in", "carry_over"],
    ]

    /// Refuses, before anything is written, a file vp-tui cannot use as it is: another program's
    /// database, one a newer vp-tui wrote, or one of ours that lacks a table.
    /// Returns the schema version the file has.
    @discardableResult
    static func refuseUnusable(_ db: Database, path: String) throws -> Int {
        let tables = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"))
        let hasMigrations = tables.contains("grdb_migrations")
        // A database without tables is a new one; one with tables but no record of ours is not ours.
        if !tables.isEmpty && !hasMigrations { throw StoreError.notOurs(path: path) }
        let identifiers = Set(hasMigrations ? try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") : [])
        if !identifiers.isEmpty && identifiers.isDisjoint(with: Schema.knownMigrations) { throw StoreError.notOurs(path: path) }
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version > Schema.version || !identifiers.isSubset(of: Schema.knownMigrations) {
            throw StoreError.newerSchema(path: path, found: version, supported: Schema.version)
        }
        for migration in identifiers.sorted() {
            if let missing = tablesByMigration[migration]?.first(where: { !tables.contains($0) }) {
                throw StoreError.missingTable(path: path, table: missing)
            }
        }
        return version
    }

    /// The database's files (the file, its log and shared memory): never to be written over.
    public var files: [String] {
        path == ":memory:" ? [] : ["", "-wal", "-shm", "-journal"].map { path + $0 }
    }

    /// Whether SQLite may make its log beside the file the path leads to.
    static func folderIsWritable(of path: String) -> Bool {
        let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)).map { destination in
            destination.hasPrefix("/") ? destination : ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent(destination)
        } ?? path
        let folder = (resolved as NSString).deletingLastPathComponent
        return access(folder.isEmpty ? "." : folder, W_OK) == 0
    }

    /// The name SQLite is given for `path`: the path itself, except that a path SQLite would
    /// read as a URI ("file:…") is made explicitly relative, and an unchanging file is opened
    /// through a URI that says so (no log or shared memory is made or looked for).
    static func sqliteFilename(_ path: String, immutable: Bool) -> String {
        guard immutable else { return path.hasPrefix("file:") ? "./" + path : path }
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return "file:" + percentEncoded(Array(absolute.utf8)) + "?immutable=1"
    }

    /// Bytes of a path as a URI's path: letters, digits, "/", "-", ".", "_" and "~" as they are.
    static func percentEncoded(_ bytes: [UInt8]) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/-._~".utf8)
        return bytes.map { plain.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0) }.joined()
    }
}

extension PlanStore {
    /// SQLite's `quick_check` of the file, on a connection of its own, so that it may run on
    /// any thread while the store is in use. nil when the file is sound (or cannot be looked at
    /// again: the store's own reads then say what is wrong).
    public func checkForDamage() -> StoreError? {
        guard path != ":memory:" else { return nil }
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "vp-tui-quick-check"
        configuration.busyMode = .timeout(5)
        do {
            let queue = try DatabaseQueue(path: Self.sqliteFilename(path, immutable: !Self.folderIsWritable(of: path)),
                                          configuration: configuration)
            defer { try? queue.close() }
            let problems = try queue.read { db in try String.fetchAll(db, sql: "PRAGMA quick_check(20)") }.filter { $0 != "ok" }
            return problems.isEmpty ? nil : .damaged(path: path, detail: Strings.damageFound(problems.count))
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CORRUPT || error.resultCode == .SQLITE_NOTADB {
            return .damaged(path: path, detail: Strings.sqliteReason(error))
        } catch {
            return nil
        }
    }
}
