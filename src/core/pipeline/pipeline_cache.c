/* pipeline_cache: opening, filling and writing the cache around a load
 * (see pipeline_cache.h). The opener thread publishes the cache with one
 * atomic pointer; the writer thread owns it from pipeline_cache_finish on. */
#include "core/pipeline/pipeline_cache.h"
#include "core/cache/cache_image.h"
#include "core/base/xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A result taken while the cache was still opening. */
struct held {
    size_t article;
    size_t first_problem, nproblems; /* in the corpus */
    uint64_t size;
    int64_t mtime_ns;
};

/* A record stored with an article's body, whose text the article can
 * borrow once it is written out: where it will be in the file. */
struct lend {
    size_t article;
    uint64_t at;
};

struct pipeline_cache {
    char *dir;
    char **roots;
    size_t nroots;
    uint64_t key;
    struct cache *cache; /* written by the opener, read after `open` is seen */
    _Atomic(const struct cache *) open;
    atomic_bool opened; /* the opener is done (open may still be NULL) */
    pthread_t opener, writer;
    bool opener_running, writer_running;
    struct held *held;
    size_t nheld, hcap;
    struct lend *lends; /* in file order, from lend_head on */
    size_t nlends, lend_head, lcap;
    char *warning;
    struct index image; /* the stored index, read by the opener */
    bool has_image;     /* image holds it, not yet taken */
    /* What the writer does with the stored index, and the files for it. */
    enum pipeline_image_action image_action;
    const struct index_image_file *image_files;
    const struct index *image_index;
};

/* Set by tests: the opener waits while it is (a slow disk, or a cache
 * file too big to open before the workers start). */
static atomic_bool hold_opener;

void pipeline_cache_hold_opener(bool hold)
{
    atomic_store_explicit(&hold_opener, hold, memory_order_release);
}

static void *open_now(void *arg)
{
    struct pipeline_cache *pc = arg;
    struct timespec nap = {0, 1000 * 1000};
    while (atomic_load_explicit(&hold_opener, memory_order_acquire))
        nanosleep(&nap, NULL);
    pc->cache = cache_open(pc->dir, (const char *const *)pc->roots, pc->nroots, pc->key);
    /* The workers may begin with the cache while the stored index is
     * checked (pipeline_cache_wait_cache). */
    atomic_store_explicit(&pc->open, pc->cache, memory_order_release);
    pc->has_image =
        cache_count(pc->cache) && cache_image_open(cache_file(pc->cache), pc->key, &pc->image);
    atomic_store_explicit(&pc->opened, true, memory_order_release);
    return NULL;
}

struct pipeline_cache *pipeline_cache_start(const char *dir, char *const *roots, size_t nroots,
                                            uint64_t key)
{
    struct pipeline_cache *pc = xcalloc(1, sizeof *pc);
    pc->dir = xstrdup(dir);
    pc->roots = xcalloc(nroots ? nroots : 1, sizeof *pc->roots);
    for (size_t i = 0; i < nroots; i++)
        pc->roots[i] = xstrdup(roots[i]);
    pc->nroots = nroots;
    pc->key = key;
    atomic_init(&pc->open, NULL);
    atomic_init(&pc->opened, false);
    pc->opener_running = pthread_create(&pc->opener, NULL, open_now, pc) == 0;
    if (!pc->opener_running)
        open_now(pc);
    return pc;
}

