/* curses_compat: the one include of ncursesw, with its wide-character API on,
 * and what the views need of it beyond the X/Open calls. */
#ifndef TOUCHLINE_UI_CURSES_COMPAT_H
#define TOUCHLINE_UI_CURSES_COMPAT_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>
#include <string.h>

/* Makes *c the cell of character ch with no attributes, as setcchar(c, {ch},
 * A_NORMAL, 0, NULL) does. ncurses' cells are plain structs, filled here
 * directly: setcchar checks and measures the character, a cost that shows
 * over a screenful of text. */
static inline void compat_plain_cell(cchar_t *c, wchar_t ch)
{
#ifdef NCURSES_VERSION
    memset(c, 0, sizeof *c);
    c->chars[0] = ch;
#else
    wchar_t s[2] = {ch, 0};
    setcchar(c, s, A_NORMAL, 0, NULL);
#endif
}

#endif
