/* reader: the reading pane. Lays the open article out (title, metadata,
 * paragraphs word-wrapped to the pane), paints every entity mention and fact
 * phrase in its kind's style, and owns the entity cursor (]/[, w/b, click). */
#include "ui/reader.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/filter.h"
#include "ui/mentions.h"
#include "ui/reading.h"
#include "ui/source.h"
#include "ui/style.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

void reader_article_free(struct reader_article *d)
{
    free(d->meta);
    free(d->tstyle);
    free(d->bstyle);
    free(d->tmark);
    free(d->bmark);
    free(d->marks);
    free(d->rows);
    memset(d, 0, sizeof *d);
    d->article = -1;
    d->cursor = d->hit = -1;
}

static enum style_elem fact_style(enum fact_kind k)
{
    switch (k) {
    case FACT_FEE:
    case FACT_WAGE:
    case FACT_RELEASE_CLAUSE:
        return STYLE_MONEY;
    case FACT_CONTRACT:
    case FACT_CAPS:
    case FACT_APPEARANCES:
    case FACT_AGE:
        return STYLE_COUNT;
    default:
        return STYLE_NORMAL; /* loan, interest, source: their entities carry the colour */
    }
}

static void paint(unsigned char *st, int *mk, size_t len, size_t s, size_t e, unsigned char style,
                  int mark)
{
    if (e > len)
        e = len;
    for (size_t i = s; i < e; i++) {
        st[i] = style;
        if (mk)
            mk[i] = mark;
    }
}

static int compare_marks(const void *pa, const void *pb)
{
    const struct reader_mark *a = pa, *b = pb;
    if (a->in_title != b->in_title)
        return a->in_title ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end > b->end ? -1 : a->end < b->end;
}

static void build_meta(struct app *a, const struct article *ar)
{
    struct buf b;
    buf_init(&b);
    buf_puts(&b, ar->date);
    if (ar->date_from_mtime)
        buf_puts(&b, " (file date)");
    const char *src = article_source(ar);
    if (*src)
        buf_printf(&b, " \xc2\xb7 %s", src);
    if (ar->meta.author)
        buf_printf(&b, " \xc2\xb7 by %s", ar->meta.author);
    if (ar->meta.url)
        buf_printf(&b, " \xc2\xb7 %s", ar->meta.url);
    buf_printf(&b, " \xc2\xb7 %s", ar->path);
    a->open.meta = buf_detach(&b, &a->open.meta_len);
}

/* Builds the styles and marks of an article (the index's extraction, not
 * a new one). */
static void build_marks(struct app *a, size_t article)
{
    struct reader_article *d = &a->open;
    const struct article *ar = source_shown(a, article);
    const struct extraction *x = app_extraction(a, article);
    d->bare = app_extraction_state(a, article) == EXTRACTION_PENDING;
    size_t tlen = strlen(ar->title), blen = ar->body_len;
    d->tstyle = xcalloc(tlen + 1, 1);
    d->bstyle = xcalloc(blen + 1, 1);
    d->tmark = xmalloc((tlen + 1) * sizeof *d->tmark);
    d->bmark = xmalloc((blen + 1) * sizeof *d->bmark);
    memset(d->tmark, 0xff, (tlen + 1) * sizeof *d->tmark);
    memset(d->bmark, 0xff, (blen + 1) * sizeof *d->bmark);
    if (ar != a->c->articles[article])
        return; /* changed with `e`: the extraction's offsets are the old text's */
    for (size_t f = 0; f < x->nfacts; f++) {
        const struct mention *s = &x->facts[f].span;
        enum style_elem st = fact_style(x->facts[f].kind);
        if (st != STYLE_NORMAL)
            paint(s->in_title ? d->tstyle : d->bstyle, NULL, s->in_title ? tlen : blen, s->start,
                  s->end, (unsigned char)st, -1);
    }
    for (size_t e = 0; e < x->nentities; e++) {
        const struct found_entity *fe = &x->entities[e];
        const struct mention *mentions = extraction_mentions_of(x, fe);
        for (size_t m = 0; m < fe->nmentions; m++) {
            const struct mention *mn = &mentions[m];
            if (mn->start >= mn->end || mn->end > (mn->in_title ? tlen : blen))
                continue;
            d->marks = xgrow(d->marks, &d->mcap, d->nmarks + 1, sizeof *d->marks);
            d->marks[d->nmarks++] = (struct reader_mark){mn->start, mn->end, mn->in_title, (int)e,
                                                         app_global(a, article, e)};
        }
    }
    if (d->nmarks)
        qsort(d->marks, d->nmarks, sizeof *d->marks, compare_marks);
    for (size_t m = 0; m < d->nmarks; m++) {
        const struct reader_mark *k = &d->marks[m];
        enum style_elem st = style_of_kind(x->entities[k->local].kind);
        paint(k->in_title ? d->tstyle : d->bstyle, k->in_title ? d->tmark : d->bmark,
              k->in_title ? tlen : blen, k->start, k->end, (unsigned char)st, (int)m);
    }
}

