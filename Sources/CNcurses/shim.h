#ifndef VP_TUI_CNCURSES_SHIM_H
#define VP_TUI_CNCURSES_SHIM_H

/* The wide-character API (cchar_t, setcchar, mvadd_wch, get_wch) is only declared
   when these are set before curses.h is included. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <errno.h>
#include <locale.h>
#include <spawn.h>
#include <sys/wait.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>
#if __has_include(<ncursesw/curses.h>)
#include <ncursesw/curses.h>
#else
#include <curses.h>
#endif

/*
 * Wrappers for what Swift cannot import from curses.h: macros with arguments or
 * bit-shifting bodies, and globals that Swift 6 rejects as shared mutable state.
 */

/* stdscr, LINES and COLS are mutable C globals; Swift 6 refuses to touch them directly. */
static inline WINDOW *vp_stdscr(void) { return stdscr; }
static inline WINDOW *vp_curscr(void) { return curscr; }
static inline int vp_lines(void) { return LINES; }
static inline int vp_cols(void) { return COLS; }
static inline int vp_color_pairs(void) { return COLOR_PAIRS; }

/* newterm instead of initscr: initscr exits the process on an unusable TERM,
   newterm returns NULL so the caller can report it. stdin/stdout are globals too. */
static inline SCREEN *vp_newterm(void) { return newterm(NULL, stdout, stdin); }

/* A full-screen app needs cursor addressing; "dumb" and hard-copy entries lack it,
   yet newterm accepts them. tigetstr returns (char *)-1 for "not a string capability". */
