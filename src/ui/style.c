/* style: the built-in look of every element and its curses colour pairs (see style.h). */
#include "style.h"
#include "../core/entity.h"

#include <stdlib.h>

static struct style_spec table[STYLE_COUNT_];
static attr_t mono[STYLE_COUNT_];
static attr_t resolved[STYLE_COUNT_];
static bool color;

static const char *const names[STYLE_COUNT_] = {
#define STYLE_NAME(id, name, fg256, fg8, bg, attrs, m) name,
    STYLE_ELEMENTS(STYLE_NAME)
#undef STYLE_NAME
};

/* 256-colour numbers to the closest of the basic 8 for backgrounds. */
static short bg8(short bg)
{
    switch (bg) {
    case -1:
        return -1;
    case 75:
        return COLOR_CYAN;
    case 124:
        return COLOR_RED;
    case 153:
        return COLOR_WHITE;
    case 227:
        return COLOR_YELLOW;
    default:
        return COLOR_BLACK;
    }
}

void style_init(void)
{
    const char *nc = getenv("NO_COLOR");
    color = has_colors() && !(nc && *nc);
    if (color) {
        start_color();
        use_default_colors();
    }
    bool rich = color && COLORS >= 256;
#define STYLE_FILL(id, name, fg256, fg8, bg, attrs, m)                                        \
    table[STYLE_##id] = (struct style_spec){rich ? (short)(fg256) : (short)(fg8),            \
                                            rich ? (short)(bg) : bg8((short)(bg)), (attrs)}; \
    mono[STYLE_##id] = (m);
    STYLE_ELEMENTS(STYLE_FILL)
#undef STYLE_FILL
    style_apply();
}

void style_set(enum style_elem e, struct style_spec spec)
{
    if (e < STYLE_COUNT_)
        table[e] = spec;
}

void style_apply(void)
{
    for (int e = 0; e < STYLE_COUNT_; e++) {
        if (!color) {
            resolved[e] = mono[e];
            continue;
        }
        const struct style_spec *s = &table[e];
        if (s->fg < 0 && s->bg < 0) {
            resolved[e] = s->attrs;
            continue;
        }
        init_pair((short)(e + 1), s->fg < COLORS ? s->fg : -1, s->bg < COLORS ? s->bg : -1);
        resolved[e] = s->attrs | COLOR_PAIR(e + 1);
    }
}

attr_t style_attr(enum style_elem e)
{
    return e < STYLE_COUNT_ ? resolved[e] : A_NORMAL;
}

enum style_elem style_of_kind(int k)
{
    switch (k) {
    case ENTITY_PERSON:
        return STYLE_PERSON;
    case ENTITY_CLUB:
        return STYLE_CLUB;
    case ENTITY_NATIONAL_TEAM:
        return STYLE_NATIONAL_TEAM;
    case ENTITY_COMPETITION:
        return STYLE_COMPETITION;
    case ENTITY_MEDIA:
        return STYLE_MEDIA;
    default:
        return STYLE_NORMAL;
    }
}

const char *style_name(enum style_elem e)
{
    return e < STYLE_COUNT_ ? names[e] : "?";
}

bool style_has_color(void)
{
    return color;
}
