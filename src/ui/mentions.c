/* mentions: every occurrence of the target in keyword-in-context form
 * (date, left context, the name, right context). An entity's mentions come
 * from the whole corpus: the listed articles first, in list order, then the
 * ones the filters hide, in load order; Enter on one of those clears the
 * filters to show it. A search's matches are those of the listed articles.
 * Items are positions in the target's postings, not pointers: the postings
 * grow (and move) while articles are still loading. */
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/style.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t *items;
static size_t nitems, icap, sel, top;
static size_t narticles;
static int view_rows = 1;

static const struct app *sort_app;

/* The target's postings as they are now. */
static const struct posting *postings(const struct app *a)
{
    return a->target == TARGET_ENTITY ? a->ix->entities[a->target_entity].postings : a->hits.hits;
}

static const struct posting *item(const struct app *a, size_t i)
{
    return &postings(a)[items[i]];
}

static int by_list_pos(const void *pa, const void *pb)
{
    size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    const struct posting *a = &postings(sort_app)[ia], *b = &postings(sort_app)[ib];
    long qa = sort_app->pos_of[a->article], qb = sort_app->pos_of[b->article];
    if (qa < 0)
        qa = (long)sort_app->nlist + (long)a->article; /* hidden: after the list */
    if (qb < 0)
        qb = (long)sort_app->nlist + (long)b->article;
    if (qa != qb)
        return qa < qb ? -1 : 1;
    return ia < ib ? -1 : ia > ib; /* postings are in reading order within an article */
}

void mentions_open(struct app *a)
{
    const struct posting *p;
    size_t n;
    if (a->target == TARGET_ENTITY) {
        p = a->ix->entities[a->target_entity].postings;
        n = a->ix->entities[a->target_entity].npostings;
    } else if (a->target == TARGET_SEARCH) {
        p = a->hits.hits;
        n = a->hits.nhits;
    } else {
        app_message(a, true, "no target: put the cursor on a name with ] or search with /");
        return;
    }
    nitems = sel = top = narticles = 0;
    for (size_t i = 0; i < n; i++) {
        if (a->pos_of[p[i].article] < 0 && a->target != TARGET_ENTITY)
            continue;
        items = xgrow(items, &icap, nitems + 1, sizeof *items);
        items[nitems++] = i;
    }
    sort_app = a;
    if (nitems)
        qsort(items, nitems, sizeof *items, by_list_pos);
    for (size_t i = 0; i < nitems; i++) {
        const struct posting *it = item(a, i);
        if (!i || it->article != item(a, i - 1)->article)
            narticles++;
        /* start on the occurrence under the cursor */
        if (it->article == (uint32_t)a->doc.article) {
            bool here = false;
            if (a->target == TARGET_ENTITY && a->doc.cursor >= 0)
                here = a->doc.marks[a->doc.cursor].start == it->start &&
                       a->doc.marks[a->doc.cursor].in_title == it->in_title;
            else if (a->target == TARGET_SEARCH && a->doc.hit >= 0)
                here = (size_t)a->doc.hit == items[i];
            if (here)
                sel = i;
        }
    }
    if (!nitems) {
        app_message(a, true, "%s is not in any listed article", target_name(a));
        return;
    }
    app_open_modal(a, &mentions_modal_ops);
}

/* Start of the `cols` columns of text that end at `end`, within its line. */
static size_t left_context(const char *t, size_t end, int cols)
{
    size_t s = end;
    int used = 0;
    while (s > 0 && t[s - 1] != '\n') {
        size_t b = s - 1;
        while (b > 0 && ((unsigned char)t[b] & 0xC0) == 0x80)
            b--;
        uint32_t cp;
        utf8_decode(t + b, s - b, &cp);
        int w = utf8_cp_width(cp);
        if (used + w > cols)
            break;
        used += w;
        s = b;
    }
    return s;
}

static size_t line_end(const char *t, size_t len, size_t from)
{
    while (from < len && t[from] != '\n')
        from++;
    return from;
}

