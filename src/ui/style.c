/* style: the terminal's colour depth, the style table filled from a theme,
 * and the curses colour pairs (and palette slots or direct colours for
 * 24-bit themes) that draw it (see style.h). */
#include "ui/style.h"
#include "core/extract/entity.h"

#include <stdlib.h>
#include <string.h>

static const enum theme_element elem_of[STYLE_COUNT_] = {
#define STYLE_ELEM(id, elem, extra) elem,
    STYLE_ELEMENTS(STYLE_ELEM)
#undef STYLE_ELEM
};

static const unsigned extra_of[STYLE_COUNT_] = {
#define STYLE_EXTRA(id, elem, extra) extra,
    STYLE_ELEMENTS(STYLE_EXTRA)
#undef STYLE_EXTRA
};

static attr_t resolved[STYLE_COUNT_];
static enum color_depth depth;
static bool direct;  /* direct-colour terminfo: colour numbers are 0xrrggbb */
static bool palette; /* 24-bit through redefined palette slots 16.. */
static int next_slot;

static bool truecolor_env(void)
{
    const char *ct = getenv("COLORTERM");
    return ct && (!strcmp(ct, "truecolor") || !strcmp(ct, "24bit"));
}

void style_init(void)
{
    depth = COLOR_DEPTH_NONE;
    direct = palette = false;
    if (!has_colors())
        return;
    start_color();
    /* Nothing is on the screen yet and the first update clears it: said now,
     * curses does not look through its copy of the screen for the cells in
     * a colour pair that changes (use_default_colors changes pair 0, which
     * every cell is in). */
    clearok(curscr, TRUE);
    use_default_colors();
    if (COLORS >= 0x1000000) {
        direct = true;
        depth = COLOR_DEPTH_TRUE;
    } else if (truecolor_env() && can_change_color() && COLORS >= 256) {
        palette = true;
        depth = COLOR_DEPTH_TRUE;
    } else {
        depth = color_depth_from_terminal(COLORS, false);
    }
}

enum color_depth style_depth(void)
{
    return depth;
}

bool style_has_color(void)
{
    return depth != COLOR_DEPTH_NONE;
}

/* A palette slot holding an RGB colour (reused when one already does). */
static int palette_slot(const uint8_t rgb[3])
{
    for (int s = 16; s < next_slot; s++) {
        int r, g, b;
        if (extended_color_content(s, &r, &g, &b) == OK && r == rgb[0] * 1000 / 255 &&
            g == rgb[1] * 1000 / 255 && b == rgb[2] * 1000 / 255)
            return s;
    }
    if (next_slot >= COLORS)
        return -1;
    init_extended_color(next_slot, rgb[0] * 1000 / 255, rgb[1] * 1000 / 255, rgb[2] * 1000 / 255);
    return next_slot++;
}

/* The curses colour number of a (downgraded) colour; -1 is the default. */
static int curses_color(struct color c)
{
    uint8_t rgb[3];
    if (c.kind == COLOR_KIND_DEFAULT)
        return -1;
    if (c.kind == COLOR_KIND_INDEX && (c.index < 8 || (c.index < 16 && !direct)))
        return c.index < COLORS ? c.index : -1;
    if (c.kind == COLOR_KIND_INDEX && !direct && !palette)
        return c.index < COLORS ? c.index : -1;
    if (!color_to_rgb(c, rgb))
        return -1;
    if (direct)
        return (rgb[0] << 16) | (rgb[1] << 8) | rgb[2];
    return palette_slot(rgb);
}

static attr_t curses_attrs(unsigned a)
{
    attr_t out = A_NORMAL;
    out |= (a & ATTR_BOLD) ? A_BOLD : 0;
    out |= (a & ATTR_UNDERLINE) ? A_UNDERLINE : 0;
    out |= (a & ATTR_REVERSE) ? A_REVERSE : 0;
    out |= (a & ATTR_DIM) ? A_DIM : 0;
    out |= (a & ATTR_ITALIC) ? A_ITALIC : 0;
    out |= (a & ATTR_BLINK) ? A_BLINK : 0;
    out |= (a & ATTR_STANDOUT) ? A_STANDOUT : 0;
    return out;
}

static bool has_colour(struct theme_style s)
{
    return s.fg.kind != COLOR_KIND_DEFAULT || s.bg.kind != COLOR_KIND_DEFAULT;
}

/* The colour pairs made for the theme in use: pair i + 1 is fg pairs[i][0]
 * on bg pairs[i][1]; pair 0 is the terminal's default colours. */
static int pairs[STYLE_COUNT_][2];
static int npairs;

/* The colour pair for fg on bg: the one an earlier element made for the same
 * colours, else a new one. Elements sharing a pair let curses draw one next
 * to the other without changing colours. */
static int shared_pair(int fg, int bg)
{
    for (int i = 0; i < npairs; i++)
        if (pairs[i][0] == fg && pairs[i][1] == bg)
            return i + 1;
    pairs[npairs][0] = fg;
    pairs[npairs][1] = bg;
    init_extended_pair(npairs + 1, fg, bg);
    return ++npairs;
}

void style_use_theme(const struct theme *t, const struct theme *mono)
{
    npairs = 0;
    next_slot = 16;
    for (int e = 0; e < STYLE_COUNT_; e++) {
        struct theme_style s = t->styles[elem_of[e]];
        unsigned attrs = s.attrs | extra_of[e];
        if (depth == COLOR_DEPTH_NONE) {
            if (mono && has_colour(s))
                attrs |= mono->styles[elem_of[e]].attrs;
            resolved[e] = curses_attrs(attrs);
            continue;
        }
        s = theme_style_downgrade(s, depth);
        resolved[e] = curses_attrs(attrs);
        if (!has_colour(s))
            continue;
        int fg = curses_color(s.fg), bg = curses_color(s.bg);
        resolved[e] |= COLOR_PAIR(shared_pair(fg, bg));
    }
}

attr_t style_attr(enum style_elem e)
{
    return e < STYLE_COUNT_ ? resolved[e] : A_NORMAL;
}

attr_t style_over(attr_t under, attr_t over)
{
    attr_t pair = (over & A_COLOR) ? (over & A_COLOR) : (under & A_COLOR);
    return ((under | over) & ~A_COLOR) | pair;
}

/* The background colour of the pair in attributes a, -1 for the default. */
static int pair_bg(attr_t a)
{
    int n = PAIR_NUMBER(a & A_COLOR);
    return n >= 1 && n <= npairs ? pairs[n - 1][1] : -1;
}

bool style_blank_alike(attr_t a, attr_t background)
{
    /* curses adds the background's attributes, and its pair when a has none */
    attr_t drawn = style_over(background, a);
    const attr_t shows = A_REVERSE | A_STANDOUT | A_UNDERLINE | A_BLINK;
    if ((drawn & shows) != (background & shows))
        return false;
    if (drawn & (A_REVERSE | A_STANDOUT)) /* the foreground, bold or dim, is the blank's colour */
        return (drawn & A_COLOR) == (background & A_COLOR) &&
               (drawn & (A_BOLD | A_DIM)) == (background & (A_BOLD | A_DIM));
    return pair_bg(drawn) == pair_bg(background);
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
