/* filter: the article list as filtered by club AND person AND search AND
 * the others (narrow.h; unread and starred, reading.h). Built from the
 * index's per-entity article lists (and the search's), never by walking the
 * corpus text. */
#include "ui/filter.h"
#include "ui/app.h"
#include "ui/narrow.h"
#include "ui/reading.h"
#include "core/base/buf.h"
#include "core/base/utf8.h"
#include "core/base/error.h"
#include "core/base/sort.h"
#include "core/index/search_job.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Up to this many articles, `/` waits for its search (at most
 * SEARCH_WAIT_NAPS x 0.1 ms, which is plenty for them) before the key
 * returns, so a small corpus shows its matches at once; a bigger one is
 * searched in the background without a wait (a sleep can overshoot on a
 * busy machine, and the key would pay for it). */
enum { SEARCH_WAIT_ARTICLES = 2000, SEARCH_WAIT_NAPS = 20 };

static void cancel_pending(struct app *a);

static int by_rank(const void *pa, const void *pb, void *ctx)
{
    const struct app *a = ctx;
    size_t ra = a->rank[*(const size_t *)pa], rb = a->rank[*(const size_t *)pb];
    return ra < rb ? -1 : ra > rb;
}

static bool passes(const struct app *a, size_t article)
{
    return (a->filter_club < 0 || index_article_has(a->ix, a->filter_club, article)) &&
           (a->filter_person < 0 || index_article_has(a->ix, a->filter_person, article)) &&
           (!a->search || search_hits_has(&a->hits, article)) && narrow_passes(a, article) &&
           reading_passes(a, article);
}

/* Fills a->list and a->pos_of from the filters. */
static void build_list(struct app *a)
{
    for (size_t i = 0; i < a->nlist; i++)
        a->pos_of[a->list[i]] = -1;
    a->nlist = 0;
    /* Start from the smallest candidate set the filters give. */
    const uint32_t *cand = NULL;
    size_t ncand = SIZE_MAX;
    if (a->filter_club >= 0) {
        cand = a->ix->entities[a->filter_club].articles;
        ncand = a->ix->entities[a->filter_club].narticles;
    }
    if (a->filter_person >= 0 && a->ix->entities[a->filter_person].narticles < ncand) {
        cand = a->ix->entities[a->filter_person].articles;
        ncand = a->ix->entities[a->filter_person].narticles;
    }
    if (a->search && a->hits.narticles < ncand) {
        cand = a->hits.articles;
        ncand = a->hits.narticles;
    }
    narrow_candidates(a, &cand, &ncand);
    if (!cand && !narrow_scans(&a->narrow) && !reading_filtering(a)) {
        if (a->nknown)
            memcpy(a->list, a->order, a->nknown * sizeof *a->list);
        a->nlist = a->nknown;
    } else if (!cand) {
        for (size_t r = 0; r < a->nknown; r++)
            if (passes(a, a->order[r]))
                a->list[a->nlist++] = a->order[r];
    } else if (ncand > a->nknown / 16) {
        /* Many candidates: mark them, then walk the date order (linear). */
        for (size_t i = 0; i < ncand; i++)
            if (passes(a, cand[i]))
                a->pos_of[cand[i]] = -2;
        for (size_t r = 0; r < a->nknown; r++)
            if (a->pos_of[a->order[r]] == -2)
                a->list[a->nlist++] = a->order[r];
    } else {
        for (size_t i = 0; i < ncand; i++)
            if (passes(a, cand[i]))
                a->list[a->nlist++] = cand[i];
        sort_ctx(a->list, a->nlist, sizeof *a->list, by_rank, a);
    }
    narrow_sort_list(a);
    for (size_t i = 0; i < a->nlist; i++)
        a->pos_of[a->list[i]] = (long)i;
}

void filter_apply(struct app *a)
{
    long keep = a->open.article;
    build_list(a);
    size_t sel = 0;
    if (keep >= 0 && a->pos_of[keep] >= 0)
        sel = (size_t)a->pos_of[keep];
    a->panes[PANE_LIST].pos.top = 0;
    app_select(a, sel);
    a->dirty |= DIRTY_ALL & ~DIRTY_LAYOUT;
}

