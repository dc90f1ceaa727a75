/* fetching: the reader's background fetch (see fetching.h). The fetch
 * thread and the loop share one mutex-guarded record: feeds done, new
 * article paths, failures, and whether the run ended. */
#include "ui/fetching.h"
#include "ui/app.h"
#include "core/base/xalloc.h"
#include "core/config/config.h"
#include "core/fetch/feed_state.h"
#include "core/fetch/fetch.h"
#include "core/load/sanitize.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

struct fetching {
    /* Set up once, read-only while the thread runs. */
    struct subs subs;
    struct buf feeds_dir, state_dir;
    long timeout_s;
    char setup_error[1100]; /* why `R` cannot fetch, or "" */
    /* The run. */
    pthread_t thread;
    bool running; /* loop's thread only: a thread was started and not joined */
    atomic_bool cancel;
    pthread_mutex_t lock;
    /* Under the lock. */
    bool ended;
    size_t done, failed, added, updated;
    char first_error[1400];
    char **paths; /* new articles not handed to the pipeline yet */
    size_t npaths, cap;
};

struct fetching *fetching_new(const struct config *cfg)
{
    struct fetching *f = xcalloc(1, sizeof *f);
    subs_init(&f->subs);
    buf_init(&f->feeds_dir);
    buf_init(&f->state_dir);
    pthread_mutex_init(&f->lock, NULL);
    atomic_init(&f->cancel, false);
    f->timeout_s = cfg->fetch_timeout;
    struct buf warnings;
    buf_init(&warnings);
    struct tl_error err;
    if (!config_feed_subs(cfg, &f->subs, &warnings, &err))
        snprintf(f->setup_error, sizeof f->setup_error, "%s", err.msg);
    else if (!f->subs.n)
        snprintf(f->setup_error, sizeof f->setup_error,
                 "no feeds to fetch: list them under 'feeds:' in the config");
    else if (!config_feeds_dir(cfg, &f->feeds_dir) || !feed_state_default_dir(&f->state_dir))
        snprintf(f->setup_error, sizeof f->setup_error,
                 "cannot fetch: set HOME (or feeds_dir and XDG_STATE_HOME)");
    buf_free(&warnings);
    return f;
}

static void clear_paths(struct fetching *f)
{
    for (size_t i = 0; i < f->npaths; i++)
        free(f->paths[i]);
    f->npaths = 0;
}

void fetching_free(struct fetching *f)
{
    if (!f)
        return;
    if (f->running) {
        atomic_store(&f->cancel, true);
        pthread_join(f->thread, NULL);
    }
    clear_paths(f);
    free(f->paths);
    subs_free(&f->subs);
    buf_free(&f->feeds_dir);
    buf_free(&f->state_dir);
    pthread_mutex_destroy(&f->lock);
    free(f);
}

/* On the fetch thread, as each feed ends. */
static void on_feed(void *ctx, const struct fetch_report *r)
{
    struct fetching *f = ctx;
    pthread_mutex_lock(&f->lock);
    f->done++;
    f->added += r->added;
    f->updated += r->updated;
    if (!r->ok && !f->failed++)
        snprintf(f->first_error, sizeof f->first_error, "%s: %s", r->url, r->error);
    f->paths = xgrow(f->paths, &f->cap, f->npaths + r->nnew, sizeof *f->paths);
    for (size_t i = 0; i < r->nnew; i++)
        f->paths[f->npaths++] = xstrdup(r->new_paths[i]);
    pthread_mutex_unlock(&f->lock);
}

static void *run(void *arg)
{
    struct fetching *f = arg;
    struct fetch_options o = {&f->subs, f->feeds_dir.data, f->state_dir.data, f->timeout_s, on_feed,
                              f,        &f->cancel};
    struct fetch_totals t;
    fetch_run(&o, &t);
    pthread_mutex_lock(&f->lock);
    f->ended = true;
    pthread_mutex_unlock(&f->lock);
    return NULL;
}

void fetching_start(struct app *a)
{
    struct fetching *f = a->fetching;
    if (!f)
        return;
    if (f->setup_error[0]) {
        app_message(a, true, "%s", f->setup_error);
        return;
    }
    if (f->running) {
        app_message(a, false, "already fetching");
        return;
    }
    f->ended = false;
    f->done = f->failed = f->added = f->updated = 0;
    f->first_error[0] = '\0';
    atomic_store(&f->cancel, false);
    if (pthread_create(&f->thread, NULL, run, f) != 0) {
        app_message(a, true, "cannot start a thread to fetch");
        return;
    }
    f->running = true;
    a->dirty |= DIRTY_STATUS;
}

/* Hands the paths fetched so far to the pipeline, once its load is taken. */
static void hand_over(struct app *a, struct fetching *f)
{
    if (pipeline_loading(a->pl))
        return;
    pthread_mutex_lock(&f->lock);
    char **paths = f->paths;
    size_t n = f->npaths;
    f->paths = NULL;
    f->npaths = f->cap = 0;
    pthread_mutex_unlock(&f->lock);
    struct tl_error err;
    if (n && !pipeline_append(a->pl, paths, n, &err))
        app_message(a, true, "%s", err.msg);
    for (size_t i = 0; i < n; i++)
        free(paths[i]);
    free(paths);
}

/* The run ended: its thread joined and a message given. */
static void finish(struct app *a, struct fetching *f)
{
    pthread_join(f->thread, NULL);
    f->running = false;
    struct buf msg, clean;
    buf_init(&msg);
    buf_init(&clean);
    buf_printf(&msg, "fetched %zu feed%s: %zu new, %zu updated", f->done, f->done == 1 ? "" : "s",
               f->added, f->updated);
    if (f->failed)
        buf_printf(&msg, "; %zu failed (%s)", f->failed, f->first_error);
    sanitize_text(msg.data, msg.len, &clean, NULL); /* server text reaches no terminal raw */
    app_message(a, f->failed > 0, "%s", clean.data);
    buf_free(&msg);
    buf_free(&clean);
    a->dirty |= DIRTY_STATUS;
}

void fetching_tick(struct app *a)
{
    struct fetching *f = a->fetching;
    if (!f || (!f->running && !f->npaths))
        return;
    bool ended = false;
    size_t done = 0;
    pthread_mutex_lock(&f->lock);
    ended = f->ended;
    done = f->done;
    pthread_mutex_unlock(&f->lock);
    hand_over(a, f);
    static size_t shown = SIZE_MAX;
    if (done != shown) {
        shown = done;
        a->dirty |= DIRTY_STATUS;
    }
    if (f->running && ended)
        finish(a, f);
}

bool fetching_busy(const struct app *a)
{
    const struct fetching *f = a->fetching;
    return f && (f->running || f->npaths);
}

void fetching_describe(const struct app *a, struct buf *out)
{
    struct fetching *f = a->fetching;
    if (!f || !f->running)
        return;
    pthread_mutex_lock(&f->lock);
    size_t done = f->done, total = f->subs.n, added = f->added;
    pthread_mutex_unlock(&f->lock);
    enum { BAR = 12 };
    size_t fill = total ? done * BAR / total : 0;
    buf_printf(out, "fetching %zu of %zu feeds [", done, total);
    for (size_t i = 0; i < BAR; i++)
        buf_puts(out, i < fill ? "\xe2\x96\x88" : "\xc2\xb7");
    buf_printf(out, "] %zu new", added);
}
