/* color: parsing, formatting and downgrading colour values; attribute names. */
#include "core/config/color.h"
#include "core/base/suggest.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

static const char *const color_names[16] = {
    "black",        "red",           "green",       "yellow",         "blue",
    "magenta",      "cyan",          "white",       "bright-black",   "bright-red",
    "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan",
    "bright-white",
};

/* Every name color_parse accepts, for suggestions. */
static const char *const all_names[] = {
    "black",        "red",           "green",       "yellow",         "blue",
    "magenta",      "cyan",          "white",       "bright-black",   "bright-red",
    "bright-green", "bright-yellow", "bright-blue", "bright-magenta", "bright-cyan",
    "bright-white", "gray",          "grey",        "default",
};

/* xterm's default palette for 0-15. */
static const uint8_t basic_rgb[16][3] = {
    {0, 0, 0},     {205, 0, 0},     {0, 205, 0},     {205, 205, 0},   {0, 0, 238}, {205, 0, 205},
    {0, 205, 205}, {229, 229, 229}, {127, 127, 127}, {255, 0, 0},     {0, 255, 0}, {255, 255, 0},
    {92, 92, 255}, {255, 0, 255},   {0, 255, 255},   {255, 255, 255},
};

static const uint8_t cube_levels[6] = {0, 95, 135, 175, 215, 255};

static const char *const attr_names[] = {"bold",   "underline", "reverse", "dim",
                                         "italic", "blink",     "standout"};
#define NATTRS (sizeof attr_names / sizeof *attr_names)

struct color color_default(void)
{
    return (struct color){.kind = COLOR_KIND_DEFAULT};
}

struct color color_index(uint8_t index)
{
    return (struct color){.kind = COLOR_KIND_INDEX, .index = index};
}

struct color color_rgb(uint8_t r, uint8_t g, uint8_t b)
{
    return (struct color){.kind = COLOR_KIND_RGB, .r = r, .g = g, .b = b};
}

bool color_equal(struct color a, struct color b)
{
    if (a.kind != b.kind)
        return false;
    if (a.kind == COLOR_KIND_INDEX)
        return a.index == b.index;
    if (a.kind == COLOR_KIND_RGB)
        return a.r == b.r && a.g == b.g && a.b == b.b;
    return true;
}

