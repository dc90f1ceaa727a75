/* narrow: the list's other filters and its sort. Competition and national
 * team are entity filters (index postings, like club and person); source
 * (the article's feed or site name from its metadata, or a media outlet it
 * cites, from the index), tag (front matter tags) and the date range are
 * checked per article; the sort reorders the filtered list. filter.c
 * combines them all with AND; pickers come from picker.c. */
#include "ui/narrow.h"
#include "ui/app.h"
#include "ui/filter.h"
#include "ui/picker.h"
#include "core/base/buf.h"
#include "core/base/sort.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

static const char *const dates_names[DATES_COUNT] = {"all dates", "today", "last 7 days",
                                                     "last 30 days"};
static const char *const sort_names[SORT_COUNT] = {"newest first", "oldest first", "most facts"};

void narrow_init(struct narrow *n)
{
    memset(n, 0, sizeof *n);
    n->competition = n->national = n->source_media = -1;
}

void narrow_free(struct narrow *n)
{
    free(n->source);
    free(n->tag);
    n->source = n->tag = NULL;
}

bool narrow_clear(struct narrow *n)
{
    bool had = n->competition >= 0 || n->national >= 0 || n->source || n->tag || n->dates;
    enum narrow_sort sort = n->sort;
    narrow_free(n);
    narrow_init(n);
    n->sort = sort;
    return had;
}

bool narrow_scans(const struct narrow *n)
{
    return n->source || n->tag || n->dates != DATES_ALL;
}

int *narrow_entity_slot(struct app *a, int kind)
{
    return kind == ENTITY_COMPETITION     ? &a->narrow.competition
           : kind == ENTITY_NATIONAL_TEAM ? &a->narrow.national
                                          : NULL;
}

static bool has_tag(const struct article *ar, const char *tag)
{
    for (size_t i = 0; i < ar->meta.ntags; i++)
        if (!strcasecmp(ar->meta.tags[i], tag))
            return true;
    return false;
}

bool narrow_passes(const struct app *a, size_t article)
{
    const struct narrow *n = &a->narrow;
    const struct article *ar = a->c->articles[article];
    if (n->competition >= 0 && !index_article_has(a->ix, n->competition, article))
        return false;
    if (n->national >= 0 && !index_article_has(a->ix, n->national, article))
        return false;
    if (n->source && strcasecmp(article_source(ar), n->source) &&
        !(n->source_media >= 0 && index_article_has(a->ix, n->source_media, article)))
        return false;
    if (n->tag && !has_tag(ar, n->tag))
        return false;
    return n->dates == DATES_ALL || strcmp(ar->date, n->since) >= 0;
}

void narrow_candidates(const struct app *a, const uint32_t **cand, size_t *ncand)
{
    const int ents[] = {a->narrow.competition, a->narrow.national};
    for (size_t i = 0; i < 2; i++)
        if (ents[i] >= 0 && a->ix->entities[ents[i]].narticles < *ncand) {
            *cand = a->ix->entities[ents[i]].articles;
            *ncand = a->ix->entities[ents[i]].narticles;
        }
}

static size_t nfacts(const struct app *a, size_t article)
{
    return article < a->ix->narticles ? index_extraction(a->ix, article)->nfacts : 0;
}

static int most_facts(const void *pa, const void *pb, void *ctx)
{
    size_t fa = nfacts(ctx, *(const size_t *)pa), fb = nfacts(ctx, *(const size_t *)pb);
    return fa > fb ? -1 : fa < fb;
}

void narrow_sort_list(struct app *a)
{
    if (a->narrow.sort == SORT_OLDEST) {
        for (size_t i = 0, j = a->nlist; i + 1 < j; i++, j--) {
            size_t t = a->list[i];
            a->list[i] = a->list[j - 1];
            a->list[j - 1] = t;
        }
    } else if (a->narrow.sort == SORT_FACTS) {
        sort_ctx(a->list, a->nlist, sizeof *a->list, most_facts, a); /* stable: newest first */
    }
}

/* The articles a filter part counts: those passing it alone. */
static size_t count_passing(const struct app *a, const struct narrow *only)
{
    struct app tmp = *a; /* narrow_passes reads only the corpus, index and narrow */
    tmp.narrow = *only;
    size_t n = 0;
    for (size_t i = 0; i < a->nknown; i++)
        n += narrow_passes(&tmp, i);
    return n;
}

