/* Scrolling lines of the terminal past curses' scroll detection (see CNcursesw.h). */
#include "curses_lines.h"
#include <stdint.h>

/* A terminfo string capability, or NULL when the terminal has none. */
static const char *capability(const char *name) {
    const char *value = tigetstr(name);
    return value == (const char *)-1 ? NULL : value;
}

/* Whether the terminal has the strings a scroll by `by` needs (csr, sc, rc, and indn or rin).
 * Looked up once per terminal (tigetstr compares the name with each string capability's,
 * about 180 instructions a name, four names a move): kept with the terminal they were looked up
 * for, and looked up again when curses' current terminal is another. */
static bool can_scroll(int by) {
    static const TERMINAL *known = NULL;
    static bool common = false, forward = false, backward = false;
    if (known == NULL || known != cur_term) {
        common = capability("csr") != NULL && capability("sc") != NULL && capability("rc") != NULL;
        forward = capability("indn") != NULL;
        backward = capability("rin") != NULL;
        known = cur_term;
    }
    return common && (by > 0 ? forward : backward);
}

/* MARK: moving lines with wscrl (the fallback) */

/* Moves lines top...bottom of `w` by `by` lines as wscrl does, leaving them unmarked: the moved
 * lines hold what they held, and the uncovered ones are blank. */
static void copy_lines(WINDOW *w, int top, int bottom, int by) {
    bool was = is_scrollok(w);
    int oldTop = 0, oldBottom = 0;
    wgetscrreg(w, &oldTop, &oldBottom);
    scrollok(w, TRUE);
    wsetscrreg(w, top, bottom);
    wscrl(w, by);
    wtouchln(w, top, bottom - top + 1, 0);
    wsetscrreg(w, oldTop, oldBottom);
    scrollok(w, was);
}

/* MARK: moving lines by rotating their text
 *
 * wscrl (ncurses' _nc_scroll_window) copies every moved line, cell by cell: a line of 120 cells
 * is 3,360 bytes, 38 lines of three windows about 400 KB a scroll. Each line's text is an
 * allocation of its own in a window that is neither a subwindow nor a pad (newwin and newpad
 * calloc each line, wresize reallocs or frees each line, _nc_freewin frees each line: ncurses
 * 6.4, lib_newwin.c, lib_pad.c, wresize.c), so the lines' text pointers can trade places
 * instead, as ncurses itself did before it took to copying (for subwindows' sake, whose lines
 * point into their parent's).
 *
 * The record of a line (struct ldat) is mirrored in curses_lines.h. */

/* It is trusted only once checked, at the first move: on scratch pads, the mirror must read
 * every cell and change mark as curses' own calls do, and a rotation must leave the pads exactly
 * as wscrl does. Otherwise every move copies, as before. Why the rotation leaves ncurses as the
 * copies do:
 * - the three windows end with the same cells in every line, the same change marks (none: the
 *   lines were unmarked before, wscrl marks them and wtouchln unmarks them again; the rotation
 *   marks nothing and wtouchln is kept) and the same oldindex. oldindex stays with the line
 *   number: wscrl moves it only in a build without the hash map (USE_SCROLL_HINTS), where the
 *   check finds the pads differ and every move copies;
 * - what ncurses keeps per line beside the windows is indexed by line number and computed from
 *   the cells: the hash map's oldhash (hashes of curscr's lines) and newhash (of newscr's) and
 *   _oldnum_list. Neither path updates them (wscrl does not either; the update refreshes them
 *   from the cells and for the lines it sends), and the cells are the same, so they stay the same;
 * - only which allocation holds which line differs. ncurses keeps no line's text pointer across
 *   calls but in subwindows (derived from the window's lines) and reads, reallocs or frees each
 *   line through the window's own _line. So the windows rotated must be no subwindows or pads
 *   (checked at each move) and have no subwindows (curses makes none of newscr and curscr;
 *   Byline makes none of stdscr: the caller's promise, see CNcursesw.h);
 * - wscrl also calls _nc_synchook (a refresh for immedok, wsyncup for syncok: windows with
 *   either are copied) and moves the row of a multibyte character half added byte by byte with
 *   waddch, which is private: Byline adds whole cells (wadd_wch, wadd_wchnstr) and curses adds
 *   nothing to newscr and curscr that way, so none is ever pending. */

