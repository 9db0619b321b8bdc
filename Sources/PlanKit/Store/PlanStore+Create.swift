import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PlanStore {
    /// How `open(path:fill:)` came by the database.
    public enum Opening: Equatable, Sendable {
        /// An existing database.
        case opened
        /// Nothing stood at the path: a new database was made there and filled.
        case created
        /// An empty (0-byte) file stood there: it was made a database and filled.
        case filledEmptyFile
    }

    /// Opens the database at `path`, or makes it when nothing stands there.
    ///
    /// A new database is built whole under a temporary name in the same folder (readable by its
    /// owner alone, as it holds drafts) and linked into place only when it is complete: two
    /// processes making the same database both end with the one the first linked, and a path is
    /// never left half made. Nothing that stood at the path before the call is removed: a link
    /// that leads nowhere (an unmounted share) or in a loop, a folder, or a device is refused.
    public static func open(path: String, login: String = PlanStore.currentLogin(),
                            fill: (PlanStore) throws -> Void) throws -> (store: PlanStore, opening: Opening) {
        guard !path.isEmpty else { throw StoreError.unusablePath(path: path, problem: .noName) }
        var info = stat()
        if lstat(path, &info) != 0 {
            let code = errno
            guard code == ENOENT else { throw StoreError.unusablePath(path: path, problem: PathProblem(errno: code)) }
            if let store = try createAtomically(path: path, login: login, fill: fill) { return (store, .created) }
            // Another process linked its database first: that one is used.
            guard stat(path, &info) == 0 else { throw StoreError.unusablePath(path: path, problem: PathProblem(errno: errno)) }
        } else if info.st_mode & S_IFMT == S_IFLNK {
            guard stat(path, &info) == 0 else {
                let code = errno
                if code == ENOENT { throw StoreError.unusablePath(path: path, problem: .danglingLink(linkDestination(path))) }
                throw StoreError.unusablePath(path: path, problem: PathProblem(errno: code))
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw StoreError.unusablePath(path: path, problem: .isFolder)
        default: throw StoreError.unusablePath(path: path, problem: .notAFile)
        }
        let store = try PlanStore(path: path, login: login)
        guard info.st_size == 0 else { return (store, .opened) }
        // A 0-byte file holds nothing to lose: it is treated as new and filled, and said so.
        if store.isReadOnly { throw StoreError.notADatabase(path: path) }
        if try store.isEmpty() {
            try fill(store)
            return (store, .filledEmptyFile)
        }
        return (store, .opened)
    }

    /// Builds the database beside `path` and links it into place; nil when another process
    /// linked one first. Only the temporary files made here are ever removed.
    private static func createAtomically(path: String, login: String, fill: (PlanStore) throws -> Void) throws -> PlanStore? {
        let folder = try makeFolder(of: path)
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).vp-tui-ny-\(UInt32.random(in: 0...UInt32.max))"
        let descriptor = createExclusively(temporary, mode: 0o600)
        guard descriptor >= 0 else { throw StoreError.unusablePath(path: path, problem: PathProblem(errno: errno)) }
        close(descriptor)
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) } }
        do {
            let store = try PlanStore(path: temporary, login: login)
            try fill(store)
        }
        // The store is closed here; the file alone must hold everything before it is linked.
        try foldLogIntoFile(temporary, reportedPath: path)
        if link(temporary, path) != 0 {
            let code = errno
            if code == EEXIST { return nil }
            // A file system without hard links: a rename, unless a database appeared meanwhile.
            guard [EPERM, ENOTSUP, EOPNOTSUPP, ENOSYS, EMLINK].contains(code) else {
                throw StoreError.unusablePath(path: path, problem: PathProblem(errno: code))
            }
            var info = stat()
            if lstat(path, &info) == 0 { return nil }
            guard rename(temporary, path) == 0 else { throw StoreError.unusablePath(path: path, problem: PathProblem(errno: errno)) }
        }
        return try PlanStore(path: path, login: login)
    }

    /// Leaves write-ahead logging on a closed database, so that its one file holds every commit.
    private static func foldLogIntoFile(_ path: String, reportedPath: String) throws {
        do {
            let queue = try DatabaseQueue(path: sqliteFilename(path, immutable: false))
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
            try queue.close()
        } catch {
            throw StoreError.cannotCreate(path: reportedPath, reason: Strings.sqliteReason(error))
        }
    }

    /// Makes the folder a new file at `path` goes in, when it is missing; returns the folder
    /// ("" for the current one).
    @discardableResult
    public static func makeFolder(of path: String) throws -> String {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !FileManager.default.fileExists(atPath: folder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.unusablePath(path: path, problem: .cannotCreateFolder(folder))
            }
        }
        return folder
    }

    static func linkDestination(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }
}

/// `open(2)` of a new file that must not exist yet, named apart from `PlanStore.open`.
public func createExclusively(_ path: String, mode: mode_t) -> Int32 {
    open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
}

/// What is wrong with a path given for a file, in terms a person can act on.
public enum PathProblem: Equatable, Sendable {
    case isTheDatabase
    case noName, isFolder, notAFolder, notAFile, linkLoop, nameTooLong, permissionDenied, readOnlyFileSystem, diskFull
    case noReader
    case danglingLink(String)
    case cannotCreateFolder(String)
    case other(Int32)

    public init(errno code: Int32) {
        switch code {
        case EISDIR: self = .isFolder
        case ENOTDIR: self = .notAFolder
        case ELOOP: self = .linkLoop
        case ENAMETOOLONG: self = .nameTooLong
        case EACCES, EPERM: self = .permissionDenied
        case EROFS: self = .readOnlyFileSystem
        case ENOSPC, EDQUOT: self = .diskFull
        case ENXIO: self = .noReader
        default: self = .other(code)
        }
    }
}