void filter_refresh(struct app *a)
{
    long keep = a->open.article;
    struct pane *p = &a->panes[PANE_LIST];
    long row = (long)a->sel - (long)p->pos.top; /* the selection's row on screen */
    build_list(a);
    a->dirty |= DIRTY_LIST | DIRTY_READER | DIRTY_STATUS | DIRTY_FACTS;
    if (!a->nlist)
        return;
    if (!a->touched || keep < 0 || a->pos_of[keep] < 0) {
        if (a->open.article != (long)a->list[0] || a->sel != 0) {
            p->pos.top = 0;
            app_select(a, 0);
        }
        return;
    }
    a->sel = (size_t)a->pos_of[keep];
    p->pos.top = row >= 0 && (size_t)row <= a->sel ? a->sel - (size_t)row : a->sel;
}

void filter_set(struct app *a, int kind, int entity)
{
    int *slot = kind == ENTITY_CLUB     ? &a->filter_club
                : kind == ENTITY_PERSON ? &a->filter_person
                                        : narrow_entity_slot(a, kind);
    if (!slot)
        return;
    *slot = entity;
    filter_apply(a);
    if (entity >= 0) {
        const struct index_entity *e = &a->ix->entities[entity];
        app_message(a, false, "%s: %zu article%s listed", e->name, a->nlist,
                    a->nlist == 1 ? "" : "s");
    }
}

void filter_clear(struct app *a)
{
    bool had = a->filter_club >= 0 || a->filter_person >= 0 || a->search || a->search_job;
    had = narrow_clear(&a->narrow) || had;
    had = reading_clear_filters(a) || had;
    cancel_pending(a);
    a->filter_club = a->filter_person = -1;
    if (a->search) {
        search_free(a->search);
        a->search = NULL;
        search_hits_free(&a->hits);
        if (a->target == TARGET_SEARCH)
            target_clear(a);
        a->open.hit = -1;
    }
    filter_apply(a);
    app_message(a, false,
                had ? "filters cleared: %zu articles" : "no filters to clear (%zu articles)",
                a->nlist);
}

/* Makes a finished search (its matches in hits, taken) the filter and the
 * target; with no match at all it is dropped with a message. */
static void apply_search(struct app *a, struct search *s, struct search_hits *hits)
{
    const char *pattern = search_pattern(s);
    if (!hits->nhits) {
        app_message(a, true, "no match for /%s/%s", pattern,
                    search_caseless(s) ? " (any case)" : "");
        search_free(s);
        search_hits_free(hits);
        return;
    }
    search_free(a->search);
    search_hits_free(&a->hits);
    a->search = s;
    a->hits = *hits;
    memset(hits, 0, sizeof *hits);
    a->open.hit = -1;
    filter_apply(a);
    a->target = TARGET_SEARCH;
    a->target_entity = -1;
    reader_set_cursor(a, -1);
    pattern = search_pattern(a->search);
    if (!a->nlist) {
        app_message(a, true, "/%s/ matches %zu article%s, none with the other filters", pattern,
                    a->hits.narticles, a->hits.narticles == 1 ? "" : "s");
        return;
    }
    /* The first match in the open article, or in the first listed one. */
    size_t count, first = search_hits_in(&a->hits, (size_t)a->open.article, &count);
    if (!count)
        first = search_hits_in(&a->hits, a->list[a->sel], &count);
    reader_set_hit(a, (long)first);
    app_message(a, false, "/%s/: %zu match%s in %zu article%s%s", pattern, a->hits.nhits,
                a->hits.nhits == 1 ? "" : "es", a->hits.narticles,
                a->hits.narticles == 1 ? "" : "s", a->hits.truncated ? " (truncated)" : "");
}

/* Drops a search still running. */
static void cancel_pending(struct app *a)
{
    search_job_cancel(a->search_job);
    a->search_job = NULL;
    search_free(a->pending);
    a->pending = NULL;
}

bool filter_search_poll(struct app *a)
{
    if (!a->search_job || !search_job_done(a->search_job))
        return false;
    size_t from = search_job_articles(a->search_job);
    struct search_hits hits = {0};
    search_job_finish(a->search_job, &hits);
    a->search_job = NULL;
    /* Articles loaded while it ran. */
    search_run_range(a->pending, a->c, from, a->nknown, &hits);
    struct search *s = a->pending;
    a->pending = NULL;
    apply_search(a, s, &hits);
    a->dirty |= DIRTY_ALL & ~DIRTY_LAYOUT;
    return true;
}

bool filter_searching(const struct app *a)
{
    return a->search_job != NULL;
}

