/* loading: the reader's side of the background load. Between keys the loop
 * takes what the workers have finished (for a few milliseconds at most, so
 * a key never waits) and folds the new articles into the per-article arrays,
 * the date order, the search matches and the list; the status line shows a
 * count and a bar until the index is complete. */
#include "ui/app.h"
#include "ui/loading.h"
#include "ui/filter.h"
#include "ui/following.h"
#include "ui/reading.h"
#include "ui/theming.h"
#include "core/base/sort.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Results taken per pipeline_take call between clock checks. */
enum { TAKE_BATCH = 64 };
/* While loading, the screen is repainted for new articles this often. */
#define REPAINT_MS 200.0
/* While loading, new articles are folded in once they are this fraction
 * of those already folded (1/FOLD_SHARE), or a repaint is due. */
enum { FOLD_SHARE = 8 };

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Club count and money marker of one article, for the list (from the
 * cache record, on a warm start: its extraction is not decoded for this). */
static void summarise(struct app *a, size_t i)
{
    struct article_marks m = pipeline_marks(a->pl, i);
    a->nclubs[i] = m.nclubs;
    a->money[i] = m.money;
}

static void grow_arrays(struct app *a, size_t n)
{
    if (n <= a->ncap)
        return;
    size_t cap = a->ncap;
    a->order = xgrow(a->order, &cap, n, sizeof *a->order);
    cap = a->ncap;
    a->rank = xgrow(a->rank, &cap, n, sizeof *a->rank);
    cap = a->ncap;
    a->list = xgrow(a->list, &cap, n, sizeof *a->list);
    cap = a->ncap;
    a->pos_of = xgrow(a->pos_of, &cap, n, sizeof *a->pos_of);
    cap = a->ncap;
    a->date_key = xgrow(a->date_key, &cap, n, sizeof *a->date_key);
    cap = a->ncap;
    a->nclubs = xgrow(a->nclubs, &cap, n, sizeof *a->nclubs);
    a->money = xgrow(a->money, &a->ncap, n, sizeof *a->money);
}

/* corpus_compare_by_date on the keys: newer first, then by path. */
static int compare_keyed(const struct app *a, size_t i, size_t j)
{
    int d = corpus_date_key_cmp(a->date_key[j], a->date_key[i]);
    return d ? d : strcmp(a->c->articles[i]->path, a->c->articles[j]->path);
}

static int compare_fresh(const void *pa, const void *pb, void *ctx)
{
    return compare_keyed(ctx, *(const size_t *)pa, *(const size_t *)pb);
}

/* Merges the new articles old..n-1 into the date order: sorts them, then
 * merges from the back, in place (both compare the keys: no date behind a
 * pointer per step). */
static void merge_order(struct app *a, size_t old, size_t n)
{
    size_t *fresh = xmalloc((n - old) * sizeof *fresh);
    for (size_t i = old; i < n; i++)
        fresh[i - old] = i;
    sort_ctx(fresh, n - old, sizeof *fresh, compare_fresh, a);
    size_t i = old, j = n - old, k = n;
    while (j > 0) {
        if (i > 0 && compare_keyed(a, a->order[i - 1], fresh[j - 1]) > 0)
            a->order[--k] = a->order[--i];
        else
            a->order[--k] = fresh[--j];
    }
    free(fresh);
    for (size_t r = 0; r < n; r++)
        a->rank[a->order[r]] = r;
}

/* The leading articles listed whose extraction is known (pipeline.h):
 * with the stored index, before the index has them. */
static size_t known_listed(const struct app *a)
{
    size_t known = pipeline_extractions_known(a->pl);
    return known < a->nknown ? known : a->nknown;
}

/* Extractions known or landed since the last fold: the list's marks fill
 * in as each extraction is known (with the stored index, as it is
 * attached, not all at once when it becomes the index), and the open
 * article's once it is known (opened bare, before it was attached) and
 * again once it lands. */
