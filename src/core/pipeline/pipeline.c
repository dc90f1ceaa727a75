/* pipeline: from paths to corpus and index (see pipeline.h). The workers
 * live in stream.c; everything here runs on the caller's thread, which alone
 * owns the corpus and the index. */
#include "core/pipeline/pipeline.h"
#include "core/cache/cache.h"
#include "core/base/hash.h"
#include "core/pipeline/pipeline_cache.h"
#include "core/pipeline/stream.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { MAX_THREADS = 256 };
/* How long the workers wait for the cache to open before they start. */
#define CACHE_WAIT_MS 250.0
/* Files modified this close to the start of the load are not cached. */
#define RACY_NS (2LL * 1000 * 1000 * 1000)

static bool build_kb(struct pipeline *p, const struct pipeline_options *opt, struct tl_error *err)
{
    p->kb = kb_new_builtin(err);
    if (!p->kb)
        return false;
    for (size_t i = 0; opt && i < opt->nkb_files; i++)
        if (!kb_merge_file(p->kb, opt->kb_files[i], err))
            return false;
    p->extractor = extractor_new(p->kb, err);
    return p->extractor != NULL;
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
     * first screen comes first. */
    pipeline_cache_wait(p->pcache, CACHE_WAIT_MS);
    struct stream_setup setup = {
        .ex = p->extractor,
        .bp = p->boilerplate,
        .max_file_size = p->corpus.max_file_size,
        .threads = thread_count(opt ? opt->threads : 0, s.n),
        .background = opt && opt->background,
        .pcache = p->pcache,
    };
    p->total = s.n;
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    p->started_ns = (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
    p->background = opt && opt->background;
    p->stream = stream_start(&s, &setup);
    return true;
}

bool pipeline_append(struct pipeline *p, char *const *paths, size_t npaths, struct tl_error *err)
{
    if (p->stream)
        return tl_error_set(err, "the load is still under way");
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
    };
    p->appended = true;
    p->total += s.n;
    p->stream = stream_start(&s, &setup);
    return true;
}

/* Hands one result to the corpus and the index. */
static void take_item(struct pipeline *p, struct stream_item *it)
{
    if (it->entry->problem) {
        corpus_add_problem(&p->corpus, it->entry->path, false, "%s", it->entry->problem);
        return;
    }
    struct article *a = it->loaded.article;
    uint64_t size = it->loaded.size;
    int64_t mtime_ns = it->loaded.mtime_ns;
    size_t first_problem = p->corpus.nproblems, nproblems = it->loaded.nproblems;
    corpus_add_loaded(&p->corpus, &it->loaded);
    if (!a)
        return;
    /* A file changed in the last seconds may change again within its mtime's
     * resolution without its size or mtime showing it: not cached. */
    if (!p->appended && mtime_ns < p->started_ns - RACY_NS) {
        pipeline_cache_take(p->pcache, &p->index, a->load_index, first_problem, nproblems, size,
                            mtime_ns, &it->x, &it->cache);
        p->cache_hits += it->cache.cached;
    }
    buf_free(&it->cache.record);
    index_add(&p->index, a->load_index, &it->x);
    extraction_free(&it->x); /* a file with no article has none */
}

size_t pipeline_take(struct pipeline *p, size_t max)
{
    if (!p->stream)
        return 0;
    size_t n = 0;
    struct stream_item it;
    while ((!max || n < max) && stream_next(p->stream, &it)) {
        take_item(p, &it);
        n++;
        p->taken++;
    }
    if (stream_taken(p->stream) == stream_total(p->stream)) {
        stream_free(p->stream);
        p->stream = NULL;
        if (!p->appended)
            pipeline_cache_finish(p->pcache, &p->index, p->background);
    }
    return n;
}

void pipeline_finish(struct pipeline *p)
{
    if (!p->stream)
        return;
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
    stream_free(p->stream);
    pipeline_cache_free(p->pcache); /* waits for the cache to be written */
    if (p->index.corpus)
        index_free(&p->index);
    corpus_free(&p->corpus);
    extractor_free(p->extractor);
    kb_free(p->kb);
    boilerplate_free(p->boilerplate);
    memset(p, 0, sizeof *p);
}
