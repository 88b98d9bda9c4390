/* The record curses keeps of each line of a window, mirrored for scroll.c and cells.c. */
#ifndef BYLINE_CURSES_LINES_H
#define BYLINE_CURSES_LINES_H
#include "CNcursesw.h"

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

#endif
