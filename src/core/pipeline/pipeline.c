/* pipeline: from paths to corpus and index (see pipeline.h). The workers
 * live in stream.c; everything here runs on the caller's thread, which alone
 * owns the corpus and the index. */
#include "core/pipeline/pipeline.h"
#include "core/cache/cache.h"
#include "core/base/hash.h"
#include "core/pipeline/lazy_extractor.h"
#include "core/pipeline/pipeline_cache.h"
#include "core/pipeline/stream.h"
#include "core/base/xalloc.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { MAX_THREADS = 256 };
/* How long the workers wait for the cache to open before they start. */
#define CACHE_WAIT_MS 250.0
/* Articles a background load with the stored index takes as usual, for
 * the reader's first screen, before it attaches the rest to it. */
enum { IMAGE_PREFIX = 128 };
/* Files modified this close to the start of the load are not cached. */
#define RACY_NS (2LL * 1000 * 1000 * 1000)

/* Reads and checks the KB files here, on the caller's thread, so that a
 * bad one stops the start; the extractor over them is built by the first
 * worker that extracts (lazy_extractor.h). Without any, the built-in KB is
 * built with the extractor too: 0.63 M instructions off the path to the
 * first screen, and none for a load served from the cache. */
static bool build_kb(struct pipeline *p, const struct pipeline_options *opt, struct tl_error *err)
{
    if (!opt || !opt->nkb_files) {
        p->extractor = lazy_extractor_new_builtin();
        return true;
    }
    p->kb = kb_new_builtin(err);
    if (!p->kb)
        return false;
    for (size_t i = 0; opt && i < opt->nkb_files; i++)
        if (!kb_merge_file(p->kb, opt->kb_files[i], err))
            return false;
    p->extractor = lazy_extractor_new(p->kb);
    return true;
}

static bool build_boilerplate(struct pipeline *p, const struct pipeline_options *opt,
                              struct tl_error *err)
{
    p->boilerplate = boilerplate_new();
    for (size_t i = 0; opt && i < opt->nboilerplate; i++)
        if (!boilerplate_add(p->boilerplate, opt->boilerplate[i], err))
            return false;
    return true;
}

/* How many threads to run: 0 means one per online core; never more than
 * there are files. */
static size_t thread_count(unsigned want, size_t nfiles)
{
    size_t n = want;
    if (n == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        n = cores > 0 ? (size_t)cores : 1;
    }
    if (n > MAX_THREADS)
        n = MAX_THREADS;
    if (n > nfiles)
        n = nfiles;
    return n ? n : 1;
}

/* Mixes a file's bytes into h (its name alone when it cannot be read). */
static uint64_t hash_file(uint64_t h, const char *path)
{
    h = hash_more(h, path, strlen(path) + 1);
    FILE *f = fopen(path, "rb");
    if (!f)
        return h;
    char chunk[8192];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        h = hash_more(h, chunk, n);
    fclose(f);
    return h;
}

/* What the extraction depends on besides the text: the build (its KB and
 * rules), the KB files merged over it and the furniture patterns. */
static uint64_t extractor_key(const struct pipeline_options *opt)
{
    uint64_t h = cache_build_fingerprint();
    for (size_t i = 0; i < opt->nkb_files; i++)
        h = hash_file(h, opt->kb_files[i]);
    for (size_t i = 0; i < opt->nboilerplate; i++)
        h = hash_more(h, opt->boilerplate[i], strlen(opt->boilerplate[i]) + 1);
    return h;
}

static bool scan_paths(struct scan *s, char *const *paths, size_t npaths, struct tl_error *err)
{
    for (size_t i = 0; i < npaths; i++)
        if (!scan_path(s, paths[i], err))
            return false;
    return true;
}

/* Whether the stored index was made from exactly these scanned files, in
 * this order (their sizes and mtimes are checked as they load). */
static bool image_fits(const struct index *img, const struct scan *s)
{
    if (index_image_articles(img) != s->n)
        return false;
    for (size_t i = 0; i < s->n; i++)
        if (s->v[i].problem || s->v[i].sfeed || strcmp(index_image_file(img, i).path, s->v[i].path))
            return false;
    return true;
}

/* Whether the results taken before the stored index came (the cache
 * opened late: a big file, a busy disk) are what it recorded, as
 * fits_image would have found each: their files' sizes and mtimes, and
 * as many entities. */
static bool taken_fit(const struct pipeline *p, const struct index *img)
{
    for (size_t i = 0; i < p->taken; i++) {
        struct index_image_file f = index_image_file(img, i);
        if (f.size != p->files[i].size || f.mtime_ns != p->files[i].mtime_ns ||
            p->index.x[i].nentities != index_image_locals(img, i))
            return false;
    }
    return true;
}

