import Foundation
import Testing

/// A real terminal for end-to-end tests: the vp-tui binary running in a detached tmux session on
/// a private tmux server, typed at with send-keys and read with capture-pane.
final class TmuxSession {
    let socket = "vp-tui-test-\(UUID().uuidString.prefix(8))"
    let name = "app"

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `command` in a new session of the given size.
    init(command: String, width: Int = 100, height: Int = 30) throws {
        _ = try #require(Self.tmuxPath, "tmux is needed for the end-to-end tests (apt-get install tmux)")
        // The first command starts the tmux server, which would keep an output pipe open for
        // ever: give it none.
        try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command], captureOutput: false)
    }

    deinit {
        _ = try? run(["kill-server"], captureOutput: false)
    }

    @discardableResult
    func run(_ arguments: [String], captureOutput: Bool = true) throws -> String {
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = "C.UTF-8"
        environment.removeValue(forKey: "TMUX")
        return try Spawn.run(Self.tmuxPath ?? "/usr/bin/tmux", ["-u", "-L", socket] + arguments,
                             environment: environment, captureOutput: captureOutput).output
    }

    /// Keys by tmux name ("Enter", "Escape", "C-s") or plain characters.
    func send(_ keys: String...) throws {
        try run(["send-keys", "-t", name] + keys)
    }

    /// Text typed literally, å, ä and ö included.
    func type(_ text: String) throws {
        try run(["send-keys", "-t", name, "-l", text])
    }

    func screen() throws -> String {
        try run(["capture-pane", "-p", "-t", name])
    }

    var isRunning: Bool {
        (try? run(["list-sessions"]))?.contains(name) == true
    }

    /// Waits until the screen shows the text; fails the test with the screen if it never does.
    @discardableResult
    func waitFor(_ text: String, timeout: TimeInterval = 10, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return last }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("the screen never showed \"\(text)\"; it showed:\n\(last)", sourceLocation: sourceLocation)
        throw WaitError.timedOut(text)
    }

    func waitUntilExited(timeout: TimeInterval = 10) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if !isRunning { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    enum WaitError: Error { case timedOut(String) }
}
