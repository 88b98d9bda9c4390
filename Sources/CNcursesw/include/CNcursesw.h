/* CNcursesw: ncursesw for Swift.
 *
 * Wide-character curses needs NCURSES_WIDECHAR (and the X/Open extended API)
 * defined before the header; SwiftPM's pkgConfig drops such defines, so they
 * live here. Macros that Swift cannot import (attributes, COLOR_PAIR,
 * getmaxyx) and C globals Swift 6 rejects (stdscr, COLORS) are wrapped as
 * static inline functions. Signal handling (signals.c) only sets flags and
 * wakes the terminal's wait through a self-pipe.
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
#include <poll.h>

/* MARK: screen and sizes */

static inline SCREEN *byline_newterm(const char *term) { return newterm(term, stdout, stdin); }
static inline WINDOW *byline_stdscr(void) { return stdscr; }
/* Curses' next screen and what it believes the terminal shows (for tests of byline_move_lines). */
static inline WINDOW *byline_newscr(void) { return newscr; }
static inline WINDOW *byline_curscr(void) { return curscr; }
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

/* One cell of a run for byline_put_run, as setcchar makes it (attributes without colour bits,
 * the pair in both the colour bits (at most 255) and ext_color, the characters, zeros after)
 * without its checks: the caller hands a spacing character and at most four marks. */
static inline void byline_set_cell(cchar_t *cc, const wchar_t *text, attr_t attr, int pair) {
    memset(cc, 0, sizeof *cc);
    cc->attr = (attr & ~A_COLOR) | (attr_t)COLOR_PAIR(pair > 255 ? 255 : pair);
    for (int i = 0; i < CCHARW_MAX && text[i] != 0; i++) cc->chars[i] = text[i];
#if NCURSES_EXT_COLORS
    cc->ext_color = pair;
#endif
}

/* How many columns the C library (and so curses) gives `c`: -1 when not printable. */
extern int wcwidth(wchar_t c);  /* <wchar.h> declares it only for _XOPEN_SOURCE */
static inline int byline_wcwidth(wchar_t c) { return wcwidth(c); }

/* Draw `n` cells made by byline_set_cell from (y, x) on, each as wide as wcwidth says (a wide
 * cell's right half is not in `cells`), as mvwadd_wchnstr draws them: cells, change marks and
 * cursor. In a window of its own with no attributes, colour or background of its own (newscr,
 * which Byline draws into), the cells are written into the window's line directly, past curses'
 * per-cell wcwidth and rendering (cells.c tells how, and checks once that it leaves the line
 * exactly as mvwadd_wchnstr does); anywhere else, or when the check fails, by mvwadd_wchnstr. */
int byline_put_run(WINDOW *w, int y, int x, const cchar_t *cells, int n);

/* byline_put_run of cells that are all printable ASCII (0x20-0x7E) without marks, in a look
 * byline_cell_copied_as_is accepts (every look byline_set_cell makes): the direct write copies
 * them without looking at each (no symbol of unsure width, nothing for curses to render). */
int byline_put_as_is_run(WINDOW *w, int y, int x, const cchar_t *cells, int n);

/* Whether curses would leave `cell` as it is when it draws it (printable ASCII without marks,
 * its attributes' colour bits those of its pair): a run of such cells only needs copying. */
int byline_cell_copied_as_is(const cchar_t *cell);

/* For tests. Whether byline_put_run writes runs directly (1) or through mvwadd_wchnstr (0): the
 * check it makes once, at the first run. */
int byline_runs_direct(void);

/* For tests. Draws a run as byline_put_run does, directly (direct = 1; -2, nothing done, where
 * it would not: a subwindow, a pad, a window with attributes or a background, a failed check, a
 * symbol of unsure width) or by mvwadd_wchnstr (direct = 0); direct = 2 as byline_put_as_is_run
 * does (-3, nothing done, for a run with a cell byline_cell_copied_as_is refuses). */
int byline_put_run_by(WINDOW *w, int y, int x, const cchar_t *cells, int n, int direct);

/* For tests. Line y's change marks (first and last cell changed, or -1 for none) as the check
 * found curses keeps them; -1 where the check failed. */
int byline_line_changes(WINDOW *w, int y, int *first, int *last);

/* MARK: scrolling (scroll.c)
 *
 * Curses finds scrolls itself, by hashing and comparing every changed line of the screen: most
 * of the cost of a line scrolled in reading mode. These two scroll past that: the lines that
 * move are moved in the window, in curses' next screen (newscr) and in what it knows the
 * terminal shows (curscr) without being marked changed, and the terminal is sent the scroll
 * just before the update, which then sends only what was drawn. */

/* Moves lines top...bottom of `w`, newscr and curscr up by `by` lines (down when negative),
 * the uncovered lines blank, unmarked (`w` may be newscr itself, then moved once). Returns -1
 * and does nothing when the terminal lacks a capability the scroll needs (csr, sc, rc, indn or
 * rin) or curses has changes it has not sent:
 * wscrl and curses' own detection then do the move. After 0, call byline_send_scroll with the
 * same lines before doupdate.
 * The lines' text trades places rather than being copied as wscrl copies it (scroll.c tells
 * why that leaves curses as wscrl does, and checks it once): `w` must have no subwindows. */