/* Takes the stored index, once the cache's opener has checked it, when it
 * fits the scan and what was taken so far (tried again for every result
 * until then). */
static void take_image(struct pipeline *p, const struct scan *s)
{
    struct index img;
    if (!p->imageable || p->appended || !pipeline_cache_image(p->pcache, &img))
        return;
    if (!s->n || !image_fits(&img, s) || !taken_fit(p, &img)) {
        index_free(&img);
        return;
    }
    index_image_give_back(&img); /* image_fits read every path */
    p->image = img;
    p->from_image = true;
    stream_keep_later(p->stream, true); /* the hits from now on attach undecoded */
    /* The reader shows the first articles at once, built as usual; the
     * rest are attached to the stored index as they come. */
    p->image_prefix = p->background ? IMAGE_PREFIX : 0;
}

/* The workers a background load starts with (first_workers) when every
 * article is to be parsed and extracted: no cache, or one with no record
 * (as far as the wait for it tells). A warm start decodes, and starts
 * them all: its complete index is what the reader waits for. */
static size_t held_back(const struct pipeline *p, const struct pipeline_options *opt)
{
    if (!opt || !opt->background)
        return 0;
    const struct cache *c = pipeline_cache_ready(p->pcache);
    return c && cache_count(c) ? 0 : opt->first_workers;
}

