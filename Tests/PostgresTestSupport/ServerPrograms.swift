import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where initdb, pg_ctl and psql are, and as whom the server programs run.
struct ServerPrograms {
    var binDirectory: String
    var psql: String
    /// Under root: the unprivileged user the server programs run as (initdb refuses root).
    var serverUser: (name: String, uid: uid_t, gid: gid_t)?

    /// The newest /usr/lib/postgresql/N/bin (Debian's layout), else the folder of initdb on PATH.
    static func find() throws -> ServerPrograms {
        let fileManager = FileManager.default
        let versions = ((try? fileManager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted(by: >)
        var directories = versions.map { "/usr/lib/postgresql/\($0)/bin" }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        directories += path.split(separator: ":").map(String.init)
        guard let bin = directories.first(where: { fileManager.isExecutableFile(atPath: $0 + "/initdb")
                && fileManager.isExecutableFile(atPath: $0 + "/pg_ctl") }) else {
            throw ClusterError.missing("""
                The PostgreSQL server programs (initdb, pg_ctl) were found neither under /usr/lib/postgresql/*/bin \
                nor on PATH. These tests need them: install Debian's `postgresql` package (.ci/run does).
                """)
        }
        let psql = ([bin] + directories).map { $0 + "/psql" }.first(where: fileManager.isExecutableFile(atPath:))
        guard let psql else { throw ClusterError.missing("psql was not found beside \(bin) nor on PATH: install `postgresql-client`.") }
        var programs = ServerPrograms(binDirectory: bin, psql: psql)
        if geteuid() == 0 {
            guard let entry = getpwnam("postgres") else {
                throw ClusterError.missing("Running as root, and there is no `postgres` user to run initdb as (initdb refuses root).")
            }
            programs.serverUser = ("postgres", entry.pointee.pw_uid, entry.pointee.pw_gid)
        }
        return programs
    }

    /// Gives the cluster's folder to the server user, so that initdb can make its data folder there.
    func handOver(_ folder: URL) throws {
        guard let user = serverUser else { return }
        guard chown(folder.path, user.uid, user.gid) == 0 else {
            throw ClusterError.missing("Could not give \(folder.path) to \(user.name): \(String(cString: strerror(errno))).")
        }
    }

    /// Runs a server program (as the server user under root); throws with its output on failure.
    func run(_ program: String, _ arguments: [String], in folder: URL, log: String?) throws {
        var executable = binDirectory + "/" + program
        var arguments = arguments
        if let user = serverUser {
            arguments = ["-u", user.name, "--", executable] + arguments
            executable = "/usr/sbin/runuser"
            if !FileManager.default.isExecutableFile(atPath: executable) { executable = "/sbin/runuser" }
        }
        let result = try Subprocess.run(executable, arguments, scratch: folder)
        if let log { try? result.output.write(toFile: log, atomically: false, encoding: .utf8) }
        guard result.status == 0 else { throw ClusterError.failed(program, result.status, result.output) }
    }
}

/// A program run to its end, its stdout and stderr together. posix_spawn and waitpid rather
/// than Foundation's Process, which may miss the exit of a program whose daemon child (the
/// server that pg_ctl starts) lives on.
enum Subprocess {
    /// `scratch`: the folder its output passes through (a file: the server keeps inherited pipes open).
    static func run(_ executable: String, _ arguments: [String], scratch: URL) throws -> (status: Int32, output: String) {
        let outputFile = scratch.appendingPathComponent("output-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: outputFile) }
        var fileActions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&fileActions)
        defer { posix_spawn_file_actions_destroy(&fileActions) }
        posix_spawn_file_actions_addopen(&fileActions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&fileActions, 1, outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&fileActions, 1, 2)
        var environment = ProcessInfo.processInfo.environment
        environment["LC_ALL"] = "C"
        environment["PGCONNECT_TIMEOUT"] = "20"
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &fileActions, nil, argv, envp)
        guard result == 0 else { throw ClusterError.failed(executable, result, String(cString: strerror(result))) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        let exitStatus = (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return (exitStatus, output)
    }
}