struct emit_ctx {
    struct reader_article *d;
    unsigned char src;
};

static void push_row(struct reader_article *d, unsigned char src, size_t s, size_t e)
{
    d->rows = xgrow(d->rows, &d->rcap, d->nrows + 1, sizeof *d->rows);
    d->rows[d->nrows++] = (struct reader_row){src, s, e};
}

static void emit_row(void *ctx, size_t s, size_t e)
{
    struct emit_ctx *c = ctx;
    push_row(c->d, c->src, s, e);
}

static bool blank_line(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ')
            return false;
    return true;
}

static bool has_blank_line(const char *b, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (b[i] != '\n')
            continue;
        size_t j = i + 1;
        while (j < len && b[j] == ' ')
            j++;
        if (j < len && b[j] == '\n')
            return true;
    }
    return false;
}

/* A Markdown line that starts its own paragraph (heading, list item, quote). */
static bool block_start(const char *s, size_t n)
{
    if (n >= 1 && (s[0] == '#' || s[0] == '>'))
        return true;
    if (n >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ')
        return true;
    size_t i = 0;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    return i > 0 && i + 1 < n && s[i] == '.' && s[i + 1] == ' ';
}

/* Rows of a path too long for one: broken after a '/', or inside a name
 * only when a part is longer than the row. */
static void wrap_path(struct reader_article *d, size_t s, size_t e, int width)
{
    while (s < e) {
        size_t fit = s, slash = 0;
        int cols = 0;
        while (fit < e) {
            uint32_t cp;
            size_t n = utf8_decode(d->meta + fit, e - fit, &cp);
            if (cols + utf8_cp_width(cp) > width)
                break;
            cols += utf8_cp_width(cp);
            fit += n;
            if (d->meta[fit - 1] == '/')
                slash = fit;
        }
        size_t cut = fit >= e ? e : slash > s ? slash : fit > s ? fit : e;
        push_row(d, ROW_META, s, cut);
        s = cut;
    }
}

/* The metadata line's rows: its fields ("date", "source", "by author",
 * the path) joined by " · " while they fit, never a row ending in "·"; a
 * field too long for a row wraps on its own (the path at a '/'). */
static void layout_meta(struct reader_article *d, size_t path_len, int width)
{
    static const char sep[] = " \xc2\xb7 ";
    const size_t seplen = sizeof sep - 1;
    const char *m = d->meta;
    size_t path_at = d->meta_len - path_len, row = SIZE_MAX, f = 0;
    int used = 0;
    while (f < d->meta_len) {
        const char *next = f < path_at ? strstr(m + f, sep) : NULL;
        size_t fe = next && (size_t)(next - m) < path_at ? (size_t)(next - m) : d->meta_len;
        int fw = (int)utf8_width(m + f, fe - f);
        if (row != SIZE_MAX && used + (int)utf8_width(sep, seplen) + fw <= width) {
            used += (int)utf8_width(sep, seplen) + fw; /* joins the row */
        } else {
            if (row != SIZE_MAX)
                push_row(d, ROW_META, row, f - seplen);
            row = f;
            used = fw;
            if (fw > width) { /* too long for any row */
                if (f == path_at) {
                    wrap_path(d, f, fe, width);
                } else {
                    struct emit_ctx c = {d, ROW_META};
                    draw_wrap(m, f, fe, width, false, emit_row, &c);
                }
                row = SIZE_MAX;
            }
        }
        f = fe < d->meta_len ? fe + seplen : fe;
    }
    if (row != SIZE_MAX)
        push_row(d, ROW_META, row, d->meta_len);
}

static void layout_article(struct app *a, int width)
{
    struct reader_article *d = &a->open;
    d->nrows = 0;
    d->width = width;
    if (d->article < 0)
        return;
    const struct article *ar = source_shown(a, (size_t)d->article);
    struct emit_ctx c = {d, ROW_TITLE};
    draw_wrap(ar->title, 0, strlen(ar->title), width, false, emit_row, &c);
    layout_meta(d, strlen(ar->path), width);
    push_row(d, ROW_BLANK, 0, 0);
    c.src = ROW_BODY;
    const char *b = ar->body;
    size_t len = ar->body_len, i = 0, para = SIZE_MAX;
    /* Single newlines are soft (joined) in Markdown and in text that marks
     * paragraphs with blank lines; otherwise each line is a paragraph. */
    bool soft = ar->format == ARTICLE_FRONT_MATTER || has_blank_line(b, len), gap = false;
    while (i <= len) {
        size_t eol = i;
        while (eol < len && b[eol] != '\n')
            eol++;
        bool blank = blank_line(b + i, eol - i);
        bool starts = !blank && (para == SIZE_MAX || !soft || block_start(b + i, eol - i));
        if ((blank || starts) && para != SIZE_MAX) { /* close the open paragraph */
            draw_wrap(b, para, i > para ? i - 1 : para, width, false, emit_row, &c);
            para = SIZE_MAX;
        }
        if (blank) {
            gap = d->nrows > 0 && d->rows[d->nrows - 1].src == ROW_BODY;
        } else if (starts) {
            if (gap)
                push_row(d, ROW_BLANK, 0, 0);
            gap = false;
            para = i;
        }
        if (eol >= len) {
            if (para != SIZE_MAX)
                draw_wrap(b, para, len, width, false, emit_row, &c);
            break;
        }
        i = eol + 1;
    }
}

void reader_open(struct app *a, long article)
{
    reader_article_free(&a->open);
    a->open.article = article;
    a->panes[PANE_READER].pos.top = 0;
    if (article >= 0) {
        build_meta(a, source_shown(a, (size_t)article));
        build_marks(a, (size_t)article);
    }
    struct pane *p = &a->panes[PANE_READER];
    if (p->win && !p->hidden) /* else laid out when the pane appears (reader_resize) */
        layout_article(a, p->w > 1 ? p->w - 1 : 1);
    app_pane_size(p, a->open.nrows);
    a->dirty |= DIRTY_READER | DIRTY_FACTS | DIRTY_STATUS;
}

/* The mark at the same place as `was` (the same span of the same entity
 * of the article's extraction), or -1. */
static long same_mark(const struct reader_article *d, const struct reader_mark *was)
{
    for (size_t m = 0; m < d->nmarks; m++)
        if (d->marks[m].in_title == was->in_title && d->marks[m].start == was->start &&
            d->marks[m].end == was->end && d->marks[m].local == was->local)
            return (long)m;
    return -1;
}

void reader_refresh_marks(struct app *a)
{
    struct reader_article *d = &a->open;
    if (d->article < 0)
        return;
    bool had = d->cursor >= 0;
    struct reader_mark was = had ? d->marks[d->cursor] : (struct reader_mark){0};
    free(d->tstyle);
    free(d->bstyle);
    free(d->tmark);
    free(d->bmark);
    d->nmarks = 0;
    build_marks(a, (size_t)d->article);
    d->cursor = had ? same_mark(d, &was) : -1;
    /* a name whose entity had no place in the index has one now: it is
     * the target, as the cursor on it makes it */
    if (d->cursor >= 0 && was.entity < 0 && a->target == TARGET_NONE)
        target_set_entity(a, d->marks[d->cursor].entity);
    a->dirty |= DIRTY_READER | DIRTY_FACTS | DIRTY_STATUS;
}

/* The row holding a byte offset of the title or body. */
static size_t row_of(const struct reader_article *d, bool in_title, size_t off)
{
    unsigned char src = in_title ? ROW_TITLE : ROW_BODY;
    size_t best = 0;
    bool found = false;
    for (size_t r = 0; r < d->nrows; r++) { /* rows are few per article */
        if (d->rows[r].src != src)
            continue;
        if (d->rows[r].start <= off || !found)
            best = r, found = true;
        if (d->rows[r].start > off)
            break;
    }
    return best;
}

void reader_show(struct app *a, bool in_title, size_t offset)
{
    struct pane *p = &a->panes[PANE_READER];
    app_pane_size(p, a->open.nrows);
    pane_show(&p->pos, row_of(&a->open, in_title, offset));
    a->dirty |= DIRTY_READER;
}

/* Scrolls so that mark m is in view. */
static void show_mark(struct app *a, long m)
{
    reader_show(a, a->open.marks[m].in_title, a->open.marks[m].start);
}

/* Says that the entity of mark m, attached to the stored index, has no
 * place in the index until the load completes. */
static void say_unknown(struct app *a, long m)
{
    const struct extraction *x = app_extraction(a, (size_t)a->open.article);
    const char *name = extraction_entity_name(x, a->open.marks[m].local);
    app_message(a, false, "%s: its other articles are known once the load completes",
                name ? name : "this name");
}

void reader_set_cursor(struct app *a, long m)
{
    struct reader_article *d = &a->open;
    if (m >= (long)d->nmarks)
        m = -1;
    d->cursor = m;
    if (m >= 0) {
        show_mark(a, m);
        target_set_entity(a, d->marks[m].entity);
        if (d->marks[m].entity < 0) /* attached to the stored index: not in the index yet */
            say_unknown(a, m);
    }
    a->dirty |= DIRTY_READER | DIRTY_STATUS | DIRTY_FACTS;
}

bool reader_cursor_unknown(struct app *a)
{
    const struct reader_article *d = &a->open;
    if (a->target != TARGET_NONE || d->cursor < 0 || d->marks[d->cursor].entity >= 0)
        return false;
    say_unknown(a, d->cursor);
    return true;
}

long reader_find_mark(const struct app *a, int entity, bool in_title, size_t start)
{
    for (size_t m = 0; m < a->open.nmarks; m++)
        if (a->open.marks[m].entity == entity && a->open.marks[m].in_title == in_title &&
            a->open.marks[m].start == start)
            return (long)m;
    return -1;
}

void reader_set_hit(struct app *a, long h)
{
    a->open.hit = h;
    a->open.cursor = -1;
    if (h >= 0)
        reader_show(a, a->hits.hits[h].in_title, a->hits.hits[h].start);
    a->dirty |= DIRTY_READER | DIRTY_STATUS;
}

/* The start of the sentence holding byte `at` of text: after the last
 * ". ", "! ", "? " or newline before it (looking back at most 600 bytes). */
static size_t sentence_start(const char *t, size_t at)
{
    size_t lo = at > 600 ? at - 600 : 0;
    for (size_t i = at; i > lo; i--) {
        char c = t[i - 1];
        if (c == '\n')
            return i;
        if (c == ' ' && i >= 2 && (t[i - 2] == '.' || t[i - 2] == '!' || t[i - 2] == '?'))
            return i;
    }
    return lo;
}

void reader_open_span(struct app *a, size_t article, bool in_title, size_t start, size_t end)
{
    if (article >= a->nknown)
        return;
    if (a->pos_of[article] < 0)
        filter_clear(a); /* the filters hide it */
    if (a->pos_of[article] < 0)
        return;
    app_select(a, (size_t)a->pos_of[article]);
    app_focus(a, PANE_READER);
    reading_opened(a);
    const struct article *ar = a->c->articles[article];
    size_t len = in_title ? strlen(ar->title) : ar->body_len;
    if (end > len)
        end = len;
    if (start > end)
        start = end;
    struct reader_article *d = &a->open;
    d->flash_title = in_title;
    d->flash_start = start;
    d->flash_end = end;
    reader_show(a, in_title, in_title ? 0 : sentence_start(ar->body, start));
    reader_show(a, in_title, end > start ? end - 1 : start); /* the phrase's end in view too */
    a->dirty |= DIRTY_READER | DIRTY_LIST | DIRTY_STATUS;
}

void reader_open_at(struct app *a, size_t article, size_t start, size_t end)
{
    reader_open_span(a, article, false, start, end);
}

/* Draws one laid-out row at window row y. */
static void draw_row(struct app *a, WINDOW *w, int y, const struct reader_row *row, int cols)
{
    const struct reader_article *d = &a->open;
    if (row->src == ROW_BLANK)
        return;
    if (row->src == ROW_META) {
        draw_text(w, y, 0, d->meta + row->start, row->end - row->start, cols,
                  style_attr(STYLE_META));
        return;
    }
    const struct article *ar = source_shown(a, (size_t)d->article);
    bool title = row->src == ROW_TITLE;
    const char *text = title ? ar->title : ar->body;
    const unsigned char *st = title ? d->tstyle : d->bstyle;
    const int *mk = title ? d->tmark : d->bmark;
    attr_t base = style_attr(title ? STYLE_HEADING : STYLE_NORMAL);
    size_t n = row->end - row->start;
    attr_t *at = xmalloc((n + 1) * sizeof *at);
    for (size_t i = 0; i < n; i++) {
        size_t j = row->start + i;
        at[i] = st[j] == STYLE_NORMAL ? base : style_over(base, style_attr((enum style_elem)st[j]));
        if (d->cursor >= 0 && mk[j] == d->cursor)
            at[i] = style_over(at[i], style_attr(STYLE_CURSOR));
    }
    if (a->search && a->target == TARGET_SEARCH) {
        size_t count, first = search_hits_in(&a->hits, (size_t)d->article, &count);
        for (size_t h = first; h < first + count; h++) {
            const struct place *p = &a->hits.hits[h];
            if (p->in_title != title || p->end <= row->start || p->start >= row->end)
                continue;
            for (size_t j = p->start > row->start ? p->start : row->start;
                 j < p->end && j < row->end; j++)
                at[j - row->start] = (long)h == d->hit ? style_over(style_attr(STYLE_SEARCH),
                                                                    style_attr(STYLE_CURSOR))
                                                       : style_attr(STYLE_SEARCH);
        }
    }
    if (d->flash_end > d->flash_start && d->flash_title == title)
        for (size_t j = d->flash_start > row->start ? d->flash_start : row->start;
             j < d->flash_end && j < row->end; j++)
            at[j - row->start] = style_over(style_attr(STYLE_SEARCH), style_attr(STYLE_CURSOR));
    int x = 0;
    for (size_t i = 0; i < n && x < cols;) {
        size_t k = i;
        while (k < n && at[k] == at[i])
            k++;
        x += draw_text(w, y, x, text + row->start + i, k - i, cols - x, at[i]);
        i = k;
    }
    free(at);
}

static void reader_draw(struct app *a, struct pane *p)
{
    const struct reader_article *d = &a->open;
    char left[96], right[32] = "";
    int rows = app_pane_rows(p);
    app_pane_size(p, d->nrows);
    if (d->article >= 0 && a->pos_of[d->article] >= 0)
        snprintf(left, sizeof left, "Article %ld of %zu", a->pos_of[d->article] + 1, a->nlist);
    else
        snprintf(left, sizeof left, "Article");
    if (d->article >= 0 && a->reading && a->reading->st) { /* its marks, as r and s set them */
        unsigned m = reading_marks(a, (size_t)d->article);
        size_t n = strlen(left);
        snprintf(left + n, sizeof left - n, "%s%s", m & READING_READ ? "" : " \xc2\xb7 unread",
                 m & READING_STARRED ? " \xc2\xb7 \xe2\x98\x85 starred" : "");
    }
    if (d->nrows > (size_t)rows) {
        size_t end = p->pos.top + (size_t)rows;
        if (p->pos.top == 0)
            snprintf(right, sizeof right, "Top");
        else if (end >= d->nrows)
            snprintf(right, sizeof right, "Bot");
        else
            snprintf(right, sizeof right, "%zu%%", end * 100 / d->nrows);
    }
    draw_titlebar(p->win, 0, p->w, left, right, a->focus == PANE_READER);
    if (d->article < 0) {
        const char *why = a->nknown ? "No article matches the filters: x clears them."
                                    : "No articles loaded: touchline PATH... opens some.";
        draw_str(p->win, 1, 1, why, p->w - 2, style_attr(STYLE_DIM));
        return;
    }
    for (int y = 0; y < rows && p->pos.top + (size_t)y < d->nrows; y++)
        draw_row(a, p->win, y + 1, &d->rows[p->pos.top + (size_t)y], p->w - 1);
}

/* Whether mark m's row is among those the pane shows. */
static bool mark_in_view(const struct reader_article *d, const struct pane *p, size_t m)
{
    size_t r = row_of(d, d->marks[m].in_title, d->marks[m].start);
    return r >= p->pos.top && r < p->pos.top + p->pos.height;
}

/* The first mark at or after the top of the pane (for a cursor that is not
 * placed yet), or the neighbour of the cursor. */
static void move_cursor(struct app *a, struct pane *p, int dir)
{
    struct reader_article *d = &a->open;
    if (!d->nmarks) {
        app_message(a, false,
                    d->bare ? "no names yet: this article is not extracted yet"
                            : "no names in this article");
        return;
    }
    long m = d->cursor;
    if (m < 0 || !mark_in_view(d, p, (size_t)m)) { /* start from what is on screen */
        long pick = -1;
        for (size_t i = 0; i < d->nmarks; i++) {
            if (mark_in_view(d, p, i)) {
                pick = (long)i;
                if (dir > 0)
                    break;
            }
        }
        if (pick < 0)
            pick = dir > 0 ? 0 : (long)d->nmarks - 1;
        reader_set_cursor(a, pick);
        return;
    }
    long next = m + dir;
    /* skip marks that sit on the same span (nested names) */
    while (next >= 0 && next < (long)d->nmarks && d->marks[next].start == d->marks[m].start &&
           d->marks[next].in_title == d->marks[m].in_title)
        next += dir;
    if (next < 0 || next >= (long)d->nmarks) {
        if (d->marks[m].entity < 0)
            app_message(a, false,
                        dir > 0 ? "last name in this article" : "first name in this article");
        else
            app_message(a, false,
                        dir > 0 ? "last name in this article (n: next %s)"
                                : "first name in this article (N: previous %s)",
                        a->ix->entities[d->marks[m].entity].name);
        return;
    }
    reader_set_cursor(a, next);
}

/* Esc: no target, no entity cursor, no highlighted phrase (a search
 * stays a filter; n then says there is no target). */
static void clear_target(struct app *a)
{
    bool had = a->target != TARGET_NONE || a->open.flash_end > a->open.flash_start;
    a->open.cursor = -1;
    a->open.flash_start = a->open.flash_end = 0;
    target_clear(a);
    app_message(a, false, had ? "target cleared" : "no target");
}

static bool reader_key(struct app *a, struct pane *p, enum request r)
{
    bool moved;
    app_pane_size(p, a->open.nrows);
    if (pane_request(&p->pos, r, &moved)) {
        if (moved)
            a->dirty |= DIRTY_READER;
        return true;
    }
    switch (r) {
    case REQ_ENTITY_NEXT:
    case REQ_ENTITY_PREV:
        move_cursor(a, p, r == REQ_ENTITY_NEXT ? 1 : -1);
        return true;
    case REQ_OPEN:
        if (a->open.cursor >= 0)
            mentions_open(a);
        return true;
    case REQ_CANCEL:
        clear_target(a);
        return true;
    default:
        return false;
    }
}

static void reader_resize(struct app *a, struct pane *p)
{
    int width = p->w > 1 ? p->w - 1 : 1;
    app_pane_size(p, a->open.nrows);
    if (width == a->open.width)
        return;
    /* keep the first visible row's text in view */
    bool title = true;
    size_t off = 0;
    if (p->pos.top < a->open.nrows) {
        const struct reader_row *r = &a->open.rows[p->pos.top];
        title = r->src != ROW_BODY;
        off = r->src == ROW_BODY || r->src == ROW_TITLE ? r->start : 0;
    }
    layout_article(a, width);
    p->pos.top = p->pos.top ? row_of(&a->open, title, off) : 0;
    app_pane_size(p, a->open.nrows);
    if (a->open.cursor >= 0)
        show_mark(a, a->open.cursor);
}

/* The byte of a row under column col, or SIZE_MAX. */
static size_t byte_at(const char *text, const struct reader_row *row, int col)
{
    int x = 0;
    for (size_t i = row->start; i < row->end;) {
        uint32_t cp;
        size_t n = utf8_decode(text + i, row->end - i, &cp);
        int w = cp < 0x20 ? 1 : utf8_cp_width(cp);
        if (col < x + w)
            return i;
        x += w;
        i += n;
    }
    return SIZE_MAX;
}

static void reader_click(struct app *a, struct pane *p, int row, int col)
{
    struct reader_article *d = &a->open;
    long r = pane_row_at(&p->pos, row);
    if (d->article < 0 || r < 0)
        return;
    const struct reader_row *dr = &d->rows[r];
    if (dr->src != ROW_TITLE && dr->src != ROW_BODY)
        return;
    const struct article *ar = source_shown(a, (size_t)d->article);
    bool title = dr->src == ROW_TITLE;
    size_t b = byte_at(title ? ar->title : ar->body, dr, col);
    if (b == SIZE_MAX)
        return;
    int m = title ? d->tmark[b] : d->bmark[b];
    if (m >= 0)
        reader_set_cursor(a, m);
}

static void reader_scroll(struct app *a, struct pane *p, int delta)
{
    app_pane_size(p, a->open.nrows);
    if (pane_scroll(&p->pos, delta))
        a->dirty |= DIRTY_READER;
}

const struct view_ops reader_view_ops = {
    .name = "reader",
    .draw = reader_draw,
    .key = reader_key,
    .resize = reader_resize,
    .click = reader_click,
    .wheel = reader_scroll,
};