static void join_opener(struct pipeline_cache *pc)
{
    if (pc->opener_running)
        pthread_join(pc->opener, NULL);
    pc->opener_running = false;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Waits until the opener is done, or (cache_only) has published the cache,
 * until the clock reads end_ms. */
static void wait_until(struct pipeline_cache *pc, double end_ms, bool cache_only)
{
    struct timespec nap = {0, 200 * 1000};
    while (pc && !atomic_load_explicit(&pc->opened, memory_order_acquire) &&
           !(cache_only && atomic_load_explicit(&pc->open, memory_order_acquire))) {
        if (now_ms() >= end_ms)
            return; /* a slow disk: the workers start without it */
        nanosleep(&nap, NULL);
    }
}

double pipeline_cache_wait_cache(struct pipeline_cache *pc, double max_ms)
{
    double end = now_ms() + max_ms;
    wait_until(pc, end, true);
    return end;
}

void pipeline_cache_wait_until(struct pipeline_cache *pc, double end_ms)
{
    wait_until(pc, end_ms, false);
}

void pipeline_cache_wait(struct pipeline_cache *pc, double max_ms)
{
    wait_until(pc, now_ms() + max_ms, false);
}

const struct cache *pipeline_cache_ready(const struct pipeline_cache *pc)
{
    return pc ? atomic_load_explicit(&pc->open, memory_order_acquire) : NULL;
}

bool pipeline_cache_image(struct pipeline_cache *pc, struct index *out)
{
    if (!pc || !atomic_load_explicit(&pc->opened, memory_order_acquire) || !pc->has_image)
        return false;
    *out = pc->image;
    memset(&pc->image, 0, sizeof pc->image);
    pc->has_image = false;
    return true;
}

/* Stores an article with what loading it gave (a view: the corpus owns
 * the article and problems). */
static void store(struct pipeline_cache *pc, const struct index *ix, const struct held *h,
                  const struct extraction *x)
{
    struct loaded view = {
        .article = ix->corpus->articles[h->article], .size = h->size, .mtime_ns = h->mtime_ns};
    size_t room = sizeof view.problems / sizeof *view.problems;
    for (size_t i = 0; i < h->nproblems && i < room; i++)
        view.problems[i] = ix->corpus->problems[h->first_problem + i];
    view.nproblems = h->nproblems; /* more than fit: not stored with the article */
    cache_store_loaded(pc->cache, view.article->path, h->size, h->mtime_ns, x,
                       h->nproblems <= room ? &view : NULL);
}

/* Stores what was held back, now that the cache is open. */
static void store_held(struct pipeline_cache *pc, const struct index *ix)
{
    for (size_t i = 0; i < pc->nheld; i++)
        store(pc, ix, &pc->held[i], &ix->x[pc->held[i].article]);
    pc->nheld = 0;
}

/* Notes that an article's text will be at `at` in the file (0: never). */
static void note_lend(struct pipeline_cache *pc, size_t article, uint64_t at)
{
    if (!at)
        return;
    pc->lends = xgrow(pc->lends, &pc->lcap, pc->nlends + 1, sizeof *pc->lends);
    pc->lends[pc->nlends++] = (struct lend){article, at};
}

void pipeline_cache_take(struct pipeline_cache *pc, const struct index *ix, size_t article,
                         size_t first_problem, size_t nproblems, uint64_t size, int64_t mtime_ns,
                         const struct extraction *x, const struct pipeline_cache_work *w)
{
    if (!pc)
        return;
    struct held h = {article, first_problem, nproblems, size, mtime_ns};
    if (!pipeline_cache_ready(pc)) {
        pc->held = xgrow(pc->held, &pc->hcap, pc->nheld + 1, sizeof *pc->held);
        pc->held[pc->nheld++] = h;
        return;
    }
    store_held(pc, ix);
    const char *path = ix->corpus->articles[article]->path;
    if (w->cached && w->found)
        cache_keep_found(pc->cache, w->found);
    else if (w->cached)
        cache_keep(pc->cache, path, size, mtime_ns);
    else if (w->record.len)
        note_lend(pc, article,
                  cache_store_encoded(pc->cache, path, size, mtime_ns, w->record.data,
                                      w->record.len, w->text_at));
    else
        store(pc, ix, &h, x);
}

void pipeline_cache_lend(struct pipeline_cache *pc, struct corpus *corpus)
{
    if (!pc || pc->lend_head == pc->nlends)
        return;
    for (; pc->lend_head < pc->nlends; pc->lend_head++) {
        const struct lend *ln = &pc->lends[pc->lend_head];
        struct article *a = corpus->articles[ln->article];
        if (a->body_borrowed)
            continue;
        bool later;
        const char *text = cache_lend(pc->cache, ln->at, a->body, a->body_len, &later);
        if (!text && later)
            break; /* not written yet, and nor are the ones after it */
        if (!text)
            continue; /* never: this article keeps its copy */
        free(a->body);
        a->body = (char *)text; /* never written through: the mapping is read-only */
        a->body_borrowed = true;
    }
    cache_lend_done(pc->cache);
    if (pc->lend_head == pc->nlends)
        pc->lend_head = pc->nlends = 0;
}

static void *write_now(void *arg)
{
    struct pipeline_cache *pc = arg;
    struct tl_error err;
    bool ok = cache_save(pc->cache, &err);
    if (ok && pc->image_action == PIPELINE_IMAGE_WRITE)
        ok = cache_image_save(cache_file(pc->cache), pc->image_index, pc->image_files, pc->key,
                              &err);
    else if (pc->image_action == PIPELINE_IMAGE_REMOVE)
        cache_image_remove(cache_file(pc->cache));
    if (!ok)
        pc->warning = xstrdup(err.msg);
    /* Its tables are not needed any more; its mapping is, until
     * pipeline_cache_free: the articles' bodies point into it. */
    cache_trim(pc->cache);
    return NULL;
}

void pipeline_cache_finish(struct pipeline_cache *pc, const struct index *ix, bool background,
                           enum pipeline_image_action image, const struct index_image_file *files)
{
    if (!pc)
        return;
    join_opener(pc);
    store_held(pc, ix);
    pc->nlends = pc->lend_head = pc->lcap = 0; /* the writer owns the cache from here */
    free(pc->lends);
    pc->lends = NULL;
    pc->image_action = image;
    pc->image_files = files;
    pc->image_index = ix;
    if (background && pthread_create(&pc->writer, NULL, write_now, pc) == 0)
        pc->writer_running = true;
    else
        write_now(pc);
}

const char *pipeline_cache_warning(struct pipeline_cache *pc)
{
    if (!pc)
        return NULL;
    if (pc->writer_running)
        pthread_join(pc->writer, NULL);
    pc->writer_running = false;
    return pc->warning;
}

void pipeline_cache_free(struct pipeline_cache *pc)
{
    if (!pc)
        return;
    join_opener(pc);
    pipeline_cache_warning(pc);
    if (pc->has_image)
        index_free(&pc->image);
    cache_free(pc->cache);
    for (size_t i = 0; i < pc->nroots; i++)
        free(pc->roots[i]);
    free(pc->roots);
    free(pc->dir);
    free(pc->held);
    free(pc->lends);
    free(pc->warning);
    free(pc);
}