/* The result of the check: not yet made, rotations match wscrl, or they do not. Once per
 * process, as curses' layout cannot change while it runs. */
static enum { UNCHECKED, ROTATES, COPIES } rotation = UNCHECKED;

#define PROBE_LINES 6
#define PROBE_COLUMNS 9


/* Whether `w`'s lines top...bottom have text of their own: set, aligned, and no two neighbours
 * starting within a line's cells of each other, so neither the same nor back to back as in one
 * block nor overlapping (a guard: curses' sources and the check tell that each is an allocation
 * of its own). One pass without a branch a test: the distance of neighbours is taken unsigned,
 * shifted by a line, so that one compare finds it at most a line either way; the alignment is
 * asked of all the texts' low bits at once. */
static bool own_texts(WINDOW *w, int top, int bottom) {
    byline_line *row = lines_of(w);
    int width = getmaxx(w);
    if (row == NULL || width <= 0 || top < 0 || bottom >= getmaxy(w)) return false;
    uintptr_t line = (uintptr_t)width * sizeof(NCURSES_CH_T);
    uintptr_t above = (uintptr_t)row[top].text, bits = above;
    bool own = above != 0;
    for (int y = top + 1; y <= bottom; y++) {
        uintptr_t text = (uintptr_t)row[y].text;
        own &= (text != 0) & (text - above + line > 2 * line);
        bits |= text;
        above = text;
    }
    return own && bits % _Alignof(NCURSES_CH_T) == 0;
}

/* Whether the mirror reads `w` (a scratch pad with distinct cells) as curses does: each line's
 * change marks, then each cell. */
static bool mirror_reads(WINDOW *w) {
    int height = getmaxy(w), width = getmaxx(w);
    byline_line *row = lines_of(w);
    if (row == NULL) return false;
    wtouchln(w, 0, height, 1);
    for (int y = 0; y < height; y++) {
        if (row[y].firstchar != 0 || row[y].lastchar != width - 1 || !is_linetouched(w, y)) return false;
    }
    wtouchln(w, 0, height, 0);
    for (int y = 0; y < height; y++) {
        if (row[y].firstchar != _NOCHANGE || row[y].lastchar != _NOCHANGE || is_linetouched(w, y)) return false;
    }
    if (!own_texts(w, 0, height - 1)) return false;
    for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
            cchar_t cell;
            if (mvwin_wch(w, y, x, &cell) == ERR || memcmp(&cell, &row[y].text[x], sizeof cell) != 0) return false;
        }
    }
    return true;
}

/* Trades the text of lines from...to of `row` end for end. */
static void reverse(byline_line *row, int from, int to) {
    for (; from < to; from++, to--) {
        NCURSES_CH_T *text = row[from].text;
        row[from].text = row[to].text;
        row[to].text = text;
    }
}

/* Moves lines top...bottom of `w` by `by` lines as copy_lines does, by rotating their text (the
 * change marks and oldindex stay with the line numbers) and blanking the lines uncovered with
 * the window's background, as wscrl blanks them. */
