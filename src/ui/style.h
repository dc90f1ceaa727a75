/* style: how each UI element and each entity kind looks, as curses
 * attributes. One table, built in; a theme can later fill it with
 * style_set() before style_apply(). Honours NO_COLOR (attributes only). */
#ifndef TOUCHLINE_UI_STYLE_H
#define TOUCHLINE_UI_STYLE_H

#include <stdbool.h>

#include "curses_compat.h"

/* X(ID, name, fg256, fg8, bg, colour attrs, NO_COLOR attrs); -1 = default colour. */
#define STYLE_ELEMENTS(X)                                                                    \
    X(NORMAL, "normal", -1, -1, -1, A_NORMAL, A_NORMAL)                                       \
    X(TITLE, "title", 252, COLOR_WHITE, 238, A_NORMAL, A_REVERSE)                             \
    X(TITLE_FOCUS, "title-focus", 16, COLOR_BLACK, 75, A_BOLD, A_REVERSE | A_BOLD)            \
    X(STATUS, "status", 252, COLOR_WHITE, 236, A_NORMAL, A_REVERSE)                           \
    X(MESSAGE, "message", 229, COLOR_YELLOW, 236, A_BOLD, A_REVERSE | A_BOLD)                 \
    X(ERROR, "error", 231, COLOR_WHITE, 124, A_BOLD, A_REVERSE | A_BOLD)                      \
    X(SELECTED, "selected", 16, COLOR_BLACK, 153, A_NORMAL, A_REVERSE)                        \
    X(SELECTED_DIM, "selected-unfocused", -1, -1, 238, A_NORMAL, A_BOLD | A_UNDERLINE)        \
    X(DATE, "date", 109, COLOR_CYAN, -1, A_NORMAL, A_NORMAL)                                  \
    X(MARKER, "marker", 178, COLOR_YELLOW, -1, A_NORMAL, A_BOLD)                              \
    X(META, "meta", 245, COLOR_WHITE, -1, A_NORMAL, A_DIM)                                    \
    X(HEADING, "heading", -1, -1, -1, A_BOLD, A_BOLD)                                         \
    X(DIM, "dim", 242, COLOR_WHITE, -1, A_NORMAL, A_DIM)                                      \
    X(BORDER, "border", 240, COLOR_WHITE, -1, A_NORMAL, A_NORMAL)                             \
    X(PERSON, "person", 81, COLOR_CYAN, -1, A_BOLD, A_BOLD)                                   \
    X(CLUB, "club", 214, COLOR_YELLOW, -1, A_NORMAL, A_UNDERLINE)                             \
    X(NATIONAL_TEAM, "national_team", 141, COLOR_MAGENTA, -1, A_NORMAL, A_UNDERLINE)          \
    X(COMPETITION, "competition", 114, COLOR_GREEN, -1, A_NORMAL, A_ITALIC)                   \
    X(MEDIA, "media", 174, COLOR_RED, -1, A_ITALIC, A_ITALIC)                                 \
    X(MONEY, "money", 84, COLOR_GREEN, -1, A_BOLD, A_BOLD | A_UNDERLINE)                      \
    X(COUNT, "count", 223, COLOR_YELLOW, -1, A_BOLD, A_BOLD)                                  \
    X(SEARCH, "search", 16, COLOR_BLACK, 227, A_NORMAL, A_STANDOUT)                           \
    X(CURSOR, "cursor", -1, -1, -1, A_REVERSE | A_BOLD, A_REVERSE | A_BOLD)                   \
    X(PROMPT, "prompt", -1, -1, -1, A_BOLD, A_BOLD)

enum style_elem {
#define STYLE_ENUM(id, name, fg256, fg8, bg, attrs, mono) STYLE_##id,
    STYLE_ELEMENTS(STYLE_ENUM)
#undef STYLE_ENUM
        STYLE_COUNT_
};

struct style_spec {
    short fg, bg; /* curses colour numbers, -1 for the terminal's default */
    attr_t attrs;
};

/* Sets up colour pairs for the built-in table, or attributes only when
 * colours are unavailable or NO_COLOR is set (non-empty). Call after initscr. */
void style_init(void);
/* Replaces one element's look (for themes); call style_apply() afterwards. */
void style_set(enum style_elem e, struct style_spec spec);
/* Re-creates the colour pairs from the table. */
void style_apply(void);
/* The curses attributes (colour pair included) that draw an element. */
attr_t style_attr(enum style_elem e);
/* The style of an entity kind's mentions. */
enum style_elem style_of_kind(int entity_kind);
/* The name of an element, as themes will spell it. */
const char *style_name(enum style_elem e);
/* Whether colours are in use. */
bool style_has_color(void);

#endif