static void fold_landed(struct app *a)
{
    size_t known = known_listed(a);
    for (size_t i = a->nsummarised; i < known; i++)
        summarise(a, i);
    a->nsummarised = known;
    size_t old = a->nlanded, n = a->ix->narticles < a->nknown ? a->ix->narticles : a->nknown;
    a->nlanded = n;
    long open = a->open.article;
    if ((open >= (long)old && open < (long)n) ||
        (open >= 0 && a->open.bare && app_extraction_state(a, (size_t)open) != EXTRACTION_PENDING))
        reader_refresh_marks(a);
}

bool loading_fold(struct app *a)
{
    size_t old = a->nknown, n = a->c->narticles;
    if (n == old && a->nlanded == a->ix->narticles && a->nsummarised == known_listed(a))
        return false;
    if (n > old) {
        grow_arrays(a, n);
        for (size_t i = old; i < n; i++) {
            a->pos_of[i] = -1;
            a->date_key[i] = corpus_date_key(a->c->articles[i]->date);
            a->nclubs[i] = 0; /* fold_landed summarises it once its extraction is known */
            a->money[i] = false;
        }
        merge_order(a, old, n);
        if (a->search)
            search_run_range(a->search, a->c, old, n, &a->hits);
        a->nknown = n;
        reading_fold(a);
    }
    fold_landed(a);
    filter_refresh(a);
    return true;
}

/* Whether a fold can wait while loading: a fold costs the whole list (the
 * date order's merge, the filters) however few articles are new, so it
 * waits for a repaint to be due or for the new articles to be a
 * FOLD_SHARE-th of those folded (the fold when the load completes then has
 * few to sort, and the folds cost a few times the list in all). */
static bool fold_can_wait(const struct app *a, bool due)
{
    return !due && a->nlist && (a->c->narticles - a->nknown) * FOLD_SHARE < a->nknown;
}

/* Folds what was just taken into the app and marks what to repaint:
 * everything once the load is complete, else at most every REPAINT_MS.
 * True when anything was new. */
static bool settle(struct app *a)
{
    /* Repaint at most every REPAINT_MS while loading: the workers need the
     * cores more than the screen needs 30 frames a second. */
    static double last_paint;
    bool loading = pipeline_loading(a->pl);
    bool due = now_ms() - last_paint >= REPAINT_MS;
    if (loading && fold_can_wait(a, due))
        return false;
    unsigned before = a->dirty;
    bool changed = loading_fold(a);
    if (!loading) {
        if (!a->msg[0])
            loading_announce(a);
        a->dirty |= DIRTY_ALL & ~DIRTY_LAYOUT;
    } else if (a->nlist && !due) {
        a->dirty = before; /* the fold's repaint waits for the next round */
        a->fold_pending = true;
    } else if (changed || a->fold_pending) {
        a->dirty |= DIRTY_ALL & ~DIRTY_LAYOUT;
        a->fold_pending = false;
        last_paint = now_ms();
    }
    return changed;
}

bool loading_tick(struct app *a, double budget_ms)
{
    a->backlog = false;
    if (!pipeline_loading(a->pl))
        return false;
    double end = now_ms() + budget_ms;
    size_t taken = 0, got;
    /* A search running on its own thread reads the articles' bodies. */
    pipeline_hold_text(a->pl, filter_searching(a));
    do {
        got = pipeline_take(a->pl, TAKE_BATCH);
        taken += got;
    } while (got && pipeline_loading(a->pl) && now_ms() < end);
    /* A full last batch: more are probably waiting, so the loop should come
     * back at once rather than after its idle interval. */
    a->backlog = got == TAKE_BATCH && pipeline_loading(a->pl);
    return settle(a) || taken > 0;
}

