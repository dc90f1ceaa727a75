/* draw: the drawing helpers every view uses. Text reaches the screen only
 * through these: they measure with utf8.h, never cut a character in half,
 * show control bytes as spaces, and clip to the columns given. Also a small
 * styled-line type (text with a style per byte) and the word-wrapper. */
#ifndef TOUCHLINE_UI_DRAW_H
#define TOUCHLINE_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"
#include "ui/curses_compat.h"
#include "ui/line_edit.h"
#include "ui/style.h"

/* Draws s[0..len) at (y, x) in at most `cols` columns with attributes
 * `attr`. Returns the columns used. */
int draw_text(WINDOW *w, int y, int x, const char *s, size_t len, int cols, attr_t attr);
/* Draws a NUL-terminated string; like draw_text. */
int draw_str(WINDOW *w, int y, int x, const char *s, int cols, attr_t attr);
/* Appends untrusted text (a path, a URL, a program's name) made fit for one
 * line of the screen: sanitized (core/load/sanitize.h: no escape sequences
 * or control characters, valid UTF-8), line ends turned into spaces. */
void draw_sanitize(const char *s, size_t len, struct buf *out);
/* Fills `cols` columns with spaces. */
void draw_fill(WINDOW *w, int y, int x, int cols, attr_t attr);
/* A pane's title bar: `left` from the left edge, `right` against the right
 * edge (dropped when there is no room), the rest filled. */
void draw_titlebar(WINDOW *w, int y, int width, const char *left, const char *right, bool focused);

/* Draws an edited line at (y, x) in `cols` columns, scrolled so that its
 * cursor is in view; with `cursor_cell` the cell under the cursor is drawn
 * reversed (a block cursor). Returns the cursor's column; *end_x (may be
 * NULL) gets the column after the last one drawn. */
int draw_edit_line(WINDOW *w, int y, int x, int cols, const struct line_edit *e, bool cursor_cell,
                   int *end_x);

/* A line of text with one style per byte. */
struct sline {
    struct buf text;
    unsigned char *styles;
    size_t scap;
    int indent; /* columns of hanging indent for wrapped continuation rows */
};

void sline_init(struct sline *l);
void sline_free(struct sline *l);
void sline_reset(struct sline *l);
void sline_add(struct sline *l, const char *s, size_t len, enum style_elem st);
void sline_puts(struct sline *l, const char *s, enum style_elem st);
void sline_printf(struct sline *l, enum style_elem st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Draws bytes [start, end) of a styled line at (y, x), clipped to cols;
 * `base` is OR-ed into every segment (e.g. a selection). Returns columns used. */
int sline_draw(WINDOW *w, int y, int x, const struct sline *l, size_t start, size_t end, int cols,
               attr_t base);

/* Word-wraps text[start, end) to `width` columns. Calls emit(ctx, s, e)
 * for each row's byte range. Breaks at spaces and newlines (which are not
 * drawn at a row's start), cuts words longer than a row at a character
 * boundary. A newline ends the row when `hard_newlines` is set, otherwise
 * it counts as a space. */
void draw_wrap(const char *text, size_t start, size_t end, int width, bool hard_newlines,
               void (*emit)(void *ctx, size_t s, size_t e), void *ctx);

#endif
