/* news: the facts about followed entities since a time (see news.h). */
#include "core/state/news.h"
#include "core/base/timestamp.h"
#include "core/base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Local midnight of a YYYY-MM-DD date. */
static time_t day_start(const char *date)
{
    time_t t;
    return timestamp_parse(date, &t, NULL) ? t : 0;
}

time_t news_article_time(const struct article *a)
{
    time_t t;
    bool timed;
    if (!a->date_from_mtime && a->meta.date && timestamp_parse(a->meta.date, &t, &timed) && timed)
        return t;
    struct stat st;
    time_t mtime = stat(a->path, &st) == 0 ? st.st_mtime : 0;
    if (a->date_from_mtime && mtime)
        return mtime;
    time_t start = day_start(a->date);
    struct tm tm;
    localtime_r(&start, &tm);
    tm.tm_mday++;
    tm.tm_isdst = -1;
    time_t end = mktime(&tm) - 1; /* the last second of the day */
    return mtime < start ? start : mtime > end ? end : mtime;
}

int news_followed_entity(const struct index *ix, const struct state_followed *f)
{
    int g = index_find(ix, f->id);
    return g >= 0 ? g : index_resolve(ix, f->name, (int)f->kind);
}

bool news_fact_about(const struct index *ix, size_t article, const struct fact *f, int g)
{
    int refs[] = {f->subject, f->from, f->to, f->club, f->team};
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
        if (refs[i] >= 0 && index_global(ix, article, (size_t)refs[i]) == g)
            return true;
    return false;
}

static int newest_item_first(const void *pa, const void *pb)
{
    const struct news_item *a = pa, *b = pb;
    if (a->when != b->when)
        return a->when > b->when ? -1 : 1;
    if (a->article != b->article)
        return a->article < b->article ? -1 : 1;
    return a->fact < b->fact ? -1 : a->fact > b->fact;
}

static int newest_group_first(const void *pa, const void *pb)
{
    const struct news_group *a = pa, *b = pb;
    if (a->items[0].when != b->items[0].when)
        return a->items[0].when > b->items[0].when ? -1 : 1;
    return a->followed < b->followed ? -1 : a->followed > b->followed;
}

/* The facts about entity g in its articles at or after `since`. `times`
 * caches each article's time (INT64_MIN: not computed yet). */
static void collect(const struct index *ix, int g, time_t since, int64_t *times,
                    struct news_group *out)
{
    const struct index_entity *e = &ix->entities[g];
    size_t cap = 0;
    for (size_t i = 0; i < e->narticles; i++) {
        size_t art = e->articles[i];
        if (art >= ix->narticles)
            continue;
        if (times[art] == INT64_MIN)
            times[art] = news_article_time(ix->corpus->articles[art]);
        if (times[art] < since)
            continue;
        const struct extraction *x = index_extraction(ix, art);
        for (size_t f = 0; f < x->nfacts; f++)
            if (news_fact_about(ix, art, &x->facts[f], g)) {
                out->items = xgrow(out->items, &cap, out->nitems + 1, sizeof *out->items);
                out->items[out->nitems++] = (struct news_item){art, f, (time_t)times[art]};
            }
    }
    if (out->nitems > 1)
        qsort(out->items, out->nitems, sizeof *out->items, newest_item_first);
}

void news_query(const struct index *ix, const struct state *st, time_t since, struct news *out)
{
    memset(out, 0, sizeof *out);
    size_t nf = state_nfollowed(st);
    out->groups = xcalloc(nf + 1, sizeof *out->groups);
    int64_t *times = xmalloc((ix->narticles + 1) * sizeof *times);
    for (size_t i = 0; i < ix->narticles; i++)
        times[i] = INT64_MIN;
    for (size_t i = 0; i < nf; i++) {
        int g = news_followed_entity(ix, state_followed_at(st, i));
        bool seen = false; /* two followed names may be one entity now */
        for (size_t k = 0; k < out->ngroups && !seen; k++)
            seen = out->groups[k].entity == g;
        if (g < 0 || seen)
            continue;
        struct news_group *grp = &out->groups[out->ngroups];
        *grp = (struct news_group){.followed = i, .entity = g};
        collect(ix, g, since, times, grp);
        if (grp->nitems) {
            out->ngroups++;
            out->nitems += grp->nitems;
        } else {
            free(grp->items);
        }
    }
    qsort(out->groups, out->ngroups, sizeof *out->groups, newest_group_first);
    bool *counted = xcalloc(ix->narticles + 1, sizeof *counted);
    for (size_t k = 0; k < out->ngroups; k++)
        for (size_t j = 0; j < out->groups[k].nitems; j++) {
            size_t art = out->groups[k].items[j].article;
            out->narticles += !counted[art];
            counted[art] = true;
        }
    free(counted);
    free(times);
}

void news_free(struct news *n)
{
    for (size_t k = 0; k < n->ngroups; k++)
        free(n->groups[k].items);
    free(n->groups);
    memset(n, 0, sizeof *n);
}
