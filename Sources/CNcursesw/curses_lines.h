/* The record curses keeps of each line of a window, mirrored for scroll.c and cells.c. */
#ifndef BYLINE_CURSES_LINES_H
#define BYLINE_CURSES_LINES_H
#include "CNcursesw.h"
#include <string.h>

/* struct ldat is private to ncurses (curses.h only declares it; WINDOW's _line is public as
 * NCURSES_OPAQUE is 0). Its layout has been the same for decades. Neither file trusts this
 * mirror before its own check, once per process on scratch pads, that it reads every cell and
 * change mark as curses' calls do. */
typedef struct {
    NCURSES_CH_T *text;             /* the line's cells */
    NCURSES_SIZE_T firstchar;       /* first changed cell, or _NOCHANGE */
    NCURSES_SIZE_T lastchar;        /* last changed cell, or _NOCHANGE */
    NCURSES_SIZE_T oldindex;        /* scroll hint; unused where ncurses has its hash map */
} byline_line;

/* The line records of `w`. */
static inline byline_line *lines_of(WINDOW *w) { return (byline_line *)(void *)w->_line; }

/* Whether line `y` of windows `a` and `b` holds the same `width` cells, read by curses
 * (mvwin_wch, which moves the windows' cursors): for the once-per-process checks. */
static inline bool byline_lines_alike(WINDOW *a, WINDOW *b, int y, int width) {
    for (int x = 0; x < width; x++) {
        cchar_t ca, cb;
        if (mvwin_wch(a, y, x, &ca) == ERR || mvwin_wch(b, y, x, &cb) == ERR) return false;
        if (memcmp(&ca, &cb, sizeof ca) != 0) return false;
    }
    return true;
}

#endif
