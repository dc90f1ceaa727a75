/* curses_compat: the one include of ncursesw, with its wide-character API on. */
#ifndef TOUCHLINE_UI_CURSES_COMPAT_H
#define TOUCHLINE_UI_CURSES_COMPAT_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
