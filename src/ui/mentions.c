/* mentions: every occurrence of the target in keyword-in-context form
 * (date, the article's title, left context, the name, right context). An entity's mentions come
 * from the whole corpus: the listed articles first, in list order, then the
 * ones the filters hide, in load order; Enter on one of those clears the
 * filters to show it. A search's matches are those of the listed articles.
 * Items are positions in the target's postings, not pointers: the postings
 * grow (and move) while articles are still loading. */
#include "ui/mentions.h"
#include "ui/app.h"
#include "ui/target.h"
#include "ui/reader.h"
#include "ui/draw.h"
#include "ui/filter.h"
#include "ui/overlay_list.h"
#include "ui/reading.h"
#include "ui/style.h"
#include "core/base/sort.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t *items;
static size_t nitems, icap;
static size_t narticles;
static void jump(struct app *a);
static struct overlay_list list_box = {
    /* a row per item */
    .toggle = REQ_MENTIONS,
    .wheel_moves = true, /* the wheel moves the selection, as in the pickers */
    .open = jump,
};

/* The article of the target's posting (entity mention or search hit) i. */
static uint32_t article_at(const struct app *a, size_t i)
{
    return a->target == TARGET_ENTITY ? a->ix->entities[a->target_entity].postings[i].article
                                      : a->hits.hits[i].article;
}

/* Where the target's posting i is. */
static struct place place_at(const struct app *a, size_t i)
{
    return a->target == TARGET_ENTITY
               ? index_place(a->ix, &a->ix->entities[a->target_entity].postings[i])
               : a->hits.hits[i];
}

static struct place item(const struct app *a, size_t i)
{
    return place_at(a, items[i]);
}

static int by_list_pos(const void *pa, const void *pb, void *ctx)
{
    const struct app *app = ctx;
    size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    uint32_t a = article_at(app, ia), b = article_at(app, ib);
    long qa = app->pos_of[a], qb = app->pos_of[b];
    if (qa < 0)
        qa = (long)app->nlist + (long)a; /* hidden: after the list */
    if (qb < 0)
        qb = (long)app->nlist + (long)b;
    if (qa != qb)
        return qa < qb ? -1 : 1;
    return ia < ib ? -1 : ia > ib; /* postings are in reading order within an article */
}