static void rotate_lines(WINDOW *w, int top, int bottom, int by) {
    byline_line *row = lines_of(w);
    int count = by > 0 ? by : -by;
    int span = bottom - top + 1;
    /* A rotation to the left by `first`: the line at top + first comes to top. */
    int first = by > 0 ? count : span - count;
    reverse(row, top, top + first - 1);
    reverse(row, top + first, bottom);
    reverse(row, top, bottom);
    cchar_t blank;
    wgetbkgrnd(w, &blank);
    int width = getmaxx(w);
    int uncovered = by > 0 ? bottom - count + 1 : top;
    /* The first uncovered line blanked a cell, then by copies of what is blank so far (doubling:
     * seven copies for 120 cells, not 120 cell assignments), the others copied from it. */
    NCURSES_CH_T *blanked = row[uncovered].text;
    blanked[0] = blank;
    for (int done = 1; done < width;) {
        int more = done < width - done ? done : width - done;
        memcpy(blanked + done, blanked, (size_t)more * sizeof *blanked);
        done += more;
    }
    for (int y = uncovered + 1; y < uncovered + count; y++) memcpy(row[y].text, blanked, (size_t)width * sizeof *blanked);
    /* Unmarked, as wtouchln(w, top, span, 0) leaves them (the check saw it set both marks to
     * _NOCHANGE and nothing else), without a call per move. */
    for (int y = top; y <= bottom; y++) row[y].firstchar = row[y].lastchar = _NOCHANGE;
}

/* Fills scratch pad `w` with a different character in each cell. */
static bool fill_distinct(WINDOW *w) {
    for (int y = 0; y < PROBE_LINES; y++) {
        cchar_t cells[PROBE_COLUMNS];
        for (int x = 0; x < PROBE_COLUMNS; x++) {
            wchar_t text[2] = {(wchar_t)(L'!' + y * PROBE_COLUMNS + x), 0};
            if (setcchar(&cells[x], text, (x % 2) ? A_BOLD : A_NORMAL, 0, NULL) == ERR) return false;
        }
        if (mvwadd_wchnstr(w, y, 0, cells, PROBE_COLUMNS) == ERR) return false;
    }
    return true;
}

/* Whether two scratch pads hold the same cells, change marks and oldindex. */
static bool same_pads(WINDOW *a, WINDOW *b) {
    for (int y = 0; y < PROBE_LINES; y++) {
        byline_line *la = &lines_of(a)[y], *lb = &lines_of(b)[y];
        if (la->firstchar != lb->firstchar || la->lastchar != lb->lastchar || la->oldindex != lb->oldindex) return false;
        if (!byline_lines_alike(a, b, y, PROBE_COLUMNS)) return false;
    }
    return true;
}

/* The check: two scratch pads (pads, as delwin of a window would mark all of curscr changed),
 * filled alike; the mirror must read both, and moves by wscrl on one and by rotation on the
 * other, up and down, must leave them alike. */
static bool rotation_matches_wscrl(void) {
    WINDOW *copied = newpad(PROBE_LINES, PROBE_COLUMNS);
    WINDOW *rotated = newpad(PROBE_LINES, PROBE_COLUMNS);
    bool same = copied != NULL && rotated != NULL && fill_distinct(copied) && fill_distinct(rotated)
        && mirror_reads(copied) && mirror_reads(rotated);
    if (same) {
        /* A background unlike the blank newpad starts with, and line hints unlike the ones it
         * leaves, so that a difference in either shows. */
        cchar_t background;
        wchar_t dot[2] = {L'.', 0};
        same = setcchar(&background, dot, A_UNDERLINE, 0, NULL) != ERR;
        if (same) {
            wbkgrndset(copied, &background);
            wbkgrndset(rotated, &background);
        }
        for (int y = 0; y < PROBE_LINES; y++) {
            lines_of(copied)[y].oldindex = lines_of(rotated)[y].oldindex = (NCURSES_SIZE_T)(100 + y);
        }
        static const int moves[][3] = {{1, 4, 1}, {0, 5, -2}, {0, 5, 5}, {2, 5, -3}, {0, 3, 2}, {1, 5, -1}};
        for (size_t k = 0; same && k < sizeof moves / sizeof moves[0]; k++) {
            copy_lines(copied, moves[k][0], moves[k][1], moves[k][2]);
            rotate_lines(rotated, moves[k][0], moves[k][1], moves[k][2]);
            same = same_pads(copied, rotated);
        }
    }
    if (copied != NULL) delwin(copied);
    if (rotated != NULL) delwin(rotated);
    return same;
}

