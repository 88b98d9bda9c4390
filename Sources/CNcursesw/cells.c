/* Putting a run of cells into a window's line past wadd_wchnstr (see CNcursesw.h). */
#include "curses_lines.h"
#include <stdint.h>

/* MARK: what wadd_wchnstr does
 *
 * wadd_wchnstr (ncurses 6.4, lib_addstr.c) calls wcwidth (through _nc_wacs_width) and
 * _nc_render for each cell and copies the 28-byte cell into the window's line: about 110
 * instructions a cell, most of what a key costs Byline in curses before the update. The run
 * written here is what it writes, done inline:
 * - a run that starts on the right half of a wide character blanks the rest of that character
 *   (its left half) and marks it changed;
 * - each cell is rendered (see render below) and put in; a cell as wide as `len` > 1 columns
 *   (_nc_wacs_width) is followed by len - 1 copies of itself, each marked as the how-manieth
 *   extension cell in the attribute's character bits (WidecExt), the left half marked 0;
 *   a cell that does not fit ends the run; cells marked as extensions are skipped, a cell with
 *   no character ends the run;
 * - extension cells left behind after the run (right halves of a wide character the run
 *   overwrote) are blanked and marked changed;
 * - the line's change marks grow to cover start...end (CHANGED_RANGE).
 * Most cells are ones render leaves as they are, of one column (copied_as_is): each stretch of
 * them goes in with one memcpy, about 30 instructions a cell less in all.
 *
 * _nc_wacs_width is wcwidth but for ncurses' line-drawing and VT100 symbols (U+00A3 ... U+2603),
 * which it may count as one column where the locale's wcwidth says two: a run with such a
 * character wcwidth calls wide goes to curses.
 *
 * The line records are read through the mirror in curses_lines.h (struct ldat: text, firstchar,
 * lastchar, oldindex; private to ncurses, the same for decades), trusted here as there only after a
 * check once per process on scratch pads: the mirror must read every cell and change mark as
 * curses' calls do, and a probe of runs (ASCII, colour pairs and attributes, pairs past 255, a
 * wide CJK character, an emoji, combining marks, blanks, a run cut short by an empty cell or
 * the line's end, runs cutting into wide characters at both ends) written here on one pad
 * and by mvwadd_wchnstr on the other must leave both pads the same, byte for byte: cells,
 * change marks and cursor. Otherwise every run goes to mvwadd_wchnstr, as before. */

/* The result of the check: not yet made, runs written here match curses', or they do not. */
static enum { UNCHECKED, DIRECT, THROUGH_CURSES } mode = UNCHECKED;

/* The blank of a window with no attributes, no colour and the blank background: what
 * _nc_render makes of a blank cell there (runs are written here only in such windows). */
static const cchar_t plain_blank = {.attr = A_NORMAL, .chars = {L' '}};

/* The attribute's character bits, which mark a cell of a wide character (curses.priv.h's
 * WidecExt): 0 a narrow cell, 1 a left half, 2 the first extension and so on. */
static inline int wide_part(const cchar_t *cell) { return (int)(cell->attr & A_CHARTEXT); }
static inline bool is_extension(const cchar_t *cell) {
    int part = wide_part(cell);
    return part > 1 && part < 32;
}
static inline void set_wide_part(cchar_t *cell, int part) {
    cell->attr = (cell->attr & ~(attr_t)A_CHARTEXT) | (attr_t)(part + 1);
}

/* _nc_render in a plain window (no attributes or colour of its own, blank background): a
 * blank cell with neither becomes the background; any other keeps its attributes, its pair
 * (ext_color, else the colour bits) put in both places, the colour bits capped at 255. */
static inline void render(cchar_t *into, const cchar_t *cell) {
    int pair = cell->ext_color != 0 ? cell->ext_color : (int)PAIR_NUMBER(cell->attr);
    if (cell->chars[0] == L' ' && cell->chars[1] == 0 && cell->attr == A_NORMAL && pair == 0) {
        *into = plain_blank;
        return;
    }
    *into = *cell;
    into->ext_color = pair;
    into->attr = (cell->attr & ~(attr_t)A_COLOR) | ((attr_t)COLOR_PAIR(pair > 255 ? 255 : pair) & A_COLOR);
}

/* Whether `c` is one of the symbols _nc_wacs_width may count as one column whatever wcwidth
 * says, and wcwidth says two. */
