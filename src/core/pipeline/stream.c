/* stream: worker threads over the scanned entries (see stream.h). */
#include "core/pipeline/stream.h"
#include "core/pipeline/slot_pages.h"
#include "core/base/fdio.h"
#include "core/base/xalloc.h"
#include "core/load/entry_stat.h"

#include <malloc.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* One entry's result. Only the worker that claimed the entry writes it:
 * `loaded` until it sets `loaded_flag`, then x and cache until it sets
 * `done` (both release); the caller reads each part after seeing its flag
 * (acquire), so the flags are the only thing they share. */
struct slot {
    struct loaded loaded;
    struct extraction x;
    struct pipeline_cache_work cache;
    bool fits_article; /* with check_fit: extraction_fits_article of x, written with x */
    atomic_bool loaded_flag, done;
    bool handed; /* caller's thread only: loaded went out with stream_next_loaded */
};

struct stream {
    struct scan scan;
    struct entry_stat stat_at; /* the scanned files' folders, opened as the workers need them */
    struct slot *slots;
    struct slot_pages pages; /* where the slots are */
    struct stream_setup setup;
    atomic_size_t next; /* the next entry to claim */
    atomic_bool stop;
    atomic_bool draining; /* stream_drain waits for the workers: none is held */
    atomic_bool later;    /* stream_keep_later */
    atomic_size_t ndone;  /* entries done */
    int wake[2];          /* a pipe written once every entry is done, or -1 */
    size_t taken;         /* caller's thread only */
    size_t ltaken;        /* caller's thread only: entries whose loaded part went out */
    pthread_t *tids;
    size_t started, want; /* workers started, and to start in all */
    bool joined;
    size_t hold_at;    /* hold_at_from_env: SIZE_MAX for none */
    struct lent *lent; /* the lead's entries the caller loads (stream_load_ahead) */
};

/* Entries of the lead that the caller's thread loaded (stream_load_ahead)
 * and a worker extracts. The caller claims an entry below `end` only, and
 * counts itself in `loading` from before its claim until its copy and flag
 * are out; once every entry below `end` is claimed, a worker that waits
 * for `loading` to reach 0 sees every such entry (seq_cst). A worker takes
 * one by clearing its flag, so each is extracted once. */
struct lent {
    size_t end; /* the lead, the scan and the test hook's hold, whichever is least */
    atomic_int loading;
    atomic_size_t waiting; /* flags set and not cleared yet */
    atomic_bool ready[STREAM_MAX_LEAD];
    struct loaded l[STREAM_MAX_LEAD]; /* the caller's copy, as load_one gives it */
};

/* What a worker learns of an extraction it leaves in its record. */
struct glance {
    bool check_fit;
    struct slot *slot;
};

static void glance(void *ctx, const struct cache_codec_glance *x, const struct loaded *l)
{
    const struct glance *g = ctx;
    struct pipeline_cache_work *w = &g->slot->cache;
    w->nentities = x->nentities;
    w->nmentions = x->nmentions;
    w->marks = article_marks_make(x->nclubs, x->money);
    if (g->check_fit)
        g->slot->fits_article =
            cache_codec_glance_fits(x, strlen(l->article->title), l->article->body_len);
}

/* A file whose size and mtime (its stat) match a cache record that holds
 * its article: the article and extraction come from the cache, and the file
 * is neither read nor parsed. Lines of sfeed files are always loaded. */