bool pipeline_start(struct pipeline *p, char *const *paths, size_t npaths,
                    const struct pipeline_options *opt, struct tl_error *err)
{
    memset(p, 0, sizeof *p);
    /* The cache opens on its own thread while the KB is built and the paths
     * are scanned. */
    if (opt && opt->cache_dir)
        p->pcache = pipeline_cache_start(opt->cache_dir, paths, npaths, extractor_key(opt));
    struct scan s;
    scan_init(&s);
    if (!build_boilerplate(p, opt, err) || !build_kb(p, opt, err) ||
        !scan_paths(&s, paths, npaths, err)) {
        scan_free(&s);
        pipeline_close(p);
        return false;
    }
    corpus_init(&p->corpus, p->boilerplate);
    index_init(&p->index, &p->corpus);
    /* Mapping the file and reading its records' heads is quick (a few ms
     * at 10,000 articles); waiting for it means no worker reads, parses or
     * extracts an article the cache holds. Not for long: on a slow disk the
     * first screen comes first. The stored index is checked meanwhile, and
     * waited for once the workers are decoding (before any result is
     * taken). */
    double end = pipeline_cache_wait_cache(p->pcache, CACHE_WAIT_MS);
    p->background = opt && opt->background;
    p->imageable = p->pcache != NULL;
    struct stream_setup setup = {
        .ex = p->extractor,
        .bp = p->boilerplate,
        .max_file_size = p->corpus.max_file_size,
        .threads = thread_count(opt ? opt->threads : 0, s.n),
        .background = opt && opt->background,
        .pcache = p->pcache,
        .lead = opt ? opt->lead : 0,
        .check_fit = p->imageable, /* take_image needs the cache */
        /* the first screen's articles are taken as usual (image_prefix) */
        .later_from = opt && opt->background ? IMAGE_PREFIX : 0,
        .first_workers = held_back(p, opt),
    };
    p->total = s.n;
    if (p->imageable) /* a file per article at most: not copied as it grows */
        p->files = xgrow(p->files, &p->fcap, s.n, sizeof *p->files);
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    p->started_ns = (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
    p->stream = stream_start(&s, &setup);
    pipeline_cache_wait_until(p->pcache, end);
    take_image(p, stream_scan(p->stream));
    return true;
}

bool pipeline_append(struct pipeline *p, char *const *paths, size_t npaths, struct tl_error *err)
{
    if (p->stream)
        return tl_error_set(err, "the load is still under way");
    /* The cache writer reads the index and the files until it is done. */
    pipeline_cache_warning(p->pcache);
    struct scan s;
    scan_init(&s);
    if (!scan_paths(&s, paths, npaths, err)) {
        scan_free(&s);
        return false;
    }
    struct stream_setup setup = {
        .ex = p->extractor,
        .bp = p->boilerplate,
        .max_file_size = p->corpus.max_file_size,
        .threads = thread_count(0, s.n),
        .background = p->background,
        .pcache = NULL,
        .later_from = SIZE_MAX,
    };
    p->appended = true;
    p->total += s.n;
    p->stream = stream_start(&s, &setup);
    return true;
}

/* Records an article's file (a taken, NULL for a file that gave none) for
 * the stored index, and whether the load can still be described by one. */
static void note_file(struct pipeline *p, const struct article *a, const struct stream_item *it,
                      uint64_t size, int64_t mtime_ns, bool cached)
{
    p->imageable = p->imageable && a && cached && !it->entry->sfeed;
    if (!p->imageable)
        return;
    p->files = xgrow(p->files, &p->fcap, a->load_index + 1, sizeof *p->files);
    p->files[a->load_index] = (struct index_image_file){a->path, size, mtime_ns};
}

/* Hands a result's loaded part to the corpus: its problem, or its article
 * and problems. Returns where its problems start in the corpus. */
static size_t add_loaded(struct pipeline *p, struct stream_item *it)
{
    size_t first_problem = p->corpus.nproblems;
    if (it->entry->problem) {
        p->imageable = false;
        corpus_add_problem(&p->corpus, it->entry->path, false, "%s", it->entry->problem);
        return first_problem;
    }
    struct article *a = it->loaded.article;
    uint64_t size = it->loaded.size;
    int64_t mtime_ns = it->loaded.mtime_ns;
    bool cached = !p->appended && mtime_ns < p->started_ns - RACY_NS;
    corpus_add_loaded(&p->corpus, &it->loaded);
    if (!p->appended)
        note_file(p, a, it, size, mtime_ns, cached);
    return first_problem;
}

/* The first problem recorded for the oldest result handed over early. */
static size_t pop_early(struct pipeline *p)
{
    size_t first_problem = p->early[p->early_head++];
    if (p->early_head == p->nearly)
        p->early_head = p->nearly = 0;
    return first_problem;
}

/* Moves the loaded articles next in load order into the corpus before
 * their extractions are taken, at most `max` entries (0: no limit);
 * returns how many it moved. Taking results does so only while the stored
 * index is not taken (there an article and its extraction come together,
 * mostly a cache hit); the reader's first screen does so either way
 * (pipeline_take_articles). */
static size_t take_loaded(struct pipeline *p, size_t max)
{
    struct stream_item it;
    size_t n = 0;
    while ((!max || n < max) && stream_next_loaded(p->stream, &it)) {
        n++;
        if (p->early_head && p->nearly == p->ecap) { /* reuse the room already taken */
            memmove(p->early, p->early + p->early_head,
                    (p->nearly - p->early_head) * sizeof *p->early);
            p->nearly -= p->early_head;
            p->early_head = 0;
        }
        p->early = xgrow(p->early, &p->ecap, p->nearly + 1, sizeof *p->early);
        p->early[p->nearly++] = add_loaded(p, &it);
    }
    return n;
}

size_t pipeline_take_articles(struct pipeline *p, size_t max)
{
    return p->stream ? take_loaded(p, max) : 0;
}

/* An extraction taken out of an index, with its own ids and names. */
static struct extraction take_out(struct index *ix, size_t i)
{
    index_image_settle(ix, i);
    struct extraction x = ix->x[i];
    memset(&ix->x[i], 0, sizeof ix->x[i]);
    extraction_pack_shared(&x, NULL, NULL);
    return x;
}

/* The stored index will not do: the extractions attached to it go into
 * the index as usual, in load order, and so will the results after them. */
static void drop_image(struct pipeline *p)
{
    for (size_t i = p->attached_from; i < p->attached_from + p->nattached; i++) {
        struct extraction x = take_out(&p->image, i);
        index_add(&p->index, i, &x);
        extraction_free(&x);
    }
    p->nattached = 0;
    index_free(&p->image);
    p->from_image = false;
    if (p->stream)
        stream_keep_later(p->stream, false); /* the workers decode the rest */
}

static bool decode_record(const void *start, size_t len, struct extraction *out)
{
    return cache_record_decode((struct cache_record){start, len}, out);
}

/* Attaches a result whose extraction stayed in its record to the stored
 * index, to be decoded on first use; false when it does not fit. */
static bool attach_later(struct pipeline *p, size_t article, const struct stream_item *it)
{
    const struct pipeline_cache_work *w = &it->cache;
    if (!index_image_attach_later(&p->image, article, w->nentities, w->nmentions, it->fits_article,
                                  w->at.start, w->at.len, decode_record))
        return false;
    if (!p->later_marks)
        p->later_marks = xcalloc(p->total ? p->total : 1, sizeof *p->later_marks);
    p->later_marks[article] = w->marks;
    return true;
}

/* Hands one result to the corpus (unless it went there early) and the
 * index (index_add), or with attach its extraction to the stored index,
 * which lacks only that. A result whose extraction stayed in its record
 * is attached as it is, else decoded here (the stored index was dropped:
 * rare). */
static void take_item(struct pipeline *p, struct stream_item *it, bool attach)
{
    struct loaded l = it->loaded; /* add_loaded gives it away */
    size_t first_problem = it->early ? pop_early(p) : add_loaded(p, it);
    if (!l.article) {
        extraction_free(&it->x); /* a file with no article has none */
        return;
    }
    /* A file changed in the last seconds may change again within its mtime's
     * resolution without its size or mtime showing it: not cached. */
    if (!p->appended && l.mtime_ns < p->started_ns - RACY_NS) {
        pipeline_cache_take(p->pcache, &p->index, l.article->load_index, first_problem, l.nproblems,
                            l.size, l.mtime_ns, &it->x, &it->cache);
        p->cache_hits += it->cache.cached;
    }
    buf_free(&it->cache.record);
    if (attach && it->cache.later && attach_later(p, l.article->load_index, it)) {
        p->nattached++;
        return;
    }
    if (it->cache.later && !cache_record_decode(it->cache.at, &it->x))
        memset(&it->x, 0, sizeof it->x); /* refused (cache_lookup_visit): no entities */
    if (attach && index_image_attach(&p->image, l.article->load_index, &it->x, it->fits_article)) {
        p->nattached++;
    } else {
        if (attach)
            drop_image(p); /* cannot be: fits_image counted its entities */
        index_add(&p->index, l.article->load_index, &it->x);
    }
    extraction_free(&it->x);
}

/* Whether a result is what the stored index recorded for its entry: an
 * article of the same size and mtime, with as many entities. It need not
 * be a cache hit: the extractor key is the image's, so one extracted again
 * (the cache was not open yet) is the same extraction. */
static bool fits_image(const struct pipeline *p, const struct stream_item *it)
{
    if (it->entry->problem || !it->loaded.article)
        return false;
    struct index_image_file f = index_image_file(&p->image, p->taken);
    size_t nentities = it->cache.later ? it->cache.nentities : it->x.nentities;
    return f.size == it->loaded.size && f.mtime_ns == it->loaded.mtime_ns &&
           it->loaded.mtime_ns < p->started_ns - RACY_NS &&
           nentities == index_image_locals(&p->image, p->taken);
}

/* Builds the index again from the extractions it holds (a stored index
 * whose spans did not fit the articles). */
static void rebuild_index(struct pipeline *p)
{
    size_t n = p->index.narticles;
    struct extraction *x = xcalloc(n ? n : 1, sizeof *x);
    for (size_t i = 0; i < n; i++)
        x[i] = take_out(&p->index, i);
    index_free(&p->index);
    index_init(&p->index, &p->corpus);
    for (size_t i = 0; i < n; i++) {
        index_add(&p->index, i, &x[i]);
        extraction_free(&x[i]);
    }
    free(x);
}

/* Every result is in and fits: the stored index, with every later article
 * attached already, takes the first ones and becomes the index. */
static void commit_image(struct pipeline *p)
{
    struct index first = p->index; /* the first articles, built as they came */
    p->index = p->image;
    memset(&p->image, 0, sizeof p->image);
    p->index.corpus = &p->corpus;
    for (size_t i = 0; i < first.narticles; i++) {
        struct extraction x = take_out(&first, i);
        const struct article *a = p->corpus.articles[i];
        bool fit = extraction_fits_article(&x, strlen(a->title), a->body_len);
        if (!index_image_attach(&p->index, i, &x, fit))
            index_add(&p->index, i, &x); /* cannot be: rebuilt below */
        extraction_free(&x);
    }
    index_free(&first);
    p->nattached = 0;
    p->from_image = false;
    p->index_stored = p->index.stored && index_image_check_spans(&p->index);
    if (!p->index_stored)
        rebuild_index(p);
}

/* Takes the next result (it, whose contents it takes): as usual, or its
 * extraction attached to the stored index. */
static void take_or_attach(struct pipeline *p, struct stream_item *it)
{
    if (!p->from_image)
        take_image(p, stream_scan(p->stream));
    if (p->from_image && !fits_image(p, it))
        drop_image(p);
    bool attach = p->from_image && p->taken >= p->image_prefix;
    if (attach && !p->nattached) {
        /* every result before it is in the index (pipeline_extraction) */
        assert(p->index.narticles == p->taken);
        p->attached_from = p->taken;
    }
    take_item(p, it, attach);
}

/* What the cache writer does with the stored index after this load. */
static enum pipeline_image_action image_action(const struct pipeline *p)
{
    if (p->index_stored)
        return PIPELINE_IMAGE_KEEP;
    return p->imageable && p->corpus.narticles ? PIPELINE_IMAGE_WRITE : PIPELINE_IMAGE_REMOVE;
}

size_t pipeline_take(struct pipeline *p, size_t max)
{
    if (!p->stream)
        return 0;
    if (!p->from_image)
        take_loaded(p, 0);
    size_t n = 0;
    struct stream_item it;
    while ((!max || n < max) && stream_next(p->stream, &it)) {
        take_or_attach(p, &it);
        n++;
        p->taken++;
    }
    if (!p->hold_text)
        pipeline_cache_lend(p->pcache, &p->corpus);
    if (stream_taken(p->stream) == stream_total(p->stream)) {
        if (p->from_image)
            commit_image(p);
        stream_free(p->stream);
        p->stream = NULL;
        if (!p->appended)
            pipeline_cache_finish(p->pcache, &p->index, p->background, image_action(p), p->files);
    }
    return n;
}

void pipeline_hold_text(struct pipeline *p, bool hold)
{
    p->hold_text = hold;
}

void pipeline_release_workers(struct pipeline *p)
{
    if (p->stream)
        stream_release_workers(p->stream);
}

bool pipeline_load_ahead(struct pipeline *p)
{
    return p->stream && stream_load_ahead(p->stream);
}

void pipeline_finish(struct pipeline *p)
{
    if (!p->stream)
        return;
    stream_release_workers(p->stream);
    /* Take as we go, so that finished results do not pile up unpacked. */
    while (p->stream && stream_work_one(p->stream))
        pipeline_take(p, 0);
    if (p->stream) {
        stream_drain(p->stream);
        pipeline_take(p, 0);
    }
}

const char *pipeline_warning(struct pipeline *p)
{
    return pipeline_cache_warning(p->pcache);
}

bool pipeline_loading(const struct pipeline *p)
{
    return p->stream != NULL;
}

int pipeline_wake_fd(const struct pipeline *p)
{
    return p->stream ? stream_wake_fd(p->stream) : -1;
}

/* Whether article i's extraction is attached to the stored index. */
static bool attached(const struct pipeline *p, size_t i)
{
    return p->from_image && i >= p->attached_from && i < p->attached_from + p->nattached;
}

size_t pipeline_extractions_known(const struct pipeline *p)
{
    size_t n = p->index.narticles;
    return attached(p, n) ? p->attached_from + p->nattached : n;
}

const struct extraction *pipeline_extraction(const struct pipeline *p, size_t i)
{
    if (i < p->index.narticles)
        return index_extraction(&p->index, i);
    return attached(p, i) ? index_extraction(&p->image, i) : NULL;
}

int pipeline_global(const struct pipeline *p, size_t i, size_t local)
{
    if (i < p->index.narticles)
        return index_global(&p->index, i, local);
    return attached(p, i) ? index_global(&p->image, i, local) : -1;
}

struct article_marks pipeline_marks(const struct pipeline *p, size_t i)
{
    const struct index *ix = i < p->index.narticles ? &p->index : &p->image;
    if (p->later_marks && index_image_later(ix, i))
        return p->later_marks[i]; /* not decoded for the list */
    const struct extraction *x = pipeline_extraction(p, i);
    return x ? article_marks_of(x) : (struct article_marks){0, false};
}

void pipeline_progress(const struct pipeline *p, size_t *taken, size_t *total)
{
    *taken = p->taken;
    *total = p->total;
}

bool pipeline_open(struct pipeline *p, char *const *paths, size_t npaths,
                   const struct pipeline_options *opt, struct tl_error *err)
{
    if (!pipeline_start(p, paths, npaths, opt, err))
        return false;
    pipeline_finish(p);
    return true;
}

void pipeline_close(struct pipeline *p)
{
    stream_free(p->stream);            /* with the results not taken */
    pipeline_cache_warning(p->pcache); /* the writer reads the index and the files */
    free(p->files);
    free(p->early);
    free(p->later_marks);
    if (p->from_image)
        index_free(&p->image);
    if (p->index.corpus)
        index_free(&p->index);
    corpus_free(&p->corpus);
    /* after the articles: their bodies may point into the cache's mapping */
    pipeline_cache_free(p->pcache);
    lazy_extractor_free(p->extractor); /* the workers are stopped */
    kb_free(p->kb);
    boilerplate_free(p->boilerplate);
    memset(p, 0, sizeof *p);
}
