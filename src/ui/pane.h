/* pane: the position in a list-like view (htop's Panel): how many rows it
 * has, how many fit on screen, the first one shown, and in a list with a
 * selection, the selected row. Every view (list, reader, facts, help,
 * mentions, picker) keeps one and moves it only through these functions, so
 * clamping lives in one place. Pure logic: no curses. */
#ifndef TOUCHLINE_UI_PANE_H
#define TOUCHLINE_UI_PANE_H

#include <stdbool.h>
#include <stddef.h>

#include "ui/keys.h"

struct pane_pos {
    size_t rows;   /* rows of content */
    size_t height; /* rows shown at once (at least 1 once set) */
    size_t top;    /* first row shown */
    size_t sel;    /* the selected row (lists only; 0 when rows is 0) */
    bool select;   /* a list with a selection, else a text that scrolls */
};

/* An empty position: a list with a selection when `select`, else text. */
void pane_init(struct pane_pos *p, bool select);
/* Sets the row count and the height, and clamps. */
void pane_set_size(struct pane_pos *p, size_t rows, size_t height);
/* Brings top and sel back in range: sel < rows, the selection in view,
 * and no empty rows below the last one when there are enough rows. */
void pane_clamp(struct pane_pos *p);
/* Moves the selection (a list) or the top (a text) by delta rows, clamped.
 * True when it changed. */
bool pane_move(struct pane_pos *p, long delta);
/* Moves the selection (or the top) to row `row`, clamped. True when it changed. */
bool pane_move_to(struct pane_pos *p, size_t row);
/* The mouse wheel: scrolls the top by delta rows; a selection follows to
 * stay in view. True when anything changed. */
bool pane_scroll(struct pane_pos *p, long delta);
/* Scrolls so that row `row` is in view, a little below the top edge when
 * it was out of view (for a cursor in a text), without moving a selection. */
void pane_show(struct pane_pos *p, size_t row);
/* A movement request (move-down/up, page-down/up, half-page-down/up, first,
 * last) applied: a list moves its selection by a page of `height` rows, a
 * text scrolls by a page less two rows of overlap. *changed (may be NULL)
 * says whether it moved. False when r is not a movement request. */
bool pane_request(struct pane_pos *p, enum request r, bool *changed);
/* The row shown `screen_row` rows below the top, or -1 past the end. */
long pane_row_at(const struct pane_pos *p, int screen_row);

#endif
