/* facts: the facts panel. This article's facts grouped by subject, the
 * clubs it mentions with counts, and, when the target is a person or a club,
 * its dossier across the corpus (articles, mentions, facts newest first). */
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/style.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct frow {
    size_t line, start, end;
    int indent;
};

/* Lines (l->indent: columns before the first row) and their hanging indents. */
static struct sline *lines;
static size_t nlines, lcap;
static int *hangs;
static size_t hcap;
static struct frow *rows;
static size_t nrows, rcap;
static long built_article = -2;
static int built_entity = -2, built_width = -1;

static struct sline *new_line(int indent)
{
    lines = xgrow(lines, &lcap, nlines + 1, sizeof *lines);
    hangs = xgrow(hangs, &hcap, nlines + 1, sizeof *hangs);
    hangs[nlines] = indent + 2;
    struct sline *l = &lines[nlines++];
    sline_init(l);
    l->indent = indent;
    return l;
}

static void clear_lines(void)
{
    for (size_t i = 0; i < nlines; i++)
        sline_free(&lines[i]);
    nlines = 0;
    nrows = 0;
}

/* "£31m", "€1.5bn", "$200k", "45 CHF". */
static void put_money(struct sline *l, double v, const char *cur)
{
    const char *sym = !cur                  ? ""
                      : !strcmp(cur, "GBP") ? "\xc2\xa3"
                      : !strcmp(cur, "EUR") ? "\xe2\x82\xac"
                      : !strcmp(cur, "USD") ? "$"
                                            : NULL;
    char num[32];
    const char *unit = "";
    double x = v;
    if (v >= 1e9)
        x = v / 1e9, unit = "bn";
    else if (v >= 1e6)
        x = v / 1e6, unit = "m";
    else if (v >= 1e3)
        x = v / 1e3, unit = "k";
    double r0 = (double)(long long)(x + 0.5), r1 = (double)(long long)(x * 10 + 0.5);
    if (x - r0 < 0.005 && r0 - x < 0.005)
        snprintf(num, sizeof num, "%.0f%s", x, unit);
    else if (x * 10 - r1 < 0.05 && r1 - x * 10 < 0.05)
        snprintf(num, sizeof num, "%.1f%s", x, unit);
    else
        snprintf(num, sizeof num, "%.2f%s", x, unit);
    if (sym)
        sline_printf(l, STYLE_MONEY, "%s%s", sym, num);
    else
        sline_printf(l, STYLE_MONEY, "%s %s", num, cur);
}

static const char *ent_name(const struct extraction *x, int e)
{
    return e >= 0 && (size_t)e < x->nentities ? x->entities[e].name : NULL;
}

static void put_entity(struct sline *l, const struct extraction *x, int e)
{
    if (e >= 0 && (size_t)e < x->nentities)
        sline_puts(l, x->entities[e].name, style_of_kind(x->entities[e].kind));
}