bool filter_search(struct app *a, const char *pattern, size_t *err_offset, struct tl_error *err)
{
    if (!*pattern) {
        cancel_pending(a);
        if (a->search) {
            search_free(a->search);
            a->search = NULL;
            search_hits_free(&a->hits);
            if (a->target == TARGET_SEARCH)
                target_clear(a);
            filter_apply(a);
            app_message(a, false, "search cleared");
        }
        return true;
    }
    struct search *s = search_compile(pattern, err_offset, err);
    if (!s)
        return false; /* the search before it stays */
    cancel_pending(a);
    a->pending = s;
    a->search_job = search_job_start(s, a->c, a->nknown);
    /* A small corpus is searched before the key returns. */
    struct timespec nap = {0, 100 * 1000};
    int naps = a->nknown <= SEARCH_WAIT_ARTICLES ? SEARCH_WAIT_NAPS : 0;
    for (int i = 0; i < naps && !search_job_done(a->search_job); i++)
        nanosleep(&nap, NULL);
    if (!filter_search_poll(a))
        app_message(a, false, "searching /%s/ in %zu articles\xe2\x80\xa6", pattern, a->nknown);
    return true;
}

void filter_free(struct app *a)
{
    cancel_pending(a);
}

/* Every filter (and the sort when not the default) as parts. */
static size_t collect(const struct app *a, struct filter_part *out, size_t max, struct buf *pat)
{
    size_t k = 0;
    if (a->filter_club >= 0) {
        const struct index_entity *e = &a->ix->entities[a->filter_club];
        out[k++] = (struct filter_part){"club", e->name, (long)e->narticles, false};
    }
    if (a->filter_person >= 0) {
        const struct index_entity *e = &a->ix->entities[a->filter_person];
        out[k++] = (struct filter_part){"person", e->name, (long)e->narticles, true};
    }
    if (a->search) {
        buf_printf(pat, "/%s/", search_pattern(a->search));
        out[k++] = (struct filter_part){"search", pat->data, (long)a->hits.narticles, false};
    }
    k += narrow_parts(a, out + k, max - k);
    return k + reading_parts(a, out + k, max - k);
}

/* "label: name (count) · ..." (a part with no label: its name alone) with
 * each name cut to cut[i] bytes ("…" after a cut one); returns the columns. */
static int join(const struct filter_part *p, size_t n, const size_t *cut, struct buf *out)
{
    size_t from = out->len;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(p[i].name);
        buf_printf(out, "%s%s%s%.*s%s", i ? " \xc2\xb7 " : "", p[i].label, *p[i].label ? ": " : "",
                   (int)cut[i], p[i].name, cut[i] < len ? "\xe2\x80\xa6" : "");
        if (p[i].count >= 0)
            buf_printf(out, " (%ld)", p[i].count);
    }
    return (int)utf8_width(out->data + from, out->len - from);
}

enum { PARTS_MAX = 12, NAME_MIN_COLS = 4 };

void filter_describe(const struct app *a, struct buf *out)
{
    filter_describe_fit(a, out, 0, false);
}

/* Cuts the longest name (in columns) by one character; false when every
 * name is down to NAME_MIN_COLS. */
static bool cut_longest(const struct filter_part *p, size_t n, size_t *cut)
{
    size_t best = SIZE_MAX, bw = NAME_MIN_COLS;
    for (size_t i = 0; i < n; i++) {
        size_t w = utf8_width(p[i].name, cut[i]);
        if (w > bw)
            best = i, bw = w;
    }
    if (best == SIZE_MAX)
        return false;
    size_t used;
    cut[best] = utf8_prefix_fitting(p[best].name, cut[best], bw - 1, &used);
    return true;
}

int filter_describe_fit(const struct app *a, struct buf *out, int cols, bool may_cut)
{
    struct filter_part p[PARTS_MAX];
    struct buf pat;
    buf_init(&pat);
    size_t n = collect(a, p, PARTS_MAX, &pat), cut[PARTS_MAX] = {0}, from = out->len;
    for (size_t i = 0; i < n; i++)
        cut[i] = strlen(p[i].name);
    int w = join(p, n, cut, out);
    /* too wide: people by surname, then no counts, then names cut short */
    for (int step = 0; cols > 0 && w > cols; step++) {
        if (step == 0) {
            for (size_t i = 0; i < n; i++) {
                const char *sp = strrchr(p[i].name, ' ');
                if (p[i].person && sp) {
                    p[i].name = sp + 1;
                    cut[i] = strlen(p[i].name);
                }
            }
        } else if (step == 1) {
            for (size_t i = 0; i < n; i++)
                p[i].count = -1;
        } else if (!may_cut || !cut_longest(p, n, cut)) {
            break;
        }
        out->len = from;
        w = join(p, n, cut, out);
    }
    buf_free(&pat);
    return w;
}
