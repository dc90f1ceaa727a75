/* pane: rows, selection and scroll offset of a list-like view, and the
 * movement requests on them (see pane.h). */
#include "ui/pane.h"

void pane_init(struct pane_pos *p, bool select)
{
    *p = (struct pane_pos){.height = 1, .select = select};
}

/* The largest top that leaves no empty rows below the last one. */
static size_t max_top(const struct pane_pos *p)
{
    return p->rows > p->height ? p->rows - p->height : 0;
}

void pane_clamp(struct pane_pos *p)
{
    if (!p->height)
        p->height = 1;
    if (p->select) {
        if (p->sel >= p->rows)
            p->sel = p->rows ? p->rows - 1 : 0;
        if (p->sel < p->top)
            p->top = p->sel;
        else if (p->sel >= p->top + p->height)
            p->top = p->sel - p->height + 1;
    }
    if (p->top > max_top(p))
        p->top = max_top(p);
}

void pane_set_size(struct pane_pos *p, size_t rows, size_t height)
{
    p->rows = rows;
    p->height = height;
    pane_clamp(p);
}

/* a + delta within [0, max]. */
static size_t add_clamped(size_t a, long delta, size_t max)
{
    if (delta < 0)
        return (size_t)-delta >= a ? 0 : a - (size_t)-delta;
    size_t b = a + (size_t)delta;
    return b < a || b > max ? max : b;
}

bool pane_move_to(struct pane_pos *p, size_t row)
{
    size_t old_top = p->top, old_sel = p->sel;
    if (p->select)
        p->sel = row;
    else
        p->top = row;
    pane_clamp(p);
    return p->top != old_top || p->sel != old_sel;
}

bool pane_move(struct pane_pos *p, long delta)
{
    if (p->select)
        return pane_move_to(p, add_clamped(p->sel, delta, p->rows ? p->rows - 1 : 0));
    return pane_move_to(p, add_clamped(p->top, delta, max_top(p)));
}

bool pane_scroll(struct pane_pos *p, long delta)
{
    size_t old_top = p->top, old_sel = p->sel;
    if (!p->height)
        p->height = 1;
    p->top = add_clamped(p->top, delta, max_top(p));
    if (p->select && p->sel < p->top)
        p->sel = p->top;
    else if (p->select && p->sel >= p->top + p->height)
        p->sel = p->top + p->height - 1;
    pane_clamp(p);
    return p->top != old_top || p->sel != old_sel;
}

void pane_show(struct pane_pos *p, size_t row)
{
    if (!p->height)
        p->height = 1;
    if (row < p->top)
        p->top = row > 1 ? row - 1 : 0;
    else if (row >= p->top + p->height)
        p->top = row - p->height / 3;
    if (p->top > max_top(p))
        p->top = max_top(p);
}

/* Rows a page and half a page move. */
static long page(const struct pane_pos *p, bool half)
{
    long h = p->height ? (long)p->height : 1;
    if (half)
        return p->select ? (h + 1) / 2 : (h / 2 ? h / 2 : 1);
    return p->select ? h : (h > 2 ? h - 2 : 1);
}

bool pane_request(struct pane_pos *p, enum request r, bool *changed)
{
    bool moved;
    switch (r) {
    case REQ_MOVE_DOWN:
    case REQ_MOVE_UP:
        moved = pane_move(p, r == REQ_MOVE_DOWN ? 1 : -1);
        break;
    case REQ_PAGE_DOWN:
    case REQ_PAGE_UP:
        moved = pane_move(p, r == REQ_PAGE_DOWN ? page(p, false) : -page(p, false));
        break;
    case REQ_HALF_DOWN:
    case REQ_HALF_UP:
        moved = pane_move(p, r == REQ_HALF_DOWN ? page(p, true) : -page(p, true));
        break;
    case REQ_FIRST:
        moved = pane_move_to(p, 0);
        break;
    case REQ_LAST:
        moved = pane_move_to(p, p->rows ? p->rows - 1 : 0);
        break;
    default:
        return false;
    }
    if (changed)
        *changed = moved;
    return true;
}

long pane_row_at(const struct pane_pos *p, int screen_row)
{
    if (screen_row < 0)
        return -1;
    size_t r = p->top + (size_t)screen_row;
    return r < p->rows ? (long)r : -1;
}
