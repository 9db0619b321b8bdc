#ifndef VP_TUI_CNCURSES_SHIM_H
#define VP_TUI_CNCURSES_SHIM_H

/* The wide-character API (cchar_t, setcchar, mvadd_wch, get_wch) is only declared
   when these are set before curses.h is included. */
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
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

/* Constants whose defines Swift imports unevenly. */
enum {
    VP_OK = OK,
    VP_ERR = ERR,
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

/* The width ncurses itself uses for a character (-1: not printable in this locale).
   Declared here because the system module may hide it behind _XOPEN_SOURCE. */
extern int wcwidth(wchar_t);
static inline int vp_wcwidth(wchar_t character) { return wcwidth(character); }

static inline const char *vp_codeset(void) { return nl_langinfo(CODESET); }

/* term.h last: it defines a macro for every terminfo capability ("lines", "columns", ...),
   which must not reach the code above. */
#if __has_include(<ncursesw/term.h>)
#include <ncursesw/term.h>
#else
#include <term.h>
#endif

/* Whether TERM names a terminal that can run a full-screen app, found out without writing a
   byte to it: setupterm only reads the terminfo entry. Unset or unknown TERM, and "dumb" or
   hard-copy entries without cursor addressing, are not usable. */
static inline int vp_terminal_is_usable(void) {
    int status = 0;
    if (setupterm(NULL, 1, &status) != OK) return 0;
    const char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (const char *)-1;
    del_curterm(set_curterm(NULL));
    return usable;
}

#endif
