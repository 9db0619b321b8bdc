import CNcurses
import Foundation
import PlanKit
import VPApp

/// Errors of the terminal backend.
enum TerminalError: Error, Equatable, LocalizedError {
    /// ncurses could not set up the terminal (TERM unset, unknown or too dumb, e.g. "dumb").
    case cannotOpenTerminal(term: String?)
    /// The temporary file for the external editor could not be created or written.
    case temporaryFile(errno: Int32)
    /// /bin/sh could not be started for the external editor.
    case editorLaunchFailed(errno: Int32)

    var errorDescription: String? {
        switch self {
        case .cannotOpenTerminal(let term): return Strings.Terminal.unusableTerminal(term)
        case .temporaryFile(let code), .editorLaunchFailed(let code): return String(cString: strerror(code))
        }
    }
}

/// The terminal: keys are read from it as bytes and decoded by `KeyDecoder`; frames are drawn
/// through ncurses (`CursesBackend`), only the cells that changed.
///
/// Deliberately not `Sendable`: ncurses is a process-wide, thread-unsafe library, so the one
/// `Terminal` is created and used on the main thread only, like the app loop that drives it.
final class Terminal {
    /// Whether the locale's character set is UTF-8. When false, ncurses cannot show
    /// å/ä/ö or box-drawing marks, and the app should fall back to ASCII.
    private(set) var isUTF8 = false
    /// Whether cell colours are shown (not under NO_COLOR, TERM=vt100 or a mono terminal).
    private(set) var hasColors = false

    /// Between `start()` and `stop()`.
    private(set) var started = false
    /// Between `suspend()` and `resume()`; drawing and reading keys do nothing then.
    private(set) var suspended = false

    /// Whether an Alt chord means something where the app is now; one that does not is read as
    /// Esc followed by the key (see `readKey`).
    var altChordIsBound: (KeyEvent) -> Bool = { _ in false }

    // Input state, used by TerminalInput.swift.
    var decoder = KeyDecoder()
    /// Keys decoded and not handed out yet.
    var queuedKeys: [KeyEvent] = []
    var inputClosed = false

    /// Draws frames; replaced at every start, when the terminal's colours are known.
    private(set) var output = ScreenRenderer(backend: CursesBackend(hasColors: false, defaultColorsAvailable: false))

    init() {}

    deinit {
        stop()
    }

    /// Throws unless TERM names a terminal the app can draw in. Asks terminfo only, so that a
    /// terminal we cannot use is left as it was; the app calls it before it does anything else.
    static func requireUsable() throws {
        guard vp_terminal_is_usable() != 0 else {
            throw TerminalError.cannotOpenTerminal(term: ProcessInfo.processInfo.environment["TERM"])
        }
    }

    /// Takes over the terminal: full-screen, raw keys, no echo, bracketed paste on.
    func start() throws {
        guard !started else { return }
        // Before ncurses starts: it picks its multibyte handling from the locale.
        setlocale(LC_ALL, "")
        Self.coerceUnconfiguredLocale()
        isUTF8 = Self.codesetIsUTF8(vp_codeset())

        try Self.requireUsable()
        let term = ProcessInfo.processInfo.environment["TERM"]
        guard let screen = vp_newterm() else { throw TerminalError.cannotOpenTerminal(term: term) }
        guard vp_has_cursor_addressing() != 0 else {
            endwin()
            delscreen(screen)
            throw TerminalError.cannotOpenTerminal(term: term)
        }
        // raw, not cbreak: Ctrl-C, Ctrl-S, Ctrl-Q and Ctrl-Z must reach the app as keys.
        raw()
        noecho()
        // nonl: Enter arrives as CR unchanged, and ncurses may use CR for cursor motion.
        nonl()
        intrflush(vp_stdscr(), false)
        // Writing the bottom-right cell must not scroll the screen.
        scrollok(vp_stdscr(), false)

        hasColors = Self.colorsWanted() && has_colors()
        var defaultColorsAvailable = false
        if hasColors {
            start_color()
            defaultColorsAvailable = use_default_colors() == VP_OK
        }
        output = ScreenRenderer(backend: CursesBackend(hasColors: hasColors, defaultColorsAvailable: defaultColorsAvailable))
        decoder = KeyDecoder()
        queuedKeys = []
        inputClosed = false

        Self.writeToTerminal(Self.bracketedPasteOn)
        TerminalSignals.install()
        started = true
        suspended = false
    }

