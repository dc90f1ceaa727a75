/* style: how each UI element looks on this terminal, as curses attributes
 * and colour pairs. Each element takes its {fg, bg, attrs} from a theme
 * element (core/config/theme.h), downgraded to the colours the terminal really has
 * (truecolor, 256, 16, 8 or none). */
#ifndef TOUCHLINE_UI_STYLE_H
#define TOUCHLINE_UI_STYLE_H

#include <stdbool.h>

#include "core/config/theme.h"
#include "ui/curses_compat.h"

/* X(ID, theme element, attributes added to the theme's) */
#define STYLE_ELEMENTS(X)                                                                          \
    X(NORMAL, THEME_READER_TEXT, 0)                                                                \
    X(TITLE, THEME_TITLE, 0)                                                                       \
    X(TITLE_FOCUS, THEME_TITLE_FOCUSED, 0)                                                         \
    X(STATUS, THEME_STATUS, 0)                                                                     \
    X(MESSAGE, THEME_STATUS_MESSAGE, 0)                                                            \
    X(ERROR, THEME_STATUS_ERROR, 0)                                                                \
    X(LIST_ROW, THEME_LIST_ROW, 0)                                                                 \
    X(SELECTED, THEME_LIST_SELECTED, 0)                                                            \
    X(SELECTED_DIM, THEME_LIST_ROW, ATTR_BOLD | ATTR_UNDERLINE) /* selection, list unfocused */    \
    X(DATE, THEME_LIST_DATE, 0)                                                                    \
    X(MARKER, THEME_LIST_MARKER, 0)                                                                \
    X(UNREAD, THEME_LIST_ROW, ATTR_BOLD)         /* an unread article's title */                   \
    X(UNREAD_MARK, THEME_LIST_MARKER, ATTR_BOLD) /* its unread mark */                             \
    X(STAR, THEME_LIST_MARKER, ATTR_BOLD)        /* a starred article's mark */                    \
    X(META, THEME_READER_META, 0)                                                                  \
    X(HEADING, THEME_READER_HEADING, 0)                                                            \
    X(DIM, THEME_READER_META, 0) /* secondary text anywhere */                                     \
    X(BORDER, THEME_BORDER, 0)                                                                     \
    X(FACTS_HEADING, THEME_FACTS_HEADING, 0)                                                       \
    X(FACTS_LABEL, THEME_FACTS_LABEL, 0)                                                           \
    X(FACTS_VALUE, THEME_FACTS_VALUE, 0)                                                           \
    X(PICKER, THEME_PICKER, 0)                                                                     \
    X(PICKER_SELECTED, THEME_PICKER_SELECTED, 0)                                                   \
    X(PROMPT, THEME_PICKER_MATCH, 0) /* typed text: prompts and picker queries */                  \
    X(HELP, THEME_HELP, 0)                                                                         \
    X(HELP_KEY, THEME_HELP_KEY, 0)                                                                 \
    X(PERSON, THEME_PERSON, 0)                                                                     \
    X(CLUB, THEME_CLUB, 0)                                                                         \
    X(NATIONAL_TEAM, THEME_NATIONAL_TEAM, 0)                                                       \
    X(COMPETITION, THEME_COMPETITION, 0)                                                           \
    X(MEDIA, THEME_MEDIA, 0)                                                                       \
    X(MONEY, THEME_MONEY, 0)                                                                       \
    X(COUNT, THEME_COUNT, 0)                                                                       \
    X(SEARCH, THEME_SEARCH_HIT, 0)                                                                 \
    X(CURSOR, THEME_CURSOR, 0)

enum style_elem {
#define STYLE_ENUM(id, elem, extra) STYLE_##id,
    STYLE_ELEMENTS(STYLE_ENUM)
#undef STYLE_ENUM
        STYLE_COUNT_
};

/* Finds the terminal's colour depth and starts colours. Call after initscr,
 * before style_use_theme. */
void style_init(void);
/* What the terminal shows: from $COLORTERM (truecolor, 24bit) with a
 * direct-colour terminfo or one that can change its palette, else curses'
 * COLORS; none without colours. */
enum color_depth style_depth(void);
/* Fills the table from a theme and re-creates the colour pairs. On a
 * terminal without colours each element keeps the theme's attributes, plus
 * those of `mono` (may be NULL) wherever the theme relied on a colour. */
void style_use_theme(const struct theme *t, const struct theme *mono);
/* The curses attributes (colour pair included) that draw an element. */
attr_t style_attr(enum style_elem e);
/* Attributes `over` drawn over `under`: the attributes of both, and the
 * colour pair of `over` when it has one, else that of `under`. */
attr_t style_over(attr_t under, attr_t over);
/* Whether a blank drawn in attributes `a` on a window whose background is
 * `background` looks like the background: the same background colour, and
 * no attribute that shows on a blank (reverse, standout, underline, blink)
 * that the background lacks; reversed, the same foreground colour, bold and
 * dim too (a terminal may show bold as a brighter colour). Such a blank may take the attributes of
 * the text next to it, saving the terminal a change of attributes. */
bool style_blank_alike(attr_t a, attr_t background);
/* The style of an entity kind's mentions. */
enum style_elem style_of_kind(int entity_kind);
/* Whether colours are in use. */
bool style_has_color(void);

#endif