static void mentions_draw(struct app *a, WINDOW *w)
{
    int h = getmaxy(w), width = getmaxx(w);
    char title[256];
    snprintf(title, sizeof title, "Mentions of %s \xc2\xb7 %zu in %zu article%s", target_name(a),
             nitems, narticles, narticles == 1 ? "" : "s");
    char right[32];
    snprintf(right, sizeof right, "%zu/%zu", sel + 1, nitems);
    draw_titlebar(w, 0, width, title, right, true);
    view_rows = h - 1 > 0 ? h - 1 : 0;
    if (sel < top)
        top = sel;
    else if (view_rows > 0 && sel >= top + (size_t)view_rows)
        top = sel - (size_t)view_rows + 1;
    enum style_elem kst = a->target == TARGET_ENTITY
                              ? style_of_kind(a->ix->entities[a->target_entity].kind)
                              : STYLE_SEARCH;
    for (int y = 0; y < view_rows && top + (size_t)y < nitems; y++) {
        const struct posting *p = item(a, top + (size_t)y);
        const struct article *ar = a->c->articles[p->article];
        const char *t = p->in_title ? ar->title : ar->body;
        size_t len = p->in_title ? strlen(ar->title) : ar->body_len;
        bool is_sel = top + (size_t)y == sel;
        attr_t base = is_sel ? style_attr(STYLE_PICKER_SELECTED) : A_NORMAL;
        if (is_sel)
            draw_fill(w, y + 1, 0, width, base);
        char date[16];
        app_short_date(a, p->article, date);
        int x = 1 + draw_str(w, y + 1, 1, date, 6, is_sel ? base : style_attr(STYLE_DATE));
        x += 2;
        int avail = width - x - 1;
        int kw = (int)utf8_width(t + p->start, p->end - p->start);
        int lcols = (avail - kw) / 2 - 1;
        if (lcols < 0)
            lcols = 0;
        size_t ls = left_context(t, p->start, lcols);
        int lw = (int)utf8_width(t + ls, p->start - ls);
        x += lcols - lw; /* right-align the left context so keywords line up */
        x += draw_text(w, y + 1, x, t + ls, p->start - ls, avail, base);
        x += draw_text(w, y + 1, x, t + p->start, p->end - p->start, width - x - 1,
                       style_over(style_attr(kst), base) | A_BOLD);
        size_t re = line_end(t, len, p->end);
        draw_text(w, y + 1, x, t + p->end, re - p->end, width - x - 1, base);
    }
}

static void jump(struct app *a)
{
    struct posting p0 = *item(a, sel), *p = &p0;
    size_t at = items[sel];
    app_close_modal(a);
    long pos = a->pos_of[p->article];
    if (pos < 0 && a->target == TARGET_ENTITY) {
        filter_clear(a); /* the mention is in an article the filters hide */
        pos = a->pos_of[p->article];
    }
    if (pos < 0)
        return;
    app_select(a, (size_t)pos);
    app_focus(a, PANE_READER);
    if (a->target == TARGET_ENTITY)
        reader_set_cursor(a, reader_find_mark(a, a->target_entity, p->in_title, p->start));
    else
        reader_set_hit(a, (long)at);
}

static void move_sel(struct app *a, long delta)
{
    long s = (long)sel + delta;
    sel = s < 0 ? 0 : (size_t)s >= nitems ? nitems - 1 : (size_t)s;
    a->dirty |= DIRTY_MODAL;
}

static void mentions_key(struct app *a, int key, enum request r)
{
    (void)key;
    switch (r) {
    case REQ_MOVE_DOWN:
        move_sel(a, 1);
        break;
    case REQ_MOVE_UP:
        move_sel(a, -1);
        break;
    case REQ_PAGE_DOWN:
        move_sel(a, view_rows);
        break;
    case REQ_PAGE_UP:
        move_sel(a, -view_rows);
        break;
    case REQ_HALF_DOWN:
        move_sel(a, view_rows / 2);
        break;
    case REQ_HALF_UP:
        move_sel(a, -view_rows / 2);
        break;
    case REQ_FIRST:
        move_sel(a, -(long)nitems);
        break;
    case REQ_LAST:
        move_sel(a, (long)nitems);
        break;
    case REQ_OPEN:
        jump(a);
        break;
    case REQ_BACK:
    case REQ_CANCEL:
    case REQ_MENTIONS:
        app_close_modal(a);
        break;
    case REQ_QUIT:
        a->quit = true;
        break;
    default:
        break;
    }
}

static void mentions_click(struct app *a, int row, int col)
{
    (void)col;
    if (row < 1 || top + (size_t)(row - 1) >= nitems)
        return;
    sel = top + (size_t)(row - 1);
    jump(a);
}

static void mentions_scroll(struct app *a, int delta)
{
    move_sel(a, delta);
}

const struct modal_ops mentions_modal_ops = {
    .name = "mentions",
    .draw = mentions_draw,
    .key = mentions_key,
    .click = mentions_click,
    .wheel = mentions_scroll,
    .uses_status_line = false,
};
