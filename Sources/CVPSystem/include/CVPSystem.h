#ifndef VP_TUI_CSYSTEM_H
#define VP_TUI_CSYSTEM_H

/*
 * What Swift cannot do itself around the terminal: signal handlers that only set a flag (a
 * handler may only store to a volatile sig_atomic_t, and a Swift closure used as a C handler
 * cannot capture state), and starting a program in the foreground the way system(3) does.
 */

/* Flag-setting handlers for SIGTERM, SIGHUP and SIGINT, and one for SIGWINCH, installed without
   SA_RESTART so that a blocked read or poll returns at once with EINTR. */
void vp_install_signal_handlers(void);
/* Puts back the handlers that were there before vp_install_signal_handlers. */
void vp_restore_signal_handlers(void);
/* The last of SIGTERM, SIGHUP or SIGINT received since install, or 0. */
int vp_pending_signal(void);
/* Whether SIGWINCH came since the last call; clears it. */
int vp_take_window_change(void);

/* Runs `/bin/sh -c script sh argument` in the foreground and waits. Returns 0 with the wait
   status in *wait_status, or an errno value. */
int vp_run_shell(const char *script, const char *argument, int *wait_status);
/* The exit status of a wait status, or -1 when the program did not exit normally. */
int vp_exit_status(int wait_status);

#endif