static inline bool width_unsure(unsigned c) { return c >= 0xA3 && c <= 0x2603 && wcwidth((wchar_t)c) > 1; }

/* Whether `w` is a window runs may be written into: a window of its own (no subwindow or
 * pad), refreshed by hand, without attributes, colour or background of its own. */
static bool plain_window(WINDOW *w) {
    if (w == NULL || lines_of(w) == NULL || is_subwin(w) || is_pad(w) || wgetparent(w) != NULL
        || is_immedok(w) || is_syncok(w)) return false;
    attr_t attrs = 0;
    short pair = 0;
    int extended = 0;
    if (wattr_get(w, &attrs, &pair, &extended) == ERR || attrs != A_NORMAL || pair != 0 || extended != 0) return false;
    cchar_t background;
    if (wgetbkgrnd(w, &background) == ERR) return false;
    return memcmp(&background, &plain_blank, sizeof background) == 0;
}

/* Puts `cell` at column `x` of `text` (the columns up to `last`) as wadd_wchnstr does, moving
 * *end past what it took; returns the next column, or -1 when the cell does not fit, which ends
 * the run. */
__attribute__((noinline)) static int put_cell(NCURSES_CH_T *text, const cchar_t *cell, int x, int last, int *end) {
    if (is_extension(cell)) return x;
    unsigned c = (unsigned)cell->chars[0];
    int len = c < 0x80 ? 1 : wcwidth((wchar_t)c);
    if (x + len - 1 > last) return -1;
    render(&text[x], cell);
    if (len > 1) {
        for (int j = 0; j < len; ++j) {
            if (j != 0) text[x + j] = text[x];
            set_wide_part(&text[x + j], j);
        }
    } else {
        len = 1;
    }
    *end += len - 1;
    return x + len;
}

/* Whether `cell` is one wadd_wchnstr puts in as it is: a character of one column (wcwidth
 * gives at most 1 below 0x80) that render leaves as it is: no extension bits, the pair in
 * ext_color and (capped at 255) in the colour bits as render puts it, and not a blank with
 * neither attributes nor pair unless it has the background's bytes. */
static inline bool copied_as_is(const cchar_t *cell) {
    unsigned c = (unsigned)cell->chars[0];
    attr_t attr = cell->attr;
    int pair = cell->ext_color;
    return c - 0x20 < 0x60 && (attr & (A_COLOR | A_CHARTEXT)) == ((attr_t)COLOR_PAIR(pair > 255 ? 255 : pair) & A_COLOR)
        && (c != L' ' || attr != A_NORMAL || pair != 0
            || (cell->chars[1] | cell->chars[2] | cell->chars[3] | cell->chars[4]) == 0);
}

/* Writes `n` cells from (y, x) on as wadd_wchnstr after wmove; false, nothing done, where it
 * would not write them as curses does (a symbol of unsure width). */
static inline bool write_run(WINDOW *w, int y, int x, const cchar_t *cells, int n, int *result, bool all_as_is) {
    /* (Cells all copied as they are are printable ASCII: no symbol of unsure width.) */
    if (!all_as_is) {
        for (int i = 0; i < n; i++) {
            unsigned c = (unsigned)cells[i].chars[0];
            if (c >= 0xA3 && width_unsure(c)) return false;
        }
    }
    if (wmove(w, y, x) == ERR) {
        *result = ERR;
        return true;
    }
    *result = OK;
    int last = getmaxx(w) - 1;
    if (n > last - x + 1) n = last - x + 1;
    if (n <= 0) return true;
    byline_line *line = &lines_of(w)[y];
    NCURSES_CH_T *text = line->text;
    int start = x, end = x + n - 1;
    if (x > 0 && is_extension(&text[x])) {
        for (int i = 0; i <= x; ++i) {
            if (!is_extension(&text[x - i])) {
                start -= i;
                while (i > 0) text[x - i--] = plain_blank;
                break;
            }
        }
    }
    /* Most of a run is cells copied as they are, one column each: each stretch of them goes in
     * with one memcpy (as many as fit: a wide character before takes more columns than
     * cells), any other cell by put_cell. */
    for (int i = 0; i < n && x <= last;) {
        int plain = i;
        if (all_as_is) plain = n;
        else while (plain < n && copied_as_is(&cells[plain])) plain++;
        if (plain > i) {
            int count = plain - i;
            if (count > last - x + 1) count = last - x + 1;
            memcpy(&text[x], &cells[i], sizeof(NCURSES_CH_T) * (size_t)count);
            x += count;
            i += count;
            continue;
        }
        if (cells[i].chars[0] == 0) break;
        int next = put_cell(text, &cells[i], x, last, &end);
        if (next < 0) break;
        x = next;
        i++;
    }
    while (x <= last && is_extension(&text[x])) {
        text[x] = plain_blank;
        ++end;
        ++x;
    }
    if (line->firstchar == _NOCHANGE || line->firstchar > start) line->firstchar = (NCURSES_SIZE_T)start;
    if (line->lastchar == _NOCHANGE || line->lastchar < end) line->lastchar = (NCURSES_SIZE_T)end;
    return true;
}

