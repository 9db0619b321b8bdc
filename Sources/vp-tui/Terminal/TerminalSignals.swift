import CNcurses

/// The signal flag lives in shim.h as a `volatile sig_atomic_t`: a C handler may only
/// store to such a variable, and a Swift closure used as a C handler cannot capture state.
/// (It is a weak definition rather than `static`, see shim.h: a `static` one was found
/// duplicated per object file in release builds, and SIGTERM went unnoticed.)
enum TerminalSignals {
    /// Flag-setting handlers for SIGTERM, SIGHUP and SIGINT (SIGINT only comes from
    /// `kill`: in raw mode Ctrl-C is a key). Installed without SA_RESTART so a blocked
    /// get_wch returns at once.
    static func install() {
        vp_set_pending_signal(0)
        vp_install_signal_flag_handlers()
    }

    /// Puts back the handlers that were there before `install()`.
    static func restore() {
        vp_restore_signal_handlers()
    }

    /// The last signal received since `install()`, if any.
    static var pending: Int32? {
        let signal = vp_get_pending_signal()
        return signal == 0 ? nil : signal
    }
}
