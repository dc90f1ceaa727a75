/* overlay_list: the title bar, rows, keys and wheel shared by the list
 * overlays (see overlay_list.h). */
#include "ui/overlay_list.h"
#include "ui/draw.h"

#include <stdio.h>

void overlay_list_reset(struct overlay_list *l, bool select)
{
    pane_init(&l->pos, select);
}

void overlay_list_draw(struct overlay_list *l, struct app *a, WINDOW *w, const char *title,
                       const char *right, size_t rows, overlay_row_fn draw_row)
{
    int h = getmaxy(w), width = getmaxx(w);
    pane_set_size(&l->pos, rows, h > 1 ? (size_t)(h - 1) : 1);
    char counter[48];
    if (!right) {
        snprintf(counter, sizeof counter, "%zu/%zu", l->pos.sel + 1, rows);
        right = counter;
    }
    draw_titlebar(w, 0, width, title, right, true);
    for (int y = 0; y + 1 < h && l->pos.top + (size_t)y < rows; y++) {
        size_t row = l->pos.top + (size_t)y;
        draw_row(a, w, y + 1, row, l->pos.select && row == l->pos.sel);
    }
}

/* After a move, off a row the selection may not rest on, in the direction
 * it went (back when there is nothing further). */
static void step_over_skipped(struct overlay_list *l, size_t was)
{
    struct pane_pos *p = &l->pos;
    if (l->skip && p->rows && l->skip(p->sel))
        pane_move(p, p->sel >= was && p->sel + 1 < p->rows ? 1 : -1);
}

void overlay_list_key(struct overlay_list *l, struct app *a, enum request r)
{
    bool moved;
    size_t was = l->pos.sel;
    if (pane_request(&l->pos, r, &moved)) {
        step_over_skipped(l, was);
        if (moved)
            a->dirty |= DIRTY_MODAL;
        return;
    }
    if (r == REQ_QUIT)
        a->quit = true;
    else if (r == REQ_OPEN && l->open)
        l->open(a);
    else if (r == REQ_OPEN || r == REQ_BACK || r == REQ_CANCEL || r == l->toggle)
        app_close_modal(a);
}

void overlay_list_wheel(struct overlay_list *l, struct app *a, int delta)
{
    if (l->wheel_moves ? pane_move(&l->pos, delta) : pane_scroll(&l->pos, delta))
        a->dirty |= DIRTY_MODAL;
}

long overlay_list_row_at(const struct overlay_list *l, int row)
{
    return pane_row_at(&l->pos, row - 1);
}