/* Whether rotations match wscrl: checked at the first call. */
static bool rotation_checked(void) {
    if (rotation == UNCHECKED) rotation = rotation_matches_wscrl() ? ROTATES : COPIES;
    return rotation == ROTATES;
}

/* Whether no line of `w`'s first `height` is marked changed, as is_linetouched tells (a line
 * past the window counts as changed, as is_linetouched answers ERR for it). Where the check
 * passed the marks are read from the line records (it saw is_linetouched read them so), not by
 * a call a line: three windows of 40 lines a move. */
static bool untouched(WINDOW *w, int height) {
    byline_line *row = lines_of(w);
    if (rotation_checked() && row != NULL && getmaxy(w) >= height) {
        for (int y = 0; y < height; y++) {
            if (row[y].firstchar != _NOCHANGE) return false;
        }
        return true;
    }
    for (int y = 0; y < height; y++) {
        if (is_linetouched(w, y)) return false;
    }
    return true;
}

/* Whether lines top...bottom of `w` can be rotated: the check passed, and `w` is a window of its
 * own whose lines have text of their own, refreshed by hand. */
static bool rotatable(WINDOW *w, int top, int bottom) {
    return rotation_checked() && !is_subwin(w) && !is_pad(w) && wgetparent(w) == NULL
        && !is_immedok(w) && !is_syncok(w) && own_texts(w, top, bottom);
}

/* Moves lines top...bottom of `w` by `by`, unmarked: rotated where that is safe, else copied. */
static void move_lines(WINDOW *w, int top, int bottom, int by) {
    if (rotatable(w, top, bottom)) rotate_lines(w, top, bottom, by);
    else copy_lines(w, top, bottom, by);
}

int byline_move_lines(WINDOW *w, int top, int bottom, int by) {
    int count = by > 0 ? by : -by;
    int height = getmaxy(curscr);
    if (!can_scroll(by)) return -1;
    if (count == 0 || top < 0 || bottom >= height || bottom - top < count) return -1;
    /* Curses must have sent everything: what it believes the terminal shows is then what the
     * terminal shows, and stays so once both move. */
    if (is_cleared(curscr) || is_cleared(newscr) || is_cleared(w)) return -1;
    if (!untouched(curscr, height) || !untouched(newscr, height) || !untouched(w, height)) return -1;
    if (w != newscr) move_lines(w, top, bottom, by);
    move_lines(newscr, top, bottom, by);
    move_lines(curscr, top, bottom, by);
    return 0;
}

int byline_lines_rotate(void) { return rotation_checked(); }

int byline_move_window_lines(WINDOW *w, int top, int bottom, int by, int rotate) {
    int count = by > 0 ? by : -by;
    if (w == NULL || count == 0 || top < 0 || bottom >= getmaxy(w) || bottom - top < count) return -1;
    if (!rotate) {
        copy_lines(w, top, bottom, by);
        return 0;
    }
    if (!rotatable(w, top, bottom)) return -1;
    rotate_lines(w, top, bottom, by);
    return 0;
}

/* MARK: scrolling the terminal */

/* Where the next update starts sending: the first cell of the first line curses marked changed
 * that differs from what the terminal shows. False when no cell differs. The cells are read
 * with the windows' cursors put back, as the update places the cursor from newscr's. */
