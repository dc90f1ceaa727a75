/* overlay_list: the scrolling list shown in a box over the panes (help,
 * problems, mentions, following): a title bar on the first row, one row of
 * content per screen line below it, the movement keys, Enter, the wheel and
 * the keys that close it. Each overlay keeps one and draws its own rows
 * through a callback; the rest is shared here (overlay_list.c). */
#ifndef TOUCHLINE_UI_OVERLAY_LIST_H
#define TOUCHLINE_UI_OVERLAY_LIST_H

#include "ui/app.h"

/* Draws content row `row` at screen line `y`; `selected` when the list has a
 * selection and this is it. */
typedef void (*overlay_row_fn)(struct app *a, WINDOW *w, int y, size_t row, bool selected);

struct overlay_list {
    struct pane_pos pos;
    enum request toggle;         /* the request that opens it closes it too */
    bool wheel_moves;            /* the wheel moves the selection, else scrolls */
    void (*open)(struct app *a); /* Enter on the selection; NULL: Enter closes */
    bool (*skip)(size_t row);    /* rows the selection never rests on; may be NULL */
};

/* Back to the first row: a list with a selection when `select`, else text. */
void overlay_list_reset(struct overlay_list *l, bool select);
/* The title bar (`right` NULL: "selected/rows") and the rows in view, for
 * `rows` rows of content. */
void overlay_list_draw(struct overlay_list *l, struct app *a, WINDOW *w, const char *title,
                       const char *right, size_t rows, overlay_row_fn draw_row);
/* A request: movement, Enter (open or close), close, quit; others ignored. */
void overlay_list_key(struct overlay_list *l, struct app *a, enum request r);
/* The mouse wheel, delta rows. */
void overlay_list_wheel(struct overlay_list *l, struct app *a, int delta);
/* The content row under screen row `row` of the overlay, or -1. */
long overlay_list_row_at(const struct overlay_list *l, int row);

#endif
