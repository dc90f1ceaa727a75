/* color: colour values (names, 0-255, #rrggbb), text attributes as a bit set,
 * and the mapping of a colour to the nearest one a terminal really has. Pure
 * functions: no curses, no environment. */
#ifndef TOUCHLINE_COLOR_H
#define TOUCHLINE_COLOR_H

#include <stdbool.h>
#include <stdint.h>

#include "core/base/buf.h"

enum color_kind {
    COLOR_KIND_DEFAULT, /* the terminal's own foreground or background */
    COLOR_KIND_INDEX,   /* 0-7 normal, 8-15 bright, 16-231 the 6x6x6 cube, 232-255 greys */
    COLOR_KIND_RGB,     /* 24-bit */
};

struct color {
    enum color_kind kind;
    uint8_t index;   /* COLOR_KIND_INDEX */
    uint8_t r, g, b; /* COLOR_KIND_RGB */
};

/* What a terminal can show, from least to most. */
enum color_depth {
    COLOR_DEPTH_NONE, /* monochrome: attributes only */
    COLOR_DEPTH_8,
    COLOR_DEPTH_16,
    COLOR_DEPTH_256,
    COLOR_DEPTH_TRUE, /* 24-bit */
};

/* Text attributes, OR-ed into an unsigned. */
enum {
    ATTR_BOLD = 1u << 0,
    ATTR_UNDERLINE = 1u << 1,
    ATTR_REVERSE = 1u << 2,
    ATTR_DIM = 1u << 3,
    ATTR_ITALIC = 1u << 4,
    ATTR_BLINK = 1u << 5,
    ATTR_STANDOUT = 1u << 6,
    ATTR_ALL = (1u << 7) - 1,
};

/* The three kinds of colour value. */
struct color color_default(void);
struct color color_index(uint8_t index);
struct color color_rgb(uint8_t r, uint8_t g, uint8_t b);
bool color_equal(struct color a, struct color b);

/* Parses a colour: a name (black, red, green, yellow, blue, magenta, cyan,
 * white, their bright-* forms, gray/grey for bright-black, default), a number
 * 0-255 or #rrggbb. Names ignore case and '_' may stand for '-'. On failure
 * appends what was wrong and what was expected to why (may be NULL), e.g.
 * "unknown colour 'yelow'; did you mean 'yellow'?". */
bool color_parse(const char *s, struct color *out, struct buf *why);
/* Appends the colour as color_parse reads it: a name for default and 0-15,
 * the number for 16-255, #rrggbb for RGB. */
void color_format(struct color c, struct buf *out);
/* The colour's RGB value (indexed colours as xterm draws them). False for
 * the terminal default, which has none. */
bool color_to_rgb(struct color c, uint8_t rgb[3]);

/* The nearest colour a terminal of the given depth has: truecolor keeps
 * everything; 256 maps #rrggbb into the xterm cube and grey ramp; 16 and 8
 * keep indices below 16 or 8 and map the rest to the nearest of the basic
 * palette; none gives the default. The default colour stays the default. */
struct color color_downgrade(struct color c, enum color_depth depth);
/* The depth of a terminal from its number of colours (curses' COLORS, 0 or
 * less when it has none) and whether it says it does 24-bit colour
 * ($COLORTERM truecolor or 24bit). */
enum color_depth color_depth_from_terminal(int ncolors, bool truecolor);
/* "none", "8", "16", "256", "truecolor". */
const char *color_depth_name(enum color_depth depth);

/* Parses one attribute name: bold, underline, reverse, dim, italic, blink,
 * standout. On failure appends the reason (with a suggestion) to why. */
bool attr_parse(const char *s, unsigned *bit, struct buf *why);
/* The name of one attribute bit, or NULL. */
const char *attr_name(unsigned bit);
/* Appends the set as "bold, underline", or "none" when empty. */
void attrs_format(unsigned attrs, struct buf *out);

#endif