static inline int vp_has_cursor_addressing(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

static inline void vp_getmaxyx(WINDOW *window, int *height, int *width) {
    int y = 0, x = 0;
    getmaxyx(window, y, x);
    *height = y;
    *width = x;
}

static inline void vp_getyx(WINDOW *window, int *row, int *column) {
    int y = 0, x = 0;
    getyx(window, y, x);
    *row = y;
    *column = x;
}

/* Attributes are built with NCURSES_BITS shifts, which the importer drops. */
static inline attr_t vp_color_pair(short pair) { return (attr_t)COLOR_PAIR(pair); }
static inline attr_t vp_a_normal(void) { return (attr_t)A_NORMAL; }
static inline attr_t vp_a_bold(void) { return (attr_t)A_BOLD; }
static inline attr_t vp_a_reverse(void) { return (attr_t)A_REVERSE; }
static inline attr_t vp_a_underline(void) { return (attr_t)A_UNDERLINE; }
static inline attr_t vp_a_dim(void) { return (attr_t)A_DIM; }

/* Key codes as plain constants (the octal defines import unevenly, KEY_F(n) not at all). */
enum {
    VP_OK = OK,
    VP_ERR = ERR,
    VP_KEY_CODE_YES = KEY_CODE_YES,
    VP_KEY_MAX = KEY_MAX,
    VP_KEY_RESIZE = KEY_RESIZE,
    VP_KEY_UP = KEY_UP,
    VP_KEY_DOWN = KEY_DOWN,
    VP_KEY_LEFT = KEY_LEFT,
    VP_KEY_RIGHT = KEY_RIGHT,
    VP_KEY_HOME = KEY_HOME,
    VP_KEY_END = KEY_END,
    VP_KEY_BEG = KEY_BEG,
    VP_KEY_FIND = KEY_FIND,
    VP_KEY_SELECT = KEY_SELECT,
    VP_KEY_NPAGE = KEY_NPAGE,
    VP_KEY_PPAGE = KEY_PPAGE,
    VP_KEY_DC = KEY_DC,
    VP_KEY_IC = KEY_IC,
    VP_KEY_BACKSPACE = KEY_BACKSPACE,
    VP_KEY_ENTER = KEY_ENTER,
    VP_KEY_BTAB = KEY_BTAB,
    VP_KEY_F0 = KEY_F0,
    VP_KEY_SLEFT = KEY_SLEFT,
    VP_KEY_SRIGHT = KEY_SRIGHT,
    VP_COLOR_BLACK = COLOR_BLACK,
    VP_COLOR_RED = COLOR_RED,
    VP_COLOR_GREEN = COLOR_GREEN,
    VP_COLOR_YELLOW = COLOR_YELLOW,
    VP_COLOR_BLUE = COLOR_BLUE,
    VP_COLOR_MAGENTA = COLOR_MAGENTA,
    VP_COLOR_CYAN = COLOR_CYAN,
    VP_COLOR_WHITE = COLOR_WHITE,
    VP_CCHARW_MAX = CCHARW_MAX,
};

static inline int vp_key_f(int n) { return KEY_F(n); }

/*
 * Draws one character cell. `text` holds the Character's scalars as wchar_t, the
 * spacing one first; only the first CCHARW_MAX - 1 are used (setcchar also stops at
 * the next spacing character). Returns the mvadd_wch status: ERR is also returned,
 * harmlessly, for the bottom-right cell, because the cursor cannot move past it.
 */
static inline int vp_mvadd_wch(int y, int x, const wchar_t *text, int count, attr_t attrs, short pair) {
    wchar_t buffer[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    if (n < 1) return ERR;
    for (int i = 0; i < n; i++) buffer[i] = text[i];
    buffer[n] = L'\0';
    cchar_t cell;
    memset(&cell, 0, sizeof cell);
    if (setcchar(&cell, buffer, attrs, pair, NULL) == ERR) return -2;
    return mvadd_wch(y, x, &cell);
}

/* get_wch reports through its return value whether *value is a key code or a character. */
static inline int vp_get_wch(int *value) {
    wint_t wide = 0;
    int status = get_wch(&wide);
    *value = (int)wide;
    return status;
}

/* The width ncurses itself uses for a character (-1: not printable in this locale).
   Declared here because the system module may hide it behind _XOPEN_SOURCE. */
extern int wcwidth(wchar_t);
static inline int vp_wcwidth(wchar_t character) { return wcwidth(character); }

static inline const char *vp_codeset(void) { return nl_langinfo(CODESET); }

/*
 * Signal flag. A signal handler may only store to a volatile sig_atomic_t, and a
 * Swift closure used as a C handler cannot capture state, so handler and flag live
 * here. The storage is a weak definition, not `static`: Swift emits header code into
 * every object file that uses it (and inlines across files in release builds), so a
 * `static` flag would exist once per object file and the handler could set a different
 * copy than the one the app reads. The linker merges weak definitions into one.
 */
__attribute__((weak)) volatile sig_atomic_t vp_pending_signal = 0;
__attribute__((weak)) int vp_handlers_installed = 0;
__attribute__((weak)) struct sigaction vp_previous_actions[3] = { { { 0 } } };

static inline void vp_set_pending_signal(int signal_number) { vp_pending_signal = signal_number; }
static inline int vp_get_pending_signal(void) { return (int)vp_pending_signal; }

static void vp_signal_flag_handler(int signal_number) { vp_pending_signal = signal_number; }

/* No SA_RESTART: a blocked read() then fails with EINTR, so get_wch returns at once
   and the app notices the signal without waiting for its timeout. */
static inline void vp_install_signal_flag_handlers(void) {
    if (vp_handlers_installed) return;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = vp_signal_flag_handler;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    sigaction(SIGTERM, &action, &vp_previous_actions[0]);
    sigaction(SIGHUP, &action, &vp_previous_actions[1]);
    sigaction(SIGINT, &action, &vp_previous_actions[2]);
    vp_handlers_installed = 1;
}

static inline void vp_restore_signal_handlers(void) {
    if (!vp_handlers_installed) return;
    sigaction(SIGTERM, &vp_previous_actions[0], NULL);
    sigaction(SIGHUP, &vp_previous_actions[1], NULL);
    sigaction(SIGINT, &vp_previous_actions[2], NULL);
    vp_handlers_installed = 0;
}

/*
 * Runs `/bin/sh -c script sh argument` in the foreground and waits, the way system(3)
 * does, for an external editor:
 * - posix_spawn directly, not Foundation's Process, which puts the child in its own
 *   process group; an editor there is a background job and stops on its first tty read;
 * - SIGINT/SIGQUIT ignored here while it runs (Ctrl-C in the editor must not quit the
 *   app) and reset to default in the child;
 * - `environ` is a mutable C global, which Swift 6 cannot touch.
 * Returns 0 with the wait status in *wait_status, or an errno value.
 */
extern char **environ;

static inline int vp_run_shell(const char *script, const char *argument, int *wait_status) {
    struct sigaction ignore, old_int, old_quit;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, &old_int);
    sigaction(SIGQUIT, &ignore, &old_quit);

    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGINT);
    sigaddset(&defaults, SIGQUIT);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    sigset_t mask;
    sigemptyset(&mask);
    posix_spawnattr_setsigmask(&attributes, &mask);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);

    char *const argv[] = { (char *)"sh", (char *)"-c", (char *)script, (char *)"sh", (char *)argument, NULL };
    pid_t pid = 0;
    int result = posix_spawn(&pid, "/bin/sh", NULL, &attributes, argv, environ);
    posix_spawnattr_destroy(&attributes);
    if (result == 0) {
        /* Our flag handlers have no SA_RESTART, so a SIGTERM/SIGHUP interrupts waitpid. */
        while (waitpid(pid, wait_status, 0) == -1) {
            if (errno != EINTR) {
                result = errno;
                break;
            }
        }
    }
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    return result;
}

static inline int vp_exited_successfully(int wait_status) {
    return WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0;
}

#endif