/* MARK: the check */

#define PROBE_LINES 4
#define PROBE_COLUMNS 12

/* Whether the mirror reads scratch pad `w` (its cells distinct) as curses does: each line's
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
        if (row[y].text == NULL || (uintptr_t)row[y].text % _Alignof(NCURSES_CH_T) != 0) return false;
    }
    for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
            cchar_t cell;
            if (mvwin_wch(w, y, x, &cell) == ERR || memcmp(&cell, &row[y].text[x], sizeof cell) != 0) return false;
        }
    }
    return true;
}

/* A cell of the probe: `text` (a character and its marks), attributes and pair as setcchar
 * makes them; `rawPair` puts the pair in the colour bits only, as a program might. */
static cchar_t probe_cell(const wchar_t *text, attr_t attr, int pair, bool rawPair) {
    cchar_t cell;
    memset(&cell, 0, sizeof cell);
    byline_set_cell(&cell, text, attr, pair);
    if (rawPair) cell.ext_color = 0;
    return cell;
}

/* The pads' first lines: ASCII around a CJK character at columns 3-4, an emoji at 7-8 and
 * another CJK character at 10-11, put by curses (so its own extension marks). */
static bool fill_probe(WINDOW *w) {
    for (int y = 0; y < PROBE_LINES; y++) {
        cchar_t cells[PROBE_COLUMNS];
        int n = 0;
        static const wchar_t line[] = {L'a', L'b', L'c', 0x4E2D, L'd', L'e', 0x1F600, L'f', 0x5B57};
        for (size_t k = 0; k < sizeof line / sizeof line[0]; k++) {
            wchar_t text[2] = {line[k] == L'a' ? (wchar_t)(L'a' + y) : line[k], 0};
            cells[n++] = probe_cell(text, (k % 2) ? A_BOLD : A_NORMAL, (int)k, false);
        }
        if (mvwadd_wchnstr(w, y, 0, cells, n) == ERR) return false;
    }
    return true;
}

/* Whether two scratch pads hold the same cells and change marks, read by the mirror and by
 * curses, and have the cursor at the same place. */
static bool same_pads(WINDOW *a, WINDOW *b) {
    if (getcury(a) != getcury(b) || getcurx(a) != getcurx(b)) return false;
    for (int y = 0; y < PROBE_LINES; y++) {
        byline_line *la = &lines_of(a)[y], *lb = &lines_of(b)[y];
        if (la->firstchar != lb->firstchar || la->lastchar != lb->lastchar) return false;
        if (is_linetouched(a, y) != is_linetouched(b, y)) return false;
        if (memcmp(la->text, lb->text, sizeof(NCURSES_CH_T) * PROBE_COLUMNS) != 0) return false;
        if (!byline_lines_alike(a, b, y, PROBE_COLUMNS)) return false;
    }
    return true;
}

/* The check: two scratch pads filled alike; the mirror must read both, and each probe run,
 * written by mvwadd_wchnstr on one and here on the other, must leave them alike. */
