import CVPSystem

/// The signals the app must notice while it waits for a key. The handlers live in C (CVPSystem):
/// a handler may only set a `volatile sig_atomic_t` flag, and a Swift closure used as a C
/// handler cannot capture state.
enum TerminalSignals {
    /// Flag-setting handlers for SIGTERM, SIGHUP, SIGINT (SIGINT only comes from `kill`: in raw
    /// mode Ctrl-C is a key) and SIGWINCH, without SA_RESTART, so that a blocked read returns.
    static func install() {
        vp_install_signal_handlers()
    }

    /// Puts back the handlers that were there before `install()`.
    static func restore() {
        vp_restore_signal_handlers()
    }

    /// The last of SIGTERM, SIGHUP or SIGINT received since `install()`, if any.
    static var pending: Int32? {
        let signal = vp_pending_signal()
        return signal == 0 ? nil : signal
    }

    /// Whether the window changed size since the last call.
    static func takeWindowChange() -> Bool {
        vp_take_window_change() != 0
    }
}
