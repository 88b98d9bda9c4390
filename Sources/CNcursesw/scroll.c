/* Scrolling lines of the terminal past curses' scroll detection (see CNcursesw.h). */
#include "CNcursesw.h"

/* A terminfo string capability, or NULL when the terminal has none. */
static const char *capability(const char *name) {
    const char *value = tigetstr(name);
    return value == (const char *)-1 ? NULL : value;
}

/* Moves lines top...bottom of `w` by `by` lines as wscrl does, leaving them unmarked: the moved
 * lines hold what they held, and the uncovered ones are blank. */
static void move_lines(WINDOW *w, int top, int bottom, int by) {
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

int byline_move_lines(WINDOW *w, int top, int bottom, int by) {
    int count = by > 0 ? by : -by;
    int height = getmaxy(curscr);
    if (capability("csr") == NULL || capability("sc") == NULL || capability("rc") == NULL
        || capability(by > 0 ? "indn" : "rin") == NULL) return -1;
    if (count == 0 || top < 0 || bottom >= height || bottom - top < count) return -1;
    /* Curses must have sent everything: what it believes the terminal shows is then what the
     * terminal shows, and stays so once both move. */
    if (is_cleared(curscr) || is_cleared(newscr) || is_cleared(w)) return -1;
    for (int y = 0; y < height; y++) {
        if (is_linetouched(curscr, y) || is_linetouched(newscr, y) || is_linetouched(w, y)) return -1;
    }
    move_lines(w, top, bottom, by);
    move_lines(newscr, top, bottom, by);
    move_lines(curscr, top, bottom, by);
    return 0;
}

/* Where the next update starts sending: the first cell of the first line curses marked changed
 * that differs from what the terminal shows. False when no cell differs. The cells are read
 * with the windows' cursors put back, as the update places the cursor from newscr's. */
static bool first_change(int *row, int *col) {
    int height = getmaxy(newscr), width = getmaxx(newscr);
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