static bool load_cached(struct stream *s, const struct cache *c, size_t i, struct slot *slot)
{
    const struct scan_entry *e = &s->scan.v[i];
    struct stat st;
    if (!c || e->sfeed || entry_stat(&s->stat_at, &s->scan, e, &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    int64_t mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    struct pipeline_cache_work *w = &slot->cache;
    if (i >= s->setup.later_from && atomic_load_explicit(&s->later, memory_order_relaxed)) {
        struct glance g = {s->setup.check_fit, slot};
        w->later = cache_lookup_visit(c, e->path, (uint64_t)st.st_size, mtime_ns, &slot->loaded,
                                      glance, &g, &w->found, &w->at);
        return w->later;
    }
    return cache_lookup_found(c, e->path, (uint64_t)st.st_size, mtime_ns, &slot->loaded, &slot->x,
                              &w->found);
}

static void publish(atomic_bool *flag)
{
    atomic_store_explicit(flag, true, memory_order_release);
}

/* Makes the wake pipe readable (it stays so until stream_free). */
static void wake(struct stream *s)
{
    if (s->wake[1] >= 0)
        (void)fd_write_all(s->wake[1], "", 1); /* full: already readable */
}

/* Publishes entry i's result; the last one wakes the caller. */
static void publish_done(struct stream *s, struct slot *slot)
{
    publish(&slot->done);
    if (atomic_fetch_add_explicit(&s->ndone, 1, memory_order_acq_rel) + 1 == s->scan.n)
        wake(s);
}

/* With check_fit, notes whether the slot's extraction fits its article. */
static void note_fit(const struct stream *s, struct slot *slot, const struct article *a)
{
    if (s->setup.check_fit)
        slot->fits_article = extraction_fits_article(&slot->x, strlen(a->title), a->body_len);
}

/* Loads entry i: a problem, a cache hit (article and extraction at once)
 * or a file read and parsed. True when the article still needs its
 * extraction: *l is then the worker's copy of what the slot holds (the
 * caller may take the slot's from now on; the worker reads only the copy). */
static bool load_one(struct stream *s, size_t i, struct loaded *l)
{
    const struct scan_entry *e = &s->scan.v[i];
    struct slot *slot = &s->slots[i];
    const struct cache *c = pipeline_cache_ready(s->setup.pcache);
    bool pending = false;
    if (!e->problem && load_cached(s, c, i, slot)) {
        slot->cache.cached = true;
        extraction_pack(&slot->x);
        if (!slot->cache.later)
            note_fit(s, slot, slot->loaded.article);
    } else if (!e->problem) {
        corpus_load_entry(e, s->setup.bp, s->setup.max_file_size, &slot->loaded);
        pending = slot->loaded.article != NULL;
        *l = slot->loaded;
    }
    publish(&slot->loaded_flag);
    if (!pending)
        publish_done(s, slot);
    return pending;
}

/* Extracts a loaded article (the cache may have opened since it was
 * looked up); with the cache open, encodes its record here, so that the
 * caller only appends it. */
static void extract_one(struct stream *s, size_t i, const struct loaded *l)
{
    struct slot *slot = &s->slots[i];
    const struct cache *c = pipeline_cache_ready(s->setup.pcache);
    struct pipeline_cache_work *w = &slot->cache;
    w->cached = c && cache_lookup_found(c, s->scan.v[i].path, l->size, l->mtime_ns, NULL, &slot->x,
                                        &w->found);
    if (!w->cached)
        extractor_run(lazy_extractor_get(s->setup.ex), l->article, &slot->x);
    extraction_pack(&slot->x); /* compact while it waits to be taken */
    note_fit(s, slot, l->article);
    if (c && !w->cached)
        cache_encode(&w->record, l->article->path, l->size, l->mtime_ns, &slot->x, l, &w->text_at);
    publish_done(s, slot);
}

static void work_one(struct stream *s, size_t i)
{
    struct loaded l;
    if (load_one(s, i, &l))
        extract_one(s, i, &l);
}

/* The entries a worker loaded ahead (the lead), to extract in order. */
struct ahead {
    size_t i[STREAM_MAX_LEAD];
    struct loaded l[STREAM_MAX_LEAD];
    size_t n;
};

static bool stopped(const struct stream *s)
{
    return atomic_load_explicit(&s->stop, memory_order_relaxed);
}

/* Takes an entry below `below` that the caller loaded and no worker has
 * taken yet, the first there is; SIZE_MAX when there is none. Once the
 * caller can claim no more (the lent entries are all claimed), it waits
 * for the caller's load in flight, if any (one file), so that none is
 * left behind. */
static size_t take_lent(struct stream *s, size_t below)
{
    struct lent *ln = s->lent;
    if (!ln)
        return SIZE_MAX;
    /* a short nap, not a spin: the caller's file may be on a slow disk */
    struct timespec nap = {0, 20 * 1000};
    if (atomic_load(&s->next) >= ln->end)
        while (atomic_load(&ln->loading) > 0 && !stopped(s))
            nanosleep(&nap, NULL);
    if (atomic_load_explicit(&ln->waiting, memory_order_acquire) == 0)
        return SIZE_MAX;
    size_t end = below < ln->end ? below : ln->end;
    for (size_t j = 0; j < end; j++)
        if (atomic_load_explicit(&ln->ready[j], memory_order_relaxed) &&
            atomic_exchange_explicit(&ln->ready[j], false, memory_order_acquire)) {
            atomic_fetch_sub(&ln->waiting, 1);
            return j;
        }
    return SIZE_MAX;
}

/* Extracts what the worker loaded ahead and, in entry order with them,
 * what the caller loaded that no worker has taken. */
static void extract_ahead(struct stream *s, struct ahead *ah)
{
    size_t k = 0;
    while (!stopped(s)) {
        size_t own = k < ah->n ? ah->i[k] : SIZE_MAX;
        size_t j = take_lent(s, own);
        if (j != SIZE_MAX)
            extract_one(s, j, &s->lent->l[j]);
        else if (own != SIZE_MAX)
            extract_one(s, own, &ah->l[k++]);
        else
            break;
    }
    ah->n = 0;
}

/* A background worker that claimed entry hold_at or later (the test
 * hook, TOUCHLINE_TEST_HOLD_AT) waits there until the stream stops or is
 * drained. True when it stopped: the entry is dropped; else the worker
 * goes on with it. */
static bool held(const struct stream *s)
{
    struct timespec nap = {0, 1000 * 1000};
    while (!stopped(s) && !atomic_load_explicit(&s->draining, memory_order_acquire))
        nanosleep(&nap, NULL);
    return stopped(s);
}

static void work(struct stream *s, bool may_hold)
{
    struct ahead *ah = xmalloc(sizeof *ah);
    ah->n = 0;
    while (!stopped(s)) {
        size_t i = atomic_fetch_add_explicit(&s->next, 1, memory_order_relaxed);
        if (i >= s->scan.n)
            break;
        if (may_hold && i >= s->hold_at) {
            extract_ahead(s, ah); /* what it loaded is done before it waits */
            if (held(s))
                break;
        }
        struct loaded l;
        if (!load_one(s, i, &l))
            continue;
        if (i < s->setup.lead) {
            ah->i[ah->n] = i;
            ah->l[ah->n++] = l;
            continue;
        }
        extract_ahead(s, ah);
        extract_one(s, i, &l);
    }
    extract_ahead(s, ah);
    free(ah);
}

/* Set by tests: the background workers wait while it is. */
static atomic_bool hold_workers;

void stream_hold_workers(bool hold)
{
    atomic_store_explicit(&hold_workers, hold, memory_order_release);
}

/* The test hook: the environment's TOUCHLINE_TEST_HOLD_AT, a number n,
 * makes a background stream's workers stop before entry n (held), so that
 * a load stays under way with entries [0, n) done. SIZE_MAX when unset or
 * not a number. */
static size_t hold_at_from_env(void)
{
    const char *v = getenv("TOUCHLINE_TEST_HOLD_AT");
    if (!v || *v < '0' || *v > '9')
        return SIZE_MAX;
    char *end;
    unsigned long long n = strtoull(v, &end, 10);
    return *end || n >= SIZE_MAX ? SIZE_MAX : (size_t)n;
}

static void *worker(void *arg)
{
    struct timespec nap = {0, 1000 * 1000};
    while (atomic_load_explicit(&hold_workers, memory_order_acquire))
        nanosleep(&nap, NULL);
    work(arg, true);
    return NULL;
}

/* Starts workers until n run. A thread that cannot be started leaves its
 * share to the others (and, at worst, to stream_drain on the caller's
 * thread). */
static void start_workers(struct stream *s, size_t n)
{
    while (s->started < n && pthread_create(&s->tids[s->started], NULL, worker, s) == 0)
        s->started++;
}

static void join_workers(struct stream *s)
{
    if (s->joined)
        return;
    for (size_t i = 0; i < s->started; i++)
        pthread_join(s->tids[i], NULL);
    s->joined = true;
}

/* The workers build articles in fresh memory (a cold start's parsed into
 * the heap; a warm start's decoded into the cache's slab, cache_slab.h,
 * or the heap when a piece is too big), and glibc grows a thread's heap a
 * few pages at a time, each step an mprotect (a warm start spent 18 % of
 * its time there before the slab took its articles). A top pad makes each heap
 * start, and the main heap grow, with 16 MiB readable at once; pages are
 * only touched as they are used, so the peak RSS does not change. */
static void pad_heaps(void)
{
    mallopt(M_TOP_PAD, 16 << 20);
}

/* The wake pipe of a stream in the background (the caller waits on it
 * with its other input), both ends close-on-exec and non-blocking. */
static void open_wake(struct stream *s)
{
    s->wake[0] = s->wake[1] = -1;
    int fds[2];
    if (!s->setup.background || !fd_pipe(fds, true))
        return;
    s->wake[0] = fds[0];
    s->wake[1] = fds[1];
}

/* Room for the entries of the lead the caller may load; none past the
 * test hook's hold, which the workers stop before. */
static struct lent *new_lent(const struct stream *s)
{
    struct lent *ln = xcalloc(1, sizeof *ln); /* zero: no flag set, no count */
    size_t end = s->setup.lead < s->scan.n ? s->setup.lead : s->scan.n;
    ln->end = end < s->hold_at ? end : s->hold_at;
    return ln;
}

struct stream *stream_start(struct scan *scan, const struct stream_setup *setup)
{
    static pthread_once_t padded = PTHREAD_ONCE_INIT;
    pthread_once(&padded, pad_heaps);
    struct stream *s = xcalloc(1, sizeof *s);
    s->scan = *scan;
    memset(scan, 0, sizeof *scan);
    s->setup = *setup;
    s->hold_at = setup->background ? hold_at_from_env() : SIZE_MAX;
    if (s->setup.lead > STREAM_MAX_LEAD)
        s->setup.lead = STREAM_MAX_LEAD;
    /* The slots' flags start false as fresh pages are zero (an atomic_bool
     * false is all zero bits): no loop over them here, which at 100,000
     * entries faulted in 17 MB page by page before a worker could start;
     * each page now comes in when its first entry is claimed, and goes
     * once its entries are handed over (give_away). */
    s->slots = slot_pages_new(&s->pages, s->scan.n, sizeof *s->slots);
    atomic_init(&s->next, 0);
    atomic_init(&s->stop, false);
    atomic_init(&s->draining, false);
    atomic_init(&s->later, false);
    atomic_init(&s->ndone, 0);
    open_wake(s);
    if (s->scan.n == 0)
        wake(s);
    if (setup->background && s->setup.lead)
        s->lent = new_lent(s);
    size_t want = setup->threads ? setup->threads : 1;
    if (!setup->background)
        want--;
    if (want > s->scan.n)
        want = s->scan.n;
    s->tids = xcalloc(want ? want : 1, sizeof *s->tids);
    s->want = want;
    size_t now = setup->first_workers && setup->first_workers < want ? setup->first_workers : want;
    start_workers(s, now);
    return s;
}

void stream_release_workers(struct stream *s)
{
    if (!s->joined && !stopped(s))
        start_workers(s, s->want);
}

size_t stream_workers(const struct stream *s)
{
    return s->started;
}

/* Entry i's result as it is in its slot. */
static void view_of(const struct stream *s, size_t i, struct stream_item *out)
{
    const struct slot *slot = &s->slots[i];
    out->entry = &s->scan.v[i];
    out->loaded = slot->loaded;
    out->x = slot->x;
    out->cache = slot->cache;
    out->fits_article = slot->fits_article;
    out->early = slot->handed;
}

/* Empties slot i, whose result went to the caller; the pages of the
 * slots handed over are given back: nothing reads them but stream_free,
 * which skips them (zeros). */
static void give_away(struct stream *s, size_t i)
{
    struct slot *slot = &s->slots[i];
    memset(&slot->loaded, 0, sizeof slot->loaded);
    memset(&slot->x, 0, sizeof slot->x);
    memset(&slot->cache, 0, sizeof slot->cache);
    slot_pages_give_back(&s->pages, s->taken * sizeof *s->slots);
}

void stream_keep_later(struct stream *s, bool keep)
{
    atomic_store_explicit(&s->later, keep, memory_order_relaxed);
}

bool stream_next(struct stream *s, struct stream_item *out)
{
    if (s->taken >= s->scan.n)
        return false;
    struct slot *slot = &s->slots[s->taken];
    if (!atomic_load_explicit(&slot->done, memory_order_acquire))
        return false;
    view_of(s, s->taken, out);
    s->taken++;
    give_away(s, s->taken - 1);
    return true;
}

bool stream_next_loaded(struct stream *s, struct stream_item *out)
{
    size_t i = s->ltaken > s->taken ? s->ltaken : s->taken;
    if (i >= s->scan.n)
        return false;
    struct slot *slot = &s->slots[i];
    if (!atomic_load_explicit(&slot->loaded_flag, memory_order_acquire))
        return false;
    memset(out, 0, sizeof *out);
    out->entry = &s->scan.v[i];
    out->loaded = slot->loaded; /* the slot keeps naming it, for stream_next */
    slot->handed = true;
    s->ltaken = i + 1;
    return true;
}

bool stream_work_one(struct stream *s)
{
    if (atomic_load_explicit(&s->stop, memory_order_relaxed))
        return false;
    size_t i = atomic_fetch_add_explicit(&s->next, 1, memory_order_relaxed);
    if (i >= s->scan.n)
        return false;
    work_one(s, i);
    return true;
}

bool stream_load_ahead(struct stream *s)
{
    struct lent *ln = s->lent;
    /* next only grows: past the end, no claim could succeed */
    if (!ln || stopped(s) || atomic_load_explicit(&s->next, memory_order_relaxed) >= ln->end)
        return false;
    atomic_fetch_add(&ln->loading, 1); /* before the claim: see struct lent */
    size_t i = atomic_load(&s->next);
    bool claimed = false;
    while (i < ln->end && !(claimed = atomic_compare_exchange_weak(&s->next, &i, i + 1)))
        ;
    struct loaded l;
    if (claimed && load_one(s, i, &l)) {
        ln->l[i] = l;
        atomic_store_explicit(&ln->ready[i], true, memory_order_release);
        atomic_fetch_add(&ln->waiting, 1);
    }
    atomic_fetch_sub(&ln->loading, 1);
    return claimed;
}

void stream_drain(struct stream *s)
{
    atomic_store_explicit(&s->draining, true, memory_order_release); /* releases held workers */
    stream_release_workers(s);
    work(s, false);
    join_workers(s);
}

int stream_wake_fd(const struct stream *s)
{
    return s->wake[0];
}

size_t stream_taken(const struct stream *s)
{
    return s->taken;
}

size_t stream_total(const struct stream *s)
{
    return s->scan.n;
}

const struct scan *stream_scan(const struct stream *s)
{
    return &s->scan;
}

void stream_free(struct stream *s)
{
    if (!s)
        return;
    atomic_store(&s->stop, true);
    join_workers(s);
    for (size_t i = 0; i < s->scan.n; i++) {
        if (i < s->taken)
            continue;
        if (!s->slots[i].handed)
            loaded_free(&s->slots[i].loaded);
        extraction_free(&s->slots[i].x);
        buf_free(&s->slots[i].cache.record);
    }
    for (int i = 0; i < 2; i++)
        if (s->wake[i] >= 0)
            close(s->wake[i]);
    slot_pages_free(&s->pages);
    free(s->lent);
    free(s->tids);
    entry_stat_free(&s->stat_at, &s->scan);
    scan_free(&s->scan);
    free(s);
}
