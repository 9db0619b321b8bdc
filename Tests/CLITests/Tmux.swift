import Foundation
import Testing

/// A real terminal for end-to-end tests: the vp-tui binary running in a detached tmux session on
/// a private tmux server, typed at with send-keys and read with capture-pane.
///
/// The server starts with a clean, explicit environment (what a person's shell would give the
/// app: PATH, a UTF-8 locale, a HOME of the test's own), so that settings of whoever runs the
/// tests (VP_TUI_COMPACT, NO_COLOR, VISUAL, EDITOR, XDG_DATA_HOME …) never reach the app.
final class TmuxSession {
    /// The private server's socket: in the temporary folder, and removed at the end, since tmux
    /// leaves it behind when its server ends.
    let socket = FileManager.default.temporaryDirectory.appendingPathComponent("vp-tui-tmux-\(UUID().uuidString.prefix(8))").path
    let name = "app"
    /// The HOME the app runs with: a folder inside the test's temporary folder.
    let home: URL

    static var tmuxPath: String? {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Starts `command` in a new session of the given size, with `home` (made if missing) as
    /// HOME.
    init(command: String, home: URL, width: Int = 100, height: Int = 30) throws {
        _ = try #require(Self.tmuxPath, "tmux is needed for the end-to-end tests (apt-get install tmux)")
        self.home = home
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        // The first command starts the tmux server, which would keep an output pipe open for
        // ever: give it none.
        try run(["new-session", "-d", "-s", name, "-x", "\(width)", "-y", "\(height)", command], captureOutput: false)
    }

    deinit {
        _ = try? run(["kill-server"], captureOutput: false)
        try? FileManager.default.removeItem(atPath: socket)
    }

    @discardableResult
    func run(_ arguments: [String], captureOutput: Bool = true) throws -> String {
        let environment = [
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": home.path,
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TERM": "xterm-256color",
            "USER": "testare",
            "SHELL": "/bin/sh",
        ]
        return try Spawn.run(Self.tmuxPath ?? "/usr/bin/tmux", ["-u", "-S", socket] + arguments,
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

    /// Waits until `condition` holds; false if it never did within the timeout.
    func waitUntil(timeout: TimeInterval = 10, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.02)
        }
        return try condition()
    }

    /// A tmux format of the pane, e.g. "#{alternate_on}" or "#{pane_pid}".
    func paneFormat(_ format: String) throws -> String {
        try run(["display", "-p", "-t", name, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The screen with its colours and attributes as escape sequences.
    func screenWithAttributes() throws -> String {
        try run(["capture-pane", "-p", "-e", "-t", name])
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
