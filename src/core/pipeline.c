/* pipeline: from paths to corpus and index (see pipeline.h). The workers
 * live in stream.c; everything here runs on the caller's thread, which alone
 * owns the corpus and the index. */
#include "pipeline.h"
#include "stream.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MAX_THREADS = 256 };

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
    struct stream_setup setup = {
        .ex = p->extractor,
        .bp = p->boilerplate,
        .max_file_size = p->corpus.max_file_size,
        .threads = thread_count(opt ? opt->threads : 0, s.n),
        .background = opt && opt->background,
    };
    p->total = s.n;
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
    corpus_add_loaded(&p->corpus, &it->loaded);
    if (a)
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
    if (p->index.corpus)
        index_free(&p->index);
    corpus_free(&p->corpus);
    extractor_free(p->extractor);
    kb_free(p->kb);
    boilerplate_free(p->boilerplate);
    memset(p, 0, sizeof *p);
}
