/* CNcursesw: ncursesw for Swift.
 *
 * Wide-character curses needs NCURSES_WIDECHAR (and the X/Open extended API)
 * defined before the header; SwiftPM's pkgConfig drops such defines, so they
 * live here. Macros that Swift cannot import (attributes, COLOR_PAIR,
 * getmaxyx) and C globals Swift 6 rejects (stdscr, COLORS) are wrapped as
 * static inline functions. Signal handlers only set a flag.
 */
#ifndef BYLINE_CNCURSESW_SHIM_H
#define BYLINE_CNCURSESW_SHIM_H

#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

/* MARK: screen and sizes */

static inline SCREEN *byline_newterm(const char *term) { return newterm(term, stdout, stdin); }
static inline WINDOW *byline_stdscr(void) { return stdscr; }
static inline int byline_lines(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)x; return y; }
static inline int byline_cols(WINDOW *w) { int y, x; getmaxyx(w, y, x); (void)y; return x; }
static inline int byline_colors(void) { return COLORS; }
static inline int byline_color_pairs(void) { return COLOR_PAIRS; }
static inline int byline_setlocale_all(void) { return setlocale(LC_ALL, "") != NULL; }
static inline int byline_isatty_stdout(void) { return isatty(STDOUT_FILENO); }
static inline int byline_isatty_stdin(void) { return isatty(STDIN_FILENO); }
static inline int byline_errno(void) { return errno; }

/* MARK: attributes */

static inline attr_t byline_a_normal(void) { return A_NORMAL; }
static inline attr_t byline_a_bold(void) { return A_BOLD; }
static inline attr_t byline_a_dim(void) { return A_DIM; }
static inline attr_t byline_a_underline(void) { return A_UNDERLINE; }
static inline attr_t byline_a_reverse(void) { return A_REVERSE; }
static inline attr_t byline_a_italic(void) { return A_ITALIC; }

/* MARK: keys */

static inline int byline_key_code_yes(void) { return KEY_CODE_YES; }

/* MARK: drawing */

/* Draw one cell: `text` is a NUL-terminated spacing character plus combining marks. */
static inline int byline_put_cell(WINDOW *w, int y, int x, const wchar_t *text, attr_t attr, int pair) {
    cchar_t cc;
    if (setcchar(&cc, text, attr, (short)0, &pair) == ERR) return ERR;
    return mvwadd_wch(w, y, x, &cc);
}

/* MARK: signals (handlers only set a flag; reads are not restarted so a blocked read returns) */

static volatile sig_atomic_t byline_signal_pending = 0;

static inline void byline_signal_handler(int sig) { byline_signal_pending = sig; }

/* SIGCONT interrupts the blocked read and asks for a full repaint: after `kill -STOP` and
 * `kill -CONT` nothing else would redraw the screen. A flag, not errno: ncurses may have
 * overwritten errno by the time wget_wch returns. */
static volatile sig_atomic_t byline_continue_pending = 0;

static inline void byline_continue_handler(int sig) { (void)sig; byline_continue_pending = 1; }

static inline void byline_install_signal_handlers(void) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = byline_signal_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGQUIT, &sa, NULL);
    sa.sa_handler = byline_continue_handler;
    sigaction(SIGCONT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
}

/* The pending signal number (0 for none), cleared by reading it. */
static inline int byline_take_signal(void) {
    int sig = byline_signal_pending;
    byline_signal_pending = 0;
    return sig;
}

/* Whether the process was continued since the last call (cleared by reading it). */
static inline int byline_take_continued(void) {
    int c = byline_continue_pending;
    byline_continue_pending = 0;
    return c;
}

#endif