static bool first_change(int *row, int *col) {
    int height = getmaxy(newscr), width = getmaxx(newscr);
    byline_line *wanted = lines_of(newscr), *shown = lines_of(curscr);
    if (rotation_checked() && wanted != NULL && shown != NULL && getmaxy(curscr) >= height && getmaxx(curscr) >= width) {
        /* Where the check passed, the marks and cells are read from the line records (it saw
         * is_linetouched and mvwin_wch read them so), not by two calls a cell. */
        for (int y = 0; y < height; y++) {
            if (wanted[y].firstchar == _NOCHANGE) continue;
            for (int x = 0; x < width; x++) {
                if (memcmp(&shown[y].text[x], &wanted[y].text[x], sizeof(NCURSES_CH_T)) != 0) {
                    *row = y;
                    *col = x;
                    return true;
                }
            }
        }
        return false;
    }
    int newY, newX, curY, curX;
    getyx(newscr, newY, newX);
    getyx(curscr, curY, curX);
    bool found = false;
    for (int y = 0; y < height && !found; y++) {
        if (!is_linetouched(newscr, y)) continue;
        for (int x = 0; x < width; x++) {
            cchar_t shown, wanted;
            if (mvwin_wch(curscr, y, x, &shown) == ERR || mvwin_wch(newscr, y, x, &wanted) == ERR) break;
            if (memcmp(&shown, &wanted, sizeof shown) != 0) {
                *row = y;
                *col = x;
                found = true;
                break;
            }
        }
    }
    wmove(newscr, newY, newX);
    wmove(curscr, curY, curX);
    return found;
}

/* Copies `text` into `into` (of BYLINE_SCROLL_TEXT bytes); false, with `into` emptied, when
 * it does not fit. */
static bool keep(char *into, const char *text) {
    size_t length = text == NULL ? 0 : strlen(text);
    if (text == NULL || length >= BYLINE_SCROLL_TEXT) {
        into[0] = 0;
        return false;
    }
    memcpy(into, text, length + 1);
    return true;
}

void byline_send_scroll(byline_scroll_texts *texts, int top, int bottom, int by) {
    int height = getmaxy(curscr);
    /* tiparm interprets the capability's little program on each call: the three strings are
     * made once for a scroll and kept while the same scroll comes again (a list scrolled
     * line by line, a body read line by line). */
    if (!(texts->valid && texts->top == top && texts->bottom == bottom && texts->by == by && texts->height == height)) {
        const char *region = capability("csr");
        const char *scroll = capability(by > 0 ? "indn" : "rin");
        texts->valid = keep(texts->region, tiparm(region, top, bottom))
            && keep(texts->scroll, tiparm(scroll, by > 0 ? by : -by))
            && keep(texts->reset, tiparm(region, 0, height - 1))
            && keep(texts->save, capability("sc"))
            && keep(texts->restore, capability("rc"));
        texts->top = top;
        texts->bottom = bottom;
        texts->by = by;
        texts->height = height;
        if (!texts->valid) {
            /* Too long to keep (never seen): made and sent as they are. */
            int row = 0, col = 0;
            bool moveTo = first_change(&row, &col);
            if (!moveTo) putp(capability("sc"));
            putp(tiparm(region, top, bottom));
            putp(tiparm(scroll, by > 0 ? by : -by));
            putp(tiparm(region, 0, height - 1));
            if (!moveTo) putp(capability("rc"));
            else mvcur(-1, -1, row, col);
            fflush(stdout);
            return;
        }
    }
    int row = 0, col = 0;
    bool moveTo = first_change(&row, &col);
    /* Blank lines come in plain, as curses' own do: it ends every update with plain colours. A
     * scrolling region sends the cursor home on most terminals, so the cursor goes next where
     * the update starts (curses then knows where it is and moves it no further), or, with
     * nothing to send, back where curses believes it is. */
    if (!moveTo) putp(texts->save);
    putp(texts->region);
    putp(texts->scroll);
    putp(texts->reset);
    if (!moveTo) putp(texts->restore);
    else mvcur(-1, -1, row, col);
    /* putp and mvcur write through stdio, the update through a buffer of curses' own: the
     * scroll goes out now, before the update. */
    fflush(stdout);
}
