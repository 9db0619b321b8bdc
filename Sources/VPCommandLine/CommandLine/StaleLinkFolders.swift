import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The private link folders (`RawDatabasePath`) of vp-tui processes that ended without removing
/// theirs (killed with SIGKILL, or the machine stopped), removed by the next app, or command
/// that makes a link folder of its own.
///
/// Only what this program makes is touched: a folder (not a link to one) named
/// "vp-tui-path-PID-XXXXXX", owned by this user, whose process PID no longer runs, holding
/// nothing but the symbolic link "database". The link is removed, never what it leads to.
enum StaleLinkFolders {
    private final class Removal: @unchecked Sendable {
        let condition = NSCondition()
        var started = false
        var finished = false
    }

    private static let removal = Removal()

    /// Removes them on a thread of its own, beside the command's work: reading the temporary
    /// folder, which may hold thousands of entries, took milliseconds of every start
    /// (docs/PERFORMANCE.md). The process waits for it on its way out, so that a command that
    /// ends at once has still removed them.
    static func startRemoving() {
        removal.condition.lock()
        defer { removal.condition.unlock() }
        guard !removal.started else { return }
        removal.started = true
        atexit { StaleLinkFolders.waitUntilRemoved() }
        Thread {
            removeAll()
            removal.condition.lock()
            removal.finished = true
            removal.condition.broadcast()
            removal.condition.unlock()
        }.start()
    }

    static func waitUntilRemoved() {
        removal.condition.lock()
        defer { removal.condition.unlock() }
        while removal.started && !removal.finished { removal.condition.wait() }
    }

    static func removeAll(in base: String = RawDatabasePath.temporaryFolder) {
        guard let directory = opendir(base) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let process = processID(inName: name), process != getpid(), !isRunning(process) else { continue }
            removeIfOurs((base as NSString).appendingPathComponent(name))
        }
    }

    /// The process id in a name "vp-tui-path-PID-XXXXXX" (six characters from mkdtemp); nil for any other name.
    static func processID(inName name: String) -> pid_t? {
        guard name.hasPrefix(RawDatabasePath.folderPrefix) else { return nil }
        let parts = name.dropFirst(RawDatabasePath.folderPrefix.count).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 6, parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
              !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && $0.isNumber }), let process = pid_t(parts[0]), process > 0
        else { return nil }
        return process
    }

    /// Whether a process with the id runs (one of another user's counts: it is not ours to judge).
    private static func isRunning(_ process: pid_t) -> Bool {
        kill(process, 0) == 0 || errno != ESRCH
    }

    private static func removeIfOurs(_ folder: String) {
        var info = stat()
        guard lstat(folder, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, info.st_uid == getuid(),
              let contents = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        guard contents.allSatisfy({ $0 == "database" }) else { return }
        let link = (folder as NSString).appendingPathComponent("database")
        if !contents.isEmpty {
            guard lstat(link, &info) == 0, info.st_mode & S_IFMT == S_IFLNK else { return }
            unlink(link)
        }
        rmdir(folder)
    }
}