size_t narrow_parts(const struct app *a, struct filter_part *out, size_t max)
{
    const struct narrow *n = &a->narrow;
    size_t k = 0;
    const int ents[] = {n->competition, n->national};
    static const char *const labels[] = {"competition", "national team"};
    for (size_t i = 0; i < 2 && k < max; i++)
        if (ents[i] >= 0)
            out[k++] = (struct filter_part){labels[i], a->ix->entities[ents[i]].name,
                                            (long)a->ix->entities[ents[i]].narticles, false};
    struct narrow one;
    narrow_init(&one);
    if (n->source && k < max) {
        one.source = n->source;
        one.source_media = n->source_media;
        out[k++] = (struct filter_part){"source", n->source, (long)count_passing(a, &one), false};
        one.source = NULL;
    }
    if (n->tag && k < max) {
        one.tag = n->tag;
        out[k++] = (struct filter_part){"tag", n->tag, (long)count_passing(a, &one), false};
    }
    if (n->dates != DATES_ALL && k < max)
        out[k++] = (struct filter_part){"dates", dates_names[n->dates], -1, false};
    if (n->sort != SORT_NEWEST && k < max)
        out[k++] = (struct filter_part){"sort", sort_names[n->sort], -1, false};
    return k;
}

/* Named rows with article counts, in the order first met (open_rows
 * hands them over most articles first, then by name). */
struct rows {
    char **names;
    size_t *counts;
    size_t n, cap, ccap;
};

static long row_find(const struct rows *r, const char *name)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcasecmp(r->names[i], name))
            return (long)i;
    return -1;
}

static size_t row_add(struct rows *r, const char *name)
{
    long i = row_find(r, name);
    if (i >= 0)
        return (size_t)i;
    r->names = xgrow(r->names, &r->cap, r->n + 1, sizeof *r->names);
    r->counts = xgrow(r->counts, &r->ccap, r->n + 1, sizeof *r->counts);
    r->names[r->n] = xstrdup(name);
    r->counts[r->n] = 0;
    return r->n++;
}

static int by_count(const void *pa, const void *pb, void *ctx)
{
    const struct rows *r = ctx;
    size_t ia = *(const size_t *)pa, ib = *(const size_t *)pb;
    if (r->counts[ia] != r->counts[ib])
        return r->counts[ia] > r->counts[ib] ? -1 : 1;
    return strcasecmp(r->names[ia], r->names[ib]);
}

/* Hands the rows (sorted) to the picker, starting on `current`. */
static void open_rows(struct app *a, struct rows *r, const char *what, const char *current,
                      void (*choose)(struct app *, long, const char *))
{
    size_t *order = xmalloc((r->n + 1) * sizeof *order);
    for (size_t i = 0; i < r->n; i++)
        order[i] = i;
    sort_ctx(order, r->n, sizeof *order, by_count, r);
    struct picker_choices c = {what,
                               xmalloc((r->n + 1) * sizeof(char *)),
                               xmalloc((r->n + 1) * sizeof(size_t)),
                               r->n,
                               -1,
                               true,
                               choose};
    for (size_t i = 0; i < r->n; i++) {
        c.names[i] = r->names[order[i]];
        c.counts[i] = r->counts[order[i]];
        if (current && !strcasecmp(c.names[i], current))
            c.current = (long)i;
    }
    free(order);
    free(r->names);
    free(r->counts);
    picker_open_choices(a, &c);
}

static void set_source(struct app *a, long row, const char *name)
{
    (void)row;
    free(a->narrow.source);
    a->narrow.source = name ? xstrdup(name) : NULL;
    a->narrow.source_media = name ? index_resolve(a->ix, name, ENTITY_MEDIA) : -1;
    filter_apply(a);
    if (name)
        app_message(a, false, "source %s: %zu articles listed", name, a->nlist);
    else
        app_message(a, false, "source filter off");
}