/* One fact as a short phrase: "fee £31m (2017, Atalanta -> Inter Milan)". */
static void describe_fact(struct sline *l, const struct extraction *x, const struct fact *f)
{
    switch (f->kind) {
    case FACT_FEE:
    case FACT_RELEASE_CLAUSE:
        sline_puts(l, f->kind == FACT_FEE ? "fee " : "release clause ", STYLE_FACTS_LABEL);
        if (f->qualifier)
            sline_printf(l, STYLE_DIM, "%s ", fact_qualifier_name(f->qualifier));
        if (f->has_value)
            put_money(l, f->value, fact_currency_name(f->currency));
        if (f->year || ent_name(x, f->from) || ent_name(x, f->to)) {
            sline_puts(l, " (", STYLE_FACTS_LABEL);
            if (f->year)
                sline_printf(l, STYLE_COUNT, "%d", f->year);
            if (f->year && (ent_name(x, f->from) || ent_name(x, f->to)))
                sline_puts(l, ", ", STYLE_FACTS_LABEL);
            if (ent_name(x, f->from) && !ent_name(x, f->to))
                sline_puts(l, "from ", STYLE_FACTS_LABEL);
            put_entity(l, x, f->from);
            if (ent_name(x, f->to)) {
                sline_puts(l, ent_name(x, f->from) ? " -> " : "to ", STYLE_FACTS_LABEL);
                put_entity(l, x, f->to);
            }
            sline_puts(l, ")", STYLE_FACTS_LABEL);
        }
        break;
    case FACT_WAGE:
        sline_puts(l, "wage ", STYLE_FACTS_LABEL);
        if (f->has_value)
            put_money(l, f->value, fact_currency_name(f->currency));
        if (f->period)
            sline_printf(l, STYLE_FACTS_LABEL, " / %s", fact_period_name(f->period));
        break;
    case FACT_LOAN:
        sline_puts(l, "loan", STYLE_FACTS_LABEL);
        if (ent_name(x, f->from)) {
            sline_puts(l, " from ", STYLE_FACTS_LABEL);
            put_entity(l, x, f->from);
        }
        if (ent_name(x, f->to)) {
            sline_puts(l, " to ", STYLE_FACTS_LABEL);
            put_entity(l, x, f->to);
        }
        if (f->loan_length)
            sline_printf(l, STYLE_FACTS_LABEL, " (%s)", f->loan_length);
        break;
    case FACT_CONTRACT: {
        bool end = f->type != FACT_TYPE_LENGTH;
        const char *word = f->status == FACT_OFFERED  ? "offer"
                           : f->status == FACT_SIGNED ? "signed"
                                                      : "contract";
        sline_printf(l, STYLE_FACTS_LABEL, "%s %s", word, end ? "to " : "");
        if (f->has_value)
            sline_printf(l, STYLE_COUNT,
                         end             ? "%.0f"
                         : f->value == 1 ? "%.0f year"
                                         : "%.0f years",
                         f->value);
        if (f->status == FACT_EXPIRES)
            sline_puts(l, " (expires)", STYLE_DIM);
        break;
    }
    case FACT_CAPS:
    case FACT_APPEARANCES:
        sline_puts(l, f->kind == FACT_CAPS ? "caps " : "apps ", STYLE_FACTS_LABEL);
        if (f->has_value)
            sline_printf(l, STYLE_COUNT, "%.0f", f->value);
        if (ent_name(x, f->team) || f->goals >= 0) {
            sline_puts(l, " (", STYLE_FACTS_LABEL);
            put_entity(l, x, f->team);
            if (f->goals >= 0)
                sline_printf(l, STYLE_FACTS_LABEL, "%s%d goal%s", ent_name(x, f->team) ? ", " : "",
                             f->goals, f->goals == 1 ? "" : "s");
            sline_puts(l, ")", STYLE_FACTS_LABEL);
        }
        break;
    case FACT_AGE:
        sline_puts(l, "age ", STYLE_FACTS_LABEL);
        if (f->has_value)
            sline_printf(l, STYLE_COUNT, "%.0f", f->value);
        break;
    case FACT_INTEREST:
        sline_puts(l, "interest from ", STYLE_FACTS_LABEL);
        put_entity(l, x, f->club);
        break;
    case FACT_SOURCE:
        sline_puts(l, "source: ", STYLE_FACTS_LABEL);
        put_entity(l, x, f->club);
        break;
    default:
        sline_puts(l, fact_kind_name(f->kind), STYLE_FACTS_LABEL);
        break;
    }
}

static void heading(const char *text)
{
    struct sline *l = new_line(0);
    sline_puts(l, text, STYLE_FACTS_HEADING);
}