void loading_first_screen(struct app *a, double max_wait_ms)
{
    int rows = app_pane_rows(&a->panes[PANE_LIST]);
    size_t screenful = rows > 0 ? (size_t)rows : 1;
    double end = now_ms() + max_wait_ms;
    /* a short nap: the screen waits on the workers here, and a long one
     * would add half its length to the first screen on average. Not a
     * poll on pipeline_wake_fd: that is written once every article is
     * done, not per result. 500 us cost the same CPU within noise (perf
     * stat task-clock, cold, 20 alternated runs: 1k 296 vs 299 ms, 10k
     * 2702 vs 2709 ms medians; context switches per 1k run alike, 260
     * to 420 for either). */
    struct timespec nap = {0, 100 * 1000};
    /* Articles are taken as they load, titles and dates only (their
     * extractions, even those already done, as in a warm start, go into
     * the index after the first screen), but folded once, when a
     * screenful is in: each fold redoes the date order, the filters and
     * the reading marks, and the workers need the cores while the screen
     * waits. */
    while (pipeline_loading(a->pl)) {
        /* no more than the screen lacks: a warm start's workers may have
         * loaded thousands, which come in later with their extractions */
        if (a->c->narticles < screenful)
            pipeline_take_articles(a->pl, screenful - a->c->narticles);
        if (a->c->narticles >= screenful || now_ms() >= end) /* a screenful, or a slow disk */
            break;
        /* the workers are behind: load the next article here rather
         * than wait (its extraction stays theirs) */
        if (pipeline_load_ahead(a->pl))
            continue;
        /* none to load here: take one finished result (into the index, on
         * this thread: one at a time, so that titles loaded meanwhile come
         * first), which also ends a load smaller than a screenful */
        if (!pipeline_take(a->pl, 1))
            nanosleep(&nap, NULL);
    }
    settle(a);
}

/* "1,234,567" */
static void put_count(struct buf *out, size_t n)
{
    char digits[32];
    int len = snprintf(digits, sizeof digits, "%zu", n);
    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            buf_putc(out, ',');
        buf_putc(out, digits[i]);
    }
}

void loading_describe(const struct app *a, struct buf *out)
{
    if (filter_searching(a))
        buf_printf(out, "searching /%s/\xe2\x80\xa6%s", search_pattern(a->pending),
                   pipeline_loading(a->pl) ? " \xc2\xb7 " : "");
    if (!pipeline_loading(a->pl))
        return;
    size_t taken, total;
    pipeline_progress(a->pl, &taken, &total);
    enum { BAR = 12 };
    size_t fill = total ? taken * BAR / total : 0;
    buf_puts(out, "loading ");
    put_count(out, taken);
    buf_puts(out, " of ");
    put_count(out, total);
    buf_puts(out, " [");
    for (size_t i = 0; i < BAR; i++)
        buf_puts(out, i < fill ? "\xe2\x96\x88" : "\xc2\xb7"); /* full block, middle dot */
    buf_puts(out, "]");
}

void loading_announce(struct app *a)
{
    const struct corpus *c = &a->pl->corpus;
    size_t problems = 0;
    for (size_t i = 0; i < c->nproblems; i++)
        problems += !c->problems[i].warning;
    int key;
    char name[24] = "the problems request";
    if (keys_of(REQ_PROBLEMS, &key, 1))
        keys_name(key, name, sizeof name);
    struct buf news;
    buf_init(&news);
    following_summary(a, &news);
    const char *sep = news.len ? " \xc2\xb7 " : "";
    const struct reading *r = a->reading;
    if (problems)
        app_message(a, true, "%zu file%s could not be read: %s lists them%s%s", problems,
                    problems == 1 ? "" : "s", name, sep, news.data);
    else if (r && r->warning)
        app_message(a, true, "reading state: %s%s%s%s", r->warning,
                    r->nwarnings > 1 ? " (and more)" : "", sep, news.data);
    else if (news.len)
        app_message(a, false, "%s", news.data);
    else
        app_message(a, false, "%zu articles%s \xc2\xb7 theme %s", c->narticles,
                    a->samples ? " (bundled samples)" : "", theming_name());
    buf_free(&news);
}