static bool runs_match_curses(void) {
    WINDOW *cursed = newpad(PROBE_LINES, PROBE_COLUMNS);
    WINDOW *direct = newpad(PROBE_LINES, PROBE_COLUMNS);
    bool same = cursed != NULL && direct != NULL && fill_probe(cursed) && fill_probe(direct)
        && mirror_reads(cursed) && mirror_reads(direct);
    static const wchar_t ascii[] = L"WXYZ!~ ";
    static const wchar_t wide[] = {0x4E2D, 0x1F600, 0x5B57};
    cchar_t cells[PROBE_COLUMNS + 2];
    /* Runs: line, column, then how the cells are made (see below), and how many. */
    static const int runs[][4] = {
        {0, 4, 0, 4},   /* ASCII from the right half of a CJK character to the left half of the emoji */
        {1, 3, 1, 5},   /* wide characters over wide characters, ending in a right half */
        {1, 0, 2, 6},   /* blanks, combining marks, pairs past 255, pairs in the colour bits */
        {2, 8, 1, 3},   /* wide characters that do not fit at the end */
        {2, 5, 3, 5},   /* a run cut short by an empty cell, one with an extension cell */
        {3, 9, 0, 7},   /* more cells than fit */
        {0, 0, 1, 2},   /* from column 0, again on a changed line */
        {3, 2, 2, 3},
    };
    for (size_t k = 0; same && k < sizeof runs / sizeof runs[0]; k++) {
        int kind = runs[k][2], n = runs[k][3];
        for (int i = 0; i < n; i++) {
            wchar_t text[4] = {ascii[i % 7], 0, 0, 0};
            attr_t attr = (i % 3 == 1) ? A_BOLD | A_UNDERLINE : (i % 3 == 2) ? A_REVERSE : A_NORMAL;
            int pair = i % 4;
            bool rawPair = false;
            if (kind == 1) text[0] = wide[i % 3];
            if (kind == 2) {
                static const wchar_t marked[][3] = {{L' ', 0, 0}, {L'e', 0x0301, 0}, {L' ', 0, 0}, {L'o', 0x0308, 0x0323}, {L'n', 0, 0}, {L' ', 0x0301, 0}};
                memcpy(text, marked[i % 6], sizeof marked[0]);
                attr = (i == 0 || i == 5) ? A_NORMAL : attr;
                pair = (i == 0 || i == 5) ? 0 : i == 2 ? 300 : i == 4 ? 7 : pair;
                rawPair = i == 4;
            }
            cells[i] = probe_cell(text, attr, pair, rawPair);
            if (kind == 3 && i == 1) cells[i].attr |= 2;
            if (kind == 3 && i == 3) memset(&cells[i], 0, sizeof cells[i]);
        }
        int result = OK;
        if (mvwadd_wchnstr(cursed, runs[k][0], runs[k][1], cells, n) == ERR) same = false;
        else same = write_run(direct, runs[k][0], runs[k][1], cells, n, &result, false) && result == OK && same_pads(cursed, direct);
        if (k == 3) {
            /* Marks cleared between runs, as an update clears them. */
            wtouchln(cursed, 0, PROBE_LINES, 0);
            wtouchln(direct, 0, PROBE_LINES, 0);
        }
    }
    if (cursed != NULL) delwin(cursed);
    if (direct != NULL) delwin(direct);
    return same;
}

static bool direct_checked(void) {
    if (mode == UNCHECKED) mode = runs_match_curses() ? DIRECT : THROUGH_CURSES;
    return mode == DIRECT;
}

/* MARK: entry points */

int byline_put_run(WINDOW *w, int y, int x, const cchar_t *cells, int n) {
    int result = ERR;
    if (n >= 0 && direct_checked() && plain_window(w) && write_run(w, y, x, cells, n, &result, false)) return result;
    return mvwadd_wchnstr(w, y, x, cells, n);
}

int byline_put_as_is_run(WINDOW *w, int y, int x, const cchar_t *cells, int n) {
    int result = ERR;
    if (n >= 0 && direct_checked() && plain_window(w) && write_run(w, y, x, cells, n, &result, true)) return result;
    return mvwadd_wchnstr(w, y, x, cells, n);
}

int byline_cell_copied_as_is(const cchar_t *cell) { return copied_as_is(cell); }

int byline_runs_direct(void) { return direct_checked(); }

int byline_put_run_by(WINDOW *w, int y, int x, const cchar_t *cells, int n, int direct) {
    if (!direct) return mvwadd_wchnstr(w, y, x, cells, n);
    int result = ERR;
    bool as_is = direct == 2;
    if (as_is) {
        for (int i = 0; i < n; i++) if (!copied_as_is(&cells[i])) return -3;
    }
    if (n >= 0 && direct_checked() && plain_window(w) && write_run(w, y, x, cells, n, &result, as_is)) return result;
    return -2;
}

int byline_line_changes(WINDOW *w, int y, int *first, int *last) {
    if (!direct_checked() || w == NULL || y < 0 || y >= getmaxy(w)) return -1;
    *first = lines_of(w)[y].firstchar;
    *last = lines_of(w)[y].lastchar;
    return 0;
}