static void article_facts(const struct app *a, size_t art)
{
    const struct extraction *x = &a->ix->x[art];
    heading("In this article");
    if (!x->nfacts) {
        sline_puts(new_line(1), "none found", STYLE_DIM);
    }
    /* grouped by subject, in order of each subject's first fact */
    bool *done = xcalloc(x->nfacts + 1, 1);
    for (size_t i = 0; i < x->nfacts; i++) {
        if (done[i])
            continue;
        int subj = x->facts[i].subject;
        struct sline *h = new_line(1);
        if (ent_name(x, subj))
            put_entity(h, x, subj);
        else
            sline_puts(h, "(no subject)", STYLE_DIM);
        for (size_t j = i; j < x->nfacts; j++) {
            if (done[j] || x->facts[j].subject != subj)
                continue;
            done[j] = true;
            describe_fact(new_line(3), x, &x->facts[j]);
        }
    }
    free(done);
    /* clubs with their mention counts, most mentioned first */
    size_t order[64], n = 0;
    for (size_t e = 0; e < x->nentities && n < 64; e++)
        if (x->entities[e].kind == ENTITY_CLUB)
            order[n++] = e;
    for (size_t i = 1; i < n; i++)
        for (size_t j = i;
             j > 0 && x->entities[order[j]].nmentions > x->entities[order[j - 1]].nmentions; j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    new_line(0);
    heading("Clubs");
    if (!n)
        sline_puts(new_line(1), "none", STYLE_DIM);
    for (size_t i = 0; i < n; i++) {
        struct sline *l = new_line(1);
        put_entity(l, x, (int)order[i]);
        sline_printf(l, STYLE_DIM, " %zu", x->entities[order[i]].nmentions);
    }
}

static const struct app *sort_app;

static int newest_first(const void *pa, const void *pb)
{
    size_t ra = sort_app->rank[*(const uint32_t *)pa], rb = sort_app->rank[*(const uint32_t *)pb];
    return ra < rb ? -1 : ra > rb;
}

/* The dossier reads the facts of an entity's newest articles only, so that
 * its cost does not grow with the corpus (a club may be in 30,000 of them). */
enum { DOSSIER_ARTICLES = 60 };

/* Sifts heap[i] down in a max-heap of n articles keyed by rank. */
static void sift_down(const struct app *a, uint32_t *heap, size_t n, size_t i)
{
    for (;;) {
        size_t big = i, l = 2 * i + 1, r = l + 1;
        if (l < n && a->rank[heap[l]] > a->rank[heap[big]])
            big = l;
        if (r < n && a->rank[heap[r]] > a->rank[heap[big]])
            big = r;
        if (big == i)
            return;
        uint32_t t = heap[i];
        heap[i] = heap[big];
        heap[big] = t;
        i = big;
    }
}

/* The newest (lowest rank) `k` of an entity's articles into out, newest
 * first; returns how many. A bounded max-heap: O(n log k). */
static size_t newest_articles(const struct app *a, const struct index_entity *e, uint32_t *out,
                              size_t k)
{
    size_t n = 0;
    for (size_t i = 0; i < e->narticles; i++) {
        uint32_t art = e->articles[i];
        if (n < k) {
            out[n++] = art;
            if (n == k)
                for (size_t j = k / 2; j-- > 0;)
                    sift_down(a, out, n, j);
        } else if (a->rank[art] < a->rank[out[0]]) {
            out[0] = art;
            sift_down(a, out, n, 0);
        }
    }
    sort_app = a;
    qsort(out, n, sizeof *out, newest_first);
    return n;
}

/* Whether a fact is about entity g: its subject, or for clubs any club role. */
static bool fact_about(const struct app *a, size_t art, const struct fact *f, int g, bool club)
{
    if (!club)
        return index_global(a->ix, art, (size_t)(f->subject < 0 ? SIZE_MAX : (size_t)f->subject)) ==
               g;
    int refs[] = {f->from, f->to, f->club, f->team};
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
        if (refs[i] >= 0 && index_global(a->ix, art, (size_t)refs[i]) == g)
            return true;
    return false;
}

static void dossier(const struct app *a, int g)
{
    const struct index_entity *e = &a->ix->entities[g];
    if (e->kind != ENTITY_PERSON && e->kind != ENTITY_CLUB)
        return;
    bool club = e->kind == ENTITY_CLUB;
    new_line(0);
    struct sline *h = new_line(0);
    sline_puts(h, e->name, style_of_kind(e->kind));
    sline_puts(h, " in the corpus", STYLE_FACTS_HEADING);
    struct sline *s = new_line(1);
    if (!club && e->role != ROLE_UNKNOWN)
        sline_printf(s, STYLE_DIM, "%s \xc2\xb7 ", person_role_name(e->role));
    sline_printf(s, STYLE_DIM, "%zu article%s \xc2\xb7 %zu mention%s", e->narticles,
                 e->narticles == 1 ? "" : "s", e->npostings, e->npostings == 1 ? "" : "s");
    uint32_t arts[DOSSIER_ARTICLES];
    size_t narts = newest_articles(a, e, arts, DOSSIER_ARTICLES);
    size_t shown = 0, first_line = nlines;
    for (size_t i = 0; i < narts; i++) {
        const struct extraction *x = &a->ix->x[arts[i]];
        for (size_t f = 0; f < x->nfacts; f++) {
            if (!fact_about(a, arts[i], &x->facts[f], g, club))
                continue;
            struct sline tmp;
            sline_init(&tmp);
            if (club && ent_name(x, x->facts[f].subject)) {
                put_entity(&tmp, x, x->facts[f].subject);
                sline_puts(&tmp, ": ", STYLE_FACTS_LABEL);
            }
            describe_fact(&tmp, x, &x->facts[f]);
            bool dup = false; /* the same fact reported again: keep the newest */
            for (size_t k = first_line; k < nlines && !dup; k++)
                dup = lines[k].text.len >= tmp.text.len + 8 &&
                      !strcmp(lines[k].text.data + 8, tmp.text.data);
            if (!dup) {
                char date[16];
                app_short_date(a, arts[i], date);
                struct sline *l = new_line(1);
                sline_printf(l, STYLE_DATE, "%-6.6s", date);
                sline_puts(l, "  ", STYLE_FACTS_LABEL);
                sline_add(l, tmp.text.data, tmp.text.len, STYLE_FACTS_LABEL);
                memcpy(l->styles + l->text.len - tmp.text.len, tmp.styles, tmp.text.len);
                hangs[nlines - 1] = 9;
                shown++;
            }
            sline_free(&tmp);
        }
    }
    if (!shown)
        sline_puts(new_line(1), "no facts found", STYLE_DIM);
    if (narts < e->narticles)
        sline_printf(new_line(1), STYLE_DIM,
                     "(from the newest %zu articles; m lists every mention)", narts);
}

struct wrap_ctx {
    size_t line;
    int indent;
};

static void emit(void *ctx, size_t s, size_t e)
{
    struct wrap_ctx *c = ctx;
    rows = xgrow(rows, &rcap, nrows + 1, sizeof *rows);
    rows[nrows++] = (struct frow){c->line, s, e, c->indent};
}

static void rebuild(const struct app *a, int width)
{
    clear_lines();
    if (a->doc.article >= 0)
        article_facts(a, (size_t)a->doc.article);
    if (a->target == TARGET_ENTITY && a->target_entity >= 0)
        dossier(a, a->target_entity);
    for (size_t i = 0; i < nlines; i++) {
        const struct sline *l = &lines[i];
        if (!l->text.len) { /* a blank line */
            rows = xgrow(rows, &rcap, nrows + 1, sizeof *rows);
            rows[nrows++] = (struct frow){i, 0, 0, 0};
            continue;
        }
        int hang = hangs[i] < width / 2 ? hangs[i] : l->indent;
        int in = hang > l->indent ? hang : l->indent;
        size_t before = nrows;
        struct wrap_ctx c = {i, 0};
        draw_wrap(l->text.data, 0, l->text.len, width - in, false, emit, &c);
        for (size_t r = before; r < nrows; r++)
            rows[r].indent = r == before ? l->indent : hang;
    }
}

static void facts_draw(struct app *a, struct pane *p)
{
    int width = p->w - 1;
    int ent = a->target == TARGET_ENTITY ? a->target_entity : -1;
    if (built_article != a->doc.article || built_entity != ent || built_width != width) {
        if (built_article != a->doc.article || built_entity != ent)
            p->top = 0;
        rebuild(a, width > 4 ? width : 4);
        built_article = a->doc.article;
        built_entity = ent;
        built_width = width;
    }
    char right[32] = "";
    int h = app_pane_rows(p);
    if (nrows > (size_t)h)
        snprintf(right, sizeof right, "%zu/%zu", p->top + 1, nrows);
    draw_titlebar(p->win, 0, p->w, "Facts", right, a->focus == PANE_FACTS);
    if (p->top >= nrows)
        p->top = nrows ? nrows - 1 : 0;
    for (int y = 0; y < h && p->top + (size_t)y < nrows; y++) {
        const struct frow *r = &rows[p->top + (size_t)y];
        sline_draw(p->win, y + 1, 1 + r->indent, &lines[r->line], r->start, r->end,
                   width - r->indent, A_NORMAL);
    }
}

static void facts_scroll(struct app *a, struct pane *p, int delta)
{
    long top = (long)p->top + delta, max = (long)nrows - app_pane_rows(p);
    if (top > max)
        top = max;
    if (top < 0)
        top = 0;
    p->top = (size_t)top;
    a->dirty |= DIRTY_FACTS;
}

static bool facts_key(struct app *a, struct pane *p, enum request r)
{
    int h = app_pane_rows(p);
    switch (r) {
    case REQ_MOVE_DOWN:
        facts_scroll(a, p, 1);
        return true;
    case REQ_MOVE_UP:
        facts_scroll(a, p, -1);
        return true;
    case REQ_PAGE_DOWN:
    case REQ_HALF_DOWN:
        facts_scroll(a, p, r == REQ_PAGE_DOWN ? h - 1 : h / 2);
        return true;
    case REQ_PAGE_UP:
    case REQ_HALF_UP:
        facts_scroll(a, p, -(r == REQ_PAGE_UP ? h - 1 : h / 2));
        return true;
    case REQ_FIRST:
        facts_scroll(a, p, -(int)nrows);
        return true;
    case REQ_LAST:
        facts_scroll(a, p, (int)nrows);
        return true;
    default:
        return false;
    }
}

static void facts_resize(struct app *a, struct pane *p)
{
    (void)a;
    (void)p;
    built_width = -1;
}

const struct view_ops facts_view_ops = {
    .name = "facts",
    .draw = facts_draw,
    .key = facts_key,
    .resize = facts_resize,
    .click = NULL,
    .wheel = facts_scroll,
};
