import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A PostgreSQL cluster of its own for the tests: initdb and pg_ctl in a new temporary folder,
/// listening only on a Unix socket in that folder (no TCP), every local login trusted. `stop()`
/// ends the server and removes the folder.
///
/// initdb refuses to run as root, so under root the server programs run as the `postgres`
/// user (Debian's package makes it) and the folder is handed to that user.
public final class ThrowawayCluster: @unchecked Sendable {
    /// The superuser, owner of every database made here.
    public static let owner = "planowner"

    /// The folder of the socket, as a libpq host (`psql -h`).
    public let socketDirectory: String
    public let port = 5432
    let folder: URL
    let programs: ServerPrograms
    private let lock = NSLock()
    private var databases = 0
    private var stopped = false

    /// Makes and starts the cluster; throws (with what is missing or what the server said) when
    /// it cannot, so that a test needing a server fails rather than passes without one.
    public static func start() throws -> ThrowawayCluster {
        let programs = try ServerPrograms.find()
        let folder = URL(fileURLWithPath: temporaryFolder(reachableBy: programs)).appendingPathComponent("vp-pg-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cluster = ThrowawayCluster(folder: folder, programs: programs)
        do {
            try programs.handOver(folder)
            try cluster.initialise()
        } catch {
            cluster.stop()
            throw error
        }
        return cluster
    }

    /// The temporary folder (TMPDIR), unless the server user could not reach a folder made
    /// there: under root, when a folder on its way lets no one else pass, /tmp.
    static func temporaryFolder(reachableBy programs: ServerPrograms) -> String {
        let temporary = NSTemporaryDirectory()
        guard programs.serverUser != nil else { return temporary }
        var path = ""
        for component in temporary.split(separator: "/") {
            path += "/" + component
            var info = stat()
            guard stat(path, &info) == 0, info.st_mode & S_IXOTH != 0 else { return "/tmp" }
        }
        return temporary
    }

    init(folder: URL, programs: ServerPrograms) {
        self.folder = folder
        self.programs = programs
        socketDirectory = folder.path
    }

    var dataDirectory: String { folder.appendingPathComponent("data").path }
    var logFile: String { folder.appendingPathComponent("server.log").path }

    private func initialise() throws {
        try programs.run("initdb", ["-D", dataDirectory, "-U", Self.owner, "--auth-local=trust", "--auth-host=reject",
                                    "-E", "UTF8", "--locale=C", "--no-sync"], in: folder, log: folder.appendingPathComponent("initdb.log").path)
        try startServer()
    }

    /// Starts the server of the cluster (again, after `stopServer`).
    public func startServer() throws {
        let options = "-c listen_addresses='' -c unix_socket_directories='\(socketDirectory)' -c fsync=off "
            + "-c synchronous_commit=off -c full_page_writes=off"
        try programs.run("pg_ctl", ["-D", dataDirectory, "-l", logFile, "-w", "-t", "60", "-o", options, "start"],
                         in: folder, log: folder.appendingPathComponent("pg_ctl.log").path)
    }

    /// Stops the server and leaves the cluster, as when the server goes away under its clients:
    /// their connections are closed.
    public func stopServer() throws {
        try programs.run("pg_ctl", ["-D", dataDirectory, "-m", "fast", "-w", "stop"], in: folder, log: nil)
    }

    /// Freezes the server (SIGSTOP to the postmaster and every process it started), as a network
    /// that goes silent does: the connections stay open and nothing answers. `resumeServer`
    /// thaws it.
    public func pauseServer() throws { try signalServer(SIGSTOP) }

    public func resumeServer() throws { try signalServer(SIGCONT) }

    private func signalServer(_ signal: Int32) throws {
        let pidFile = try String(contentsOfFile: dataDirectory + "/postmaster.pid", encoding: .utf8)
        guard let postmaster = pidFile.split(separator: "\n").first.flatMap({ pid_t($0) }) else {
            throw ClusterError.missing("postmaster.pid names no process")
        }
        // The backends and helpers first: a stopped postmaster cannot start new ones meanwhile.
        for child in Self.children(of: postmaster) { kill(child, signal) }
        kill(postmaster, signal)
    }

    /// The processes whose parent is `parent`, from /proc/PID/stat (the fourth field).
    static func children(of parent: pid_t) -> [pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap { entry -> pid_t? in
            guard let pid = pid_t(entry),
                  let stat = try? String(contentsOfFile: "/proc/\(entry)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return nil }
            // The name in parentheses may hold spaces; the fields after it do not.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            return fields.count > 1 && pid_t(fields[1]) == parent ? pid : nil
        }
    }

    /// Stops the server at once and removes the folder; safe to call twice.
    public func stop() {
        lock.lock()
        let already = stopped
        stopped = true
        lock.unlock()
        guard !already else { return }
        if FileManager.default.fileExists(atPath: dataDirectory + "/postmaster.pid") {
            // A server left frozen by a failed test would never stop.
            try? signalServer(SIGCONT)
            try? programs.run("pg_ctl", ["-D", dataDirectory, "-m", "immediate", "-w", "stop"], in: folder, log: nil)
        }
        try? FileManager.default.removeItem(at: folder)
    }

    /// A new, empty database owned by `owner`, so that each test has its own.
    public func makeDatabase() throws -> String {
        lock.lock()
        databases += 1
        let name = "test\(databases)"
        lock.unlock()
        try psql(database: "postgres", "CREATE DATABASE \(name)")
        return name
    }

    /// The URL vp-tui is given for a database of this cluster, as `login`.
    public func url(database: String, login: String = ThrowawayCluster.owner) -> String {
        let host = socketDirectory.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? socketDirectory
        return "postgresql://\(login)@\(host)/\(database)"
    }

    /// Runs SQL with psql as `login`; returns what psql printed (unaligned, tuples only), and
    /// throws with psql's words when it fails.
    @discardableResult
    public func psql(database: String, login: String = ThrowawayCluster.owner, _ sql: String) throws -> String {
        let result = try Subprocess.run(programs.psql, ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", socketDirectory,
                                                       "-p", String(port), "-U", login, "-d", database, "-c", sql], scratch: folder)
        guard result.status == 0 else { throw ClusterError.failed("psql", result.status, result.output) }
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

public enum ClusterError: Error, CustomStringConvertible {
    case missing(String)
    case failed(String, Int32, String)

    public var description: String {
        switch self {
        case .missing(let what): what
        case .failed(let program, let status, let output): "\(program) failed (exit \(status)):\n\(output)"
        }
    }
}