int byline_move_lines(WINDOW *w, int top, int bottom, int by);

/* For tests. Whether byline_move_lines rotates the lines' text (1) or copies them with wscrl
 * (0): the check of curses' line records it makes once, at the first move. */
int byline_lines_rotate(void);

/* For tests. Moves lines top...bottom of `w` alone as byline_move_lines moves each window's:
 * by rotation (rotate = 1; -1, nothing done, where it would not rotate: a subwindow, a pad, a
 * failed check) or with wscrl (rotate = 0, what it falls back on). -1 too for lines out of the
 * window or a move of as many lines as there are. */
int byline_move_window_lines(WINDOW *w, int top, int bottom, int by, int rotate);

/* Longest capability string byline_scroll_texts keeps, with its NUL. */
#define BYLINE_SCROLL_TEXT 64

/* The strings of the last scroll byline_send_scroll sent, kept by the caller (one per
 * terminal) and zeroed before the first call: the region, the scroll, the region reset to the
 * whole screen, and the cursor's save and restore. */
typedef struct {
    int valid, top, bottom, by, height;
    char region[BYLINE_SCROLL_TEXT], scroll[BYLINE_SCROLL_TEXT], reset[BYLINE_SCROLL_TEXT];
    char save[BYLINE_SCROLL_TEXT], restore[BYLINE_SCROLL_TEXT];
} byline_scroll_texts;

/* Sends the terminal the scroll byline_move_lines made: after the frame is drawn, before doupdate.
 * `texts` keeps the strings from one call to the next. */
void byline_send_scroll(byline_scroll_texts *texts, int top, int bottom, int by);

/* MARK: mouse */

/* Report the buttons and the wheel (no motion, so a still mouse never wakes the reader),
 * with no delay to tell clicks apart. Where the terminfo says SGR 1006 (XM), ncurses uses it,
 * so columns past 223 work. Returns the mask the terminal took (0: no mouse).
 *
 * The terminal reports every button's press and release whatever the mask. After a report of
 * an event outside the mask, ncurses reads on for the next one with a blocking read, whatever
 * the window's timeout: the reader sat there until the next key after every click (the keys
 * fuzz target found it). So the mask takes all three buttons' presses and releases, and
 * byline_mouse_event ignores what Byline does not use. */
static inline mmask_t byline_mouse_on(void) {
    mouseinterval(0);
    return mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON2_PRESSED | BUTTON2_RELEASED
                         | BUTTON3_PRESSED | BUTTON3_RELEASED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
}

/* What a mouse event was: 1 a left click, 4 wheel up, 5 wheel down, 0 anything else.
 * A click counts when the left button is released: when a press and its release arrive
 * together, ncurses gives only the release.
 * Of reports that arrive together, ncurses hands out the last event and keeps the others; a
 * later report outside the mask made getmouse hand out the newest of those instead, an old
 * click at an old place (the keys fuzz target found it). So every event left is dropped. */
static inline int byline_mouse_event(int *x, int *y) {
    MEVENT event, older;
    if (getmouse(&event) != OK) return 0;
    for (int left = 0; left < 64 && getmouse(&older) == OK; left++) {}
    *x = event.x;
    *y = event.y;
    if (event.bstate & BUTTON4_PRESSED) return 4;
    if (event.bstate & BUTTON5_PRESSED) return 5;
    if (event.bstate & (BUTTON1_RELEASED | BUTTON1_CLICKED)) return 1;
    return 0;
}

/* MARK: clipboard */

/* Hand `base64` (text for the clipboard) to the terminal with its terminfo's Ms capability
 * (OSC 52), after what curses drew. Returns -1, sending nothing, when the terminal declares
 * no Ms. */
static inline int byline_send_clipboard(const char *base64) {
    const char *ms = tigetstr("Ms");
    if (ms == NULL || ms == (const char *)-1) return -1;
    const char *sequence = tiparm(ms, "c", base64);
    if (sequence == NULL) return -1;
    putp(sequence);
    fflush(stdout);
    return 0;
}

/* MARK: signals (signals.c)
 *
 * Handlers only set a flag and write a byte to a self-pipe, whose read end the terminal's wait
 * watches together with the keyboard: a signal that comes just before the wait still wakes it.
 * The flags live in signals.c, once for the whole program. */

/* Install handlers for SIGTERM, SIGINT, SIGHUP, SIGQUIT (remembered, see byline_take_signal)
 * and SIGCONT (repaint), and ignore SIGPIPE. Call before newterm. Returns -1 if the pipe
 * cannot be made. */
int byline_signals_install(void);

/* While a shell command has the terminal: ignore (hold = 1) or take again (hold = 0) SIGINT and
 * SIGQUIT, so Ctrl-C ends the command and not the reader. */
void byline_signals_hold_interrupts(int hold);

/* After newterm: SIGWINCH also wakes the wait, and still reaches ncurses' own handler, so the
 * next read returns KEY_RESIZE. */
void byline_signals_watch_resize(void);

/* The read end of the self-pipe. */
int byline_signal_descriptor(void);

/* Empty the self-pipe after a wake-up. */
void byline_signals_drain(void);

/* The pending terminating signal (0 for none), cleared by reading it. */
int byline_take_signal(void);

/* Whether the process was continued since the last call (cleared by reading it). */
int byline_take_continued(void);

#endif