void mentions_open(struct app *a)
{
    size_t n;
    if (reader_cursor_unknown(a))
        return;
    if (a->target == TARGET_ENTITY) {
        n = a->ix->entities[a->target_entity].npostings;
    } else if (a->target == TARGET_SEARCH) {
        n = a->hits.nhits;
    } else {
        app_message(a, true, "no target: put the cursor on a name with ] or search with /");
        return;
    }
    nitems = narticles = 0;
    overlay_list_reset(&list_box, true);
    for (size_t i = 0; i < n; i++) {
        if (a->pos_of[article_at(a, i)] < 0 && a->target != TARGET_ENTITY)
            continue;
        items = xgrow(items, &icap, nitems + 1, sizeof *items);
        items[nitems++] = i;
    }
    sort_ctx(items, nitems, sizeof *items, by_list_pos, a);
    for (size_t i = 0; i < nitems; i++) {
        uint32_t article = article_at(a, items[i]);
        if (!i || article != article_at(a, items[i - 1]))
            narticles++;
        /* start on the occurrence under the cursor */
        if (article == (uint32_t)a->open.article) {
            bool here = false;
            struct place it = item(a, i);
            if (a->target == TARGET_ENTITY && a->open.cursor >= 0)
                here = a->open.marks[a->open.cursor].start == it.start &&
                       a->open.marks[a->open.cursor].in_title == it.in_title;
            else if (a->target == TARGET_SEARCH && a->open.hit >= 0)
                here = (size_t)a->open.hit == items[i];
            if (here)
                list_box.pos.sel = i;
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

/* A mention: date, the article's title when there is room, then the name
 * in its line, centred so that the names line up. */
static void draw_row(struct app *a, WINDOW *w, int y, size_t i, bool is_sel)
{
    int width = getmaxx(w);
    enum style_elem kst = a->target == TARGET_ENTITY
                              ? style_of_kind(a->ix->entities[a->target_entity].kind)
                              : STYLE_SEARCH;
    struct place at = item(a, i);
    const struct place *p = &at;
    const struct article *ar = a->c->articles[p->article];
    const char *t = p->in_title ? ar->title : ar->body;
    size_t len = p->in_title ? strlen(ar->title) : ar->body_len;
    attr_t base = is_sel ? style_attr(STYLE_PICKER_SELECTED) : A_NORMAL;
    if (is_sel)
        draw_fill(w, y, 0, width, base);
    char date[16];
    app_short_date(a, p->article, date);
    int x = 1 + draw_str(w, y, 1, date, 6, is_sel ? base : style_attr(STYLE_DATE));
    x = 9;
    /* the article's title, so that mentions of one day tell apart */
    int tw = width / 4 < 12 ? 12 : width / 4 > 34 ? 34 : width / 4;
    if (width >= 60) {
        draw_str(w, y, x, ar->title, tw, is_sel ? base : style_attr(STYLE_HEADING));
        x += tw + 2;
    }
    int avail = width - x - 1;
    int kw = (int)utf8_width(t + p->start, p->end - p->start);
    int lcols = (avail - kw) / 2 - 1;
    if (lcols < 0)
        lcols = 0;
    size_t ls = left_context(t, p->start, lcols);
    int lw = (int)utf8_width(t + ls, p->start - ls);
    x += lcols - lw; /* right-align the left context so keywords line up */
    x += draw_text(w, y, x, t + ls, p->start - ls, avail, base);
    x += draw_text(w, y, x, t + p->start, p->end - p->start, width - x - 1,
                   style_over(style_attr(kst), base) | A_BOLD);
    size_t re = line_end(t, len, p->end);
    draw_text(w, y, x, t + p->end, re - p->end, width - x - 1, base);
}

static void mentions_draw(struct app *a, WINDOW *w)
{
    char title[256];
    snprintf(title, sizeof title, "Mentions of %s \xc2\xb7 %zu in %zu article%s", target_name(a),
             nitems, narticles, narticles == 1 ? "" : "s");
    overlay_list_draw(&list_box, a, w, title, NULL, nitems, draw_row);
}

static void jump(struct app *a)
{
    struct place p0 = item(a, list_box.pos.sel), *p = &p0;
    size_t at = items[list_box.pos.sel];
    app_close_modal(a);
    long listed = a->pos_of[p->article];
    if (listed < 0 && a->target == TARGET_ENTITY) {
        filter_clear(a); /* the mention is in an article the filters hide */
        listed = a->pos_of[p->article];
    }
    if (listed < 0)
        return;
    app_select(a, (size_t)listed);
    app_focus(a, PANE_READER);
    reading_opened(a);
    if (a->target == TARGET_ENTITY)
        reader_set_cursor(a, reader_find_mark(a, a->target_entity, p->in_title, p->start));
    else
        reader_set_hit(a, (long)at);
}

static void mentions_key(struct app *a, int key, enum request r)
{
    (void)key;
    overlay_list_key(&list_box, a, r);
}

static void mentions_click(struct app *a, int row, int col)
{
    (void)col;
    long r = overlay_list_row_at(&list_box, row);
    if (r < 0)
        return;
    list_box.pos.sel = (size_t)r;
    jump(a);
}

static void mentions_scroll(struct app *a, int delta)
{
    overlay_list_wheel(&list_box, a, delta);
}

const struct modal_ops mentions_modal_ops = {
    .name = "mentions",
    .draw = mentions_draw,
    .key = mentions_key,
    .click = mentions_click,
    .wheel = mentions_scroll,
    .uses_status_line = false,
    .background = STYLE_PICKER,
};