    /// Gives the terminal back: bracketed paste off, cursor shown, ncurses ended, signal
    /// handlers restored. Safe to call more than once and on every way out.
    func stop() {
        guard started else { return }
        started = false
        if !suspended {
            Self.leaveScreen()
        }
        suspended = false
        TerminalSignals.restore()
    }

    /// Leaves full-screen mode for an external program ($EDITOR); `resume()` returns.
    func suspend() {
        guard started, !suspended else { return }
        def_prog_mode()
        Self.leaveScreen()
        suspended = true
    }

    /// Takes the terminal back after `suspend()` and repaints the whole screen, since the
    /// external program has drawn over it.
    func resume() {
        guard started, suspended else { return }
        suspended = false
        reset_prog_mode()
        Self.writeToTerminal(Self.bracketedPasteOn)
        clearok(vp_curscr(), true)
        // Whatever the program left, the next draw must not trust its diff.
        output.forget()
        (output.backend as? CursesBackend)?.forgetCursor()
        decoder = KeyDecoder()
        refresh()
    }

    /// Terminal size in columns and rows, as ncurses knows it (updated on resize).
    func size() -> (width: Int, height: Int) {
        if started {
            var height: Int32 = 0
            var width: Int32 = 0
            vp_getmaxyx(vp_stdscr(), &height, &width)
            return (Int(width), Int(height))
        }
        var windowSize = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &windowSize) == 0, windowSize.ws_col > 0, windowSize.ws_row > 0 {
            return (Int(windowSize.ws_col), Int(windowSize.ws_row))
        }
        return (80, 24)
    }

    /// SIGTERM, SIGHUP or SIGINT received since start, or SIGHUP when the terminal went away
    /// without a signal (input closed). The app then saves and calls `stop()`.
    var pendingSignal: Int32? {
        if let signal = TerminalSignals.pending { return signal }
        return inputClosed ? SIGHUP : nil
    }

    /// Copies a frame to the terminal, only the cells that changed since the last one.
    func draw(_ screen: Screen) {
        guard started, !suspended else { return }
        output.draw(screen)
    }

    // MARK: - Helpers

    static let bracketedPasteOn = "\u{1B}[?2004h"
    static let bracketedPasteOff = "\u{1B}[?2004l"

    private static func leaveScreen() {
        writeToTerminal(bracketedPasteOff)
        curs_set(1)
        endwin()
    }

    /// Writes straight to the terminal's file descriptor, bypassing ncurses, for the
    /// private modes terminfo does not describe. ncurses flushes whole sequences at the
    /// end of every update, so this never lands inside one of its sequences.
    static func writeToTerminal(_ text: String) {
        // A failure means the terminal is gone (EIO after a hangup); there is nothing to restore.
        _ = writeAll(text, to: STDOUT_FILENO)
    }

    /// Writes all of a text to a file descriptor, going on after interrupted writes.
    /// Returns 0, or the errno of the write that failed.
    static func writeAll(_ text: String, to descriptor: Int32) -> Int32 {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            offset += written
        }
        return 0
    }

    /// With no locale configured at all (LANG unset, common over SSH from clients that do
    /// not forward it), the C locale makes ncurses swallow the bytes of å/ä/ö typed on a
    /// UTF-8 terminal and print them as "?". Like Python's PEP 538, switch only the
    /// character type to UTF-8 in that case; an explicitly chosen locale is left alone.
    private static func coerceUnconfiguredLocale() {
        guard let current = setlocale(LC_CTYPE, nil).map({ String(cString: $0) }),
              current == "C" || current == "POSIX" else { return }
        for candidate in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, candidate) != nil {
            return
        }
    }

    static func codesetIsUTF8(_ codeset: UnsafePointer<CChar>?) -> Bool {
        guard let codeset else { return false }
        let name = String(cString: codeset).uppercased().replacingOccurrences(of: "-", with: "")
        return name == "UTF8"
    }

    /// Colour is off under NO_COLOR (https://no-color.org: set and not empty) and on
    /// VT100-class terminals, whose terminfo may claim more than the hardware shows.
    static func colorsWanted() -> Bool {
        let environment = ProcessInfo.processInfo.environment
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        let term = (environment["TERM"] ?? "").lowercased()
        if term.hasPrefix("vt") || term == "dumb" { return false }
        return true
    }
}