/* Sources: each article's feed or site name, and each media outlet cited. */
void narrow_pick_source(struct app *a)
{
    struct rows r = {0};
    size_t *last = NULL, lcap = 0, nlast = 0; /* per row, the last article counted + 1 */
    for (size_t i = 0; i < a->nknown; i++) {
        const char *src = article_source(a->c->articles[i]);
        const struct extraction *x = i < a->ix->narticles ? index_extraction(a->ix, i) : NULL;
        for (size_t e = 0; e <= (x ? x->nentities : 0); e++) {
            const char *name = e == 0 ? src : NULL;
            if (e > 0 && x->entities[e - 1].kind == ENTITY_MEDIA)
                name = x->entities[e - 1].name;
            if (!name || !*name)
                continue;
            size_t k = row_add(&r, name);
            if (k >= nlast) { /* a new row */
                last = xgrow(last, &lcap, k + 1, sizeof *last);
                last[k] = 0;
                nlast = k + 1;
            }
            if (last[k] != i + 1) { /* once per article */
                r.counts[k]++;
                last[k] = i + 1;
            }
        }
    }
    free(last);
    if (!r.n) {
        app_message(a, false, "no sources: the articles name none");
        free(r.names);
        free(r.counts);
        return;
    }
    open_rows(a, &r, "source", a->narrow.source, set_source);
}

static void set_tag(struct app *a, long row, const char *name)
{
    (void)row;
    free(a->narrow.tag);
    a->narrow.tag = name ? xstrdup(name) : NULL;
    filter_apply(a);
    if (name)
        app_message(a, false, "tag %s: %zu articles listed", name, a->nlist);
    else
        app_message(a, false, "tag filter off");
}

void narrow_pick_tag(struct app *a)
{
    struct rows r = {0};
    for (size_t i = 0; i < a->nknown; i++) {
        const struct article *ar = a->c->articles[i];
        for (size_t t = 0; t < ar->meta.ntags; t++) {
            bool again = false; /* a tag written twice counts once */
            for (size_t u = 0; u < t && !again; u++)
                again = !strcasecmp(ar->meta.tags[u], ar->meta.tags[t]);
            if (!again) {
                size_t k = row_add(&r, ar->meta.tags[t]); /* may move r.counts */
                r.counts[k]++;
            }
        }
    }
    if (!r.n) {
        app_message(a, false, "no tags: no article has front matter tags");
        return;
    }
    open_rows(a, &r, "tag", a->narrow.tag, set_tag);
}

/* The first day of a range, in local time: today minus 0, 6 or 29 days. */
static void range_start(enum narrow_dates d, char out[11])
{
    static const int back[DATES_COUNT] = {0, 0, 6, 29};
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    tm.tm_mday -= back[d];
    tm.tm_hour = 12;
    tm.tm_isdst = -1;
    mktime(&tm);
    if (!strftime(out, 11, "%Y-%m-%d", &tm))
        out[0] = '\0';
}

static void set_dates(struct app *a, long row, const char *name)
{
    (void)name;
    a->narrow.dates = row > 0 && row < DATES_COUNT ? (enum narrow_dates)row : DATES_ALL;
    range_start(a->narrow.dates, a->narrow.since);
    filter_apply(a);
    app_message(a, false, "%s: %zu articles listed", dates_names[a->narrow.dates], a->nlist);
}

void narrow_pick_dates(struct app *a)
{
    struct picker_choices c = {"dates",
                               xmalloc(DATES_COUNT * sizeof(char *)),
                               xmalloc(DATES_COUNT * sizeof(size_t)),
                               DATES_COUNT,
                               (long)a->narrow.dates,
                               false,
                               set_dates};
    struct narrow one;
    narrow_init(&one);
    for (int d = 0; d < DATES_COUNT; d++) {
        c.names[d] = xstrdup(dates_names[d]);
        one.dates = (enum narrow_dates)d;
        range_start(one.dates, one.since);
        c.counts[d] = count_passing(a, &one);
    }
    picker_open_choices(a, &c);
}

void narrow_cycle_sort(struct app *a)
{
    a->narrow.sort = (enum narrow_sort)((a->narrow.sort + 1) % SORT_COUNT);
    filter_apply(a);
    a->panes[PANE_LIST].pos.top = 0;
    app_select(a, 0);
    app_message(a, false, "sort: %s", sort_names[a->narrow.sort]);
}