/* Lower case with '_' as '-', into out (false when it does not fit). */
static bool normalise_name(const char *s, char *out, size_t size)
{
    size_t i = 0;
    for (; s[i]; i++) {
        if (i + 1 >= size)
            return false;
        out[i] = s[i] == '_' ? '-' : (char)tolower((unsigned char)s[i]);
    }
    out[i] = '\0';
    return true;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    c = (char)tolower((unsigned char)c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static bool parse_hex(const char *s, struct color *out, struct buf *why)
{
    size_t len = strlen(s);
    int d[6];
    bool ok = len == 7;
    for (size_t i = 0; ok && i < 6; i++)
        ok = (d[i] = hex_digit(s[1 + i])) >= 0;
    if (!ok) {
        if (why)
            buf_printf(why, "bad colour '%s'; expected #rrggbb with six hex digits", s);
        return false;
    }
    *out = color_rgb((uint8_t)(d[0] * 16 + d[1]), (uint8_t)(d[2] * 16 + d[3]),
                     (uint8_t)(d[4] * 16 + d[5]));
    return true;
}

static bool parse_number(const char *s, struct color *out, struct buf *why)
{
    const char *p = s + (*s == '-' || *s == '+');
    bool digits = *p != '\0';
    for (const char *q = p; *q; q++)
        digits = digits && isdigit((unsigned char)*q);
    if (!digits || *s == '-' || strlen(p) > 3 || atoi(p) > 255) {
        if (why && digits)
            buf_printf(why, "colour number %s is out of range; expected 0-255", s);
        else if (why)
            buf_printf(why, "bad colour '%s'; expected a number 0-255", s);
        return false;
    }
    *out = color_index((uint8_t)atoi(p));
    return true;
}

bool color_parse(const char *s, struct color *out, struct buf *why)
{
    if (*s == '#')
        return parse_hex(s, out, why);
    if (isdigit((unsigned char)*s) || *s == '-' || *s == '+')
        return parse_number(s, out, why);
    char name[32];
    if (normalise_name(s, name, sizeof name)) {
        if (!strcmp(name, "default")) {
            *out = color_default();
            return true;
        }
        if (!strcmp(name, "gray") || !strcmp(name, "grey")) {
            *out = color_index(8);
            return true;
        }
        for (int i = 0; i < 16; i++)
            if (!strcmp(name, color_names[i])) {
                *out = color_index((uint8_t)i);
                return true;
            }
    }
    if (why) {
        const char *near = suggest_nearest(s, all_names, sizeof all_names / sizeof *all_names);
        if (near)
            buf_printf(why, "unknown colour '%s'; did you mean '%s'?", s, near);
        else
            buf_printf(why,
                       "unknown colour '%s'; expected a name (black, red, green, yellow, blue, "
                       "magenta, cyan, white, bright-*, gray, default), 0-255 or #rrggbb",
                       s);
    }
    return false;
}

void color_format(struct color c, struct buf *out)
{
    if (c.kind == COLOR_KIND_DEFAULT)
        buf_puts(out, "default");
    else if (c.kind == COLOR_KIND_INDEX && c.index < 16)
        buf_puts(out, color_names[c.index]);
    else if (c.kind == COLOR_KIND_INDEX)
        buf_printf(out, "%u", (unsigned)c.index);
    else
        buf_printf(out, "#%02x%02x%02x", (unsigned)c.r, (unsigned)c.g, (unsigned)c.b);
}

static void index_to_rgb(unsigned i, uint8_t rgb[3])
{
    if (i < 16) {
        memcpy(rgb, basic_rgb[i], 3);
    } else if (i < 232) {
        i -= 16;
        rgb[0] = cube_levels[i / 36];
        rgb[1] = cube_levels[i / 6 % 6];
        rgb[2] = cube_levels[i % 6];
    } else {
        rgb[0] = rgb[1] = rgb[2] = (uint8_t)(8 + 10 * (i - 232));
    }
}

bool color_to_rgb(struct color c, uint8_t rgb[3])
{
    if (c.kind == COLOR_KIND_DEFAULT)
        return false;
    if (c.kind == COLOR_KIND_INDEX) {
        index_to_rgb(c.index, rgb);
    } else {
        rgb[0] = c.r;
        rgb[1] = c.g;
        rgb[2] = c.b;
    }
    return true;
}

/* A cheap perceptual distance ("redmean" weighting), squared. */
static long distance(const uint8_t a[3], const uint8_t b[3])
{
    long rmean = (a[0] + b[0]) / 2;
    long dr = a[0] - b[0], dg = a[1] - b[1], db = a[2] - b[2];
    return (((512 + rmean) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rmean) * db * db) >> 8);
}

/* The nearest of the first n basic colours. Near-greys only consider the
 * greys (black, white and, with 16, their bright forms) by lightness: by hue
 * distance alone a mid grey would come out cyan. */
static uint8_t nearest_basic(const uint8_t rgb[3], unsigned n)
{
    static const uint8_t greys[] = {0, 8, 7, 15};
    int hi = rgb[0], lo = rgb[0];
    for (int i = 1; i < 3; i++) {
        hi = rgb[i] > hi ? rgb[i] : hi;
        lo = rgb[i] < lo ? rgb[i] : lo;
    }
    unsigned best = 0;
    long best_d = -1;
    if (hi - lo < 40) {
        int light = (rgb[0] + rgb[1] + rgb[2]) / 3;
        for (unsigned i = 0; i < sizeof greys; i++) {
            if (greys[i] >= n)
                continue;
            long d = labs((long)light - basic_rgb[greys[i]][0]);
            if (best_d < 0 || d < best_d) {
                best_d = d;
                best = greys[i];
            }
        }
        return (uint8_t)best;
    }
    for (unsigned i = 0; i < n; i++) {
        long d = distance(rgb, basic_rgb[i]);
        if (best_d < 0 || d < best_d) {
            best_d = d;
            best = i;
        }
    }
    return (uint8_t)best;
}

static unsigned nearest_level(uint8_t v)
{
    unsigned best = 0;
    for (unsigned i = 1; i < 6; i++)
        if (abs(v - cube_levels[i]) < abs(v - cube_levels[best]))
            best = i;
    return best;
}

/* The nearest of the cube (16-231) and the grey ramp (232-255). */
static uint8_t nearest_256(const uint8_t rgb[3])
{
    unsigned cube =
        16 + 36 * nearest_level(rgb[0]) + 6 * nearest_level(rgb[1]) + nearest_level(rgb[2]);
    int avg = (rgb[0] + rgb[1] + rgb[2]) / 3;
    int step = (avg - 8 + 5) / 10;
    unsigned grey = 232 + (unsigned)(step < 0 ? 0 : step > 23 ? 23 : step);
    uint8_t c[3], g[3];
    index_to_rgb(cube, c);
    index_to_rgb(grey, g);
    return (uint8_t)(distance(rgb, g) < distance(rgb, c) ? grey : cube);
}

struct color color_downgrade(struct color c, enum color_depth depth)
{
    if (c.kind == COLOR_KIND_DEFAULT || depth == COLOR_DEPTH_NONE)
        return color_default();
    if (depth == COLOR_DEPTH_TRUE)
        return c;
    unsigned limit = depth == COLOR_DEPTH_256 ? 256 : depth == COLOR_DEPTH_16 ? 16 : 8;
    if (c.kind == COLOR_KIND_INDEX && c.index < limit)
        return c;
    uint8_t rgb[3];
    color_to_rgb(c, rgb);
    if (depth == COLOR_DEPTH_256)
        return color_index(nearest_256(rgb));
    return color_index(nearest_basic(rgb, limit));
}

enum color_depth color_depth_from_terminal(int ncolors, bool truecolor)
{
    if (ncolors < 8)
        return COLOR_DEPTH_NONE;
    if (truecolor && ncolors >= 256)
        return COLOR_DEPTH_TRUE;
    if (ncolors >= 256)
        return COLOR_DEPTH_256;
    return ncolors >= 16 ? COLOR_DEPTH_16 : COLOR_DEPTH_8;
}

const char *color_depth_name(enum color_depth depth)
{
    static const char *const names[] = {"none", "8", "16", "256", "truecolor"};
    return (unsigned)depth < 5 ? names[depth] : "?";
}

bool attr_parse(const char *s, unsigned *bit, struct buf *why)
{
    char name[32];
    if (normalise_name(s, name, sizeof name))
        for (unsigned i = 0; i < NATTRS; i++)
            if (!strcmp(name, attr_names[i])) {
                *bit = 1u << i;
                return true;
            }
    if (why) {
        const char *near = suggest_nearest(s, attr_names, NATTRS);
        if (near)
            buf_printf(why, "unknown attribute '%s'; did you mean '%s'?", s, near);
        else
            buf_printf(why,
                       "unknown attribute '%s'; expected bold, underline, reverse, dim, italic, "
                       "blink or standout",
                       s);
    }
    return false;
}

const char *attr_name(unsigned bit)
{
    for (unsigned i = 0; i < NATTRS; i++)
        if (bit == 1u << i)
            return attr_names[i];
    return NULL;
}

void attrs_format(unsigned attrs, struct buf *out)
{
    if (!(attrs & ATTR_ALL)) {
        buf_puts(out, "none");
        return;
    }
    bool first = true;
    for (unsigned i = 0; i < NATTRS; i++)
        if (attrs & (1u << i)) {
            buf_printf(out, "%s%s", first ? "" : ", ", attr_names[i]);
            first = false;
        }
}
