/* pipeline: load, extract and index in one call (see pipeline.h). Extraction
 * runs on several threads; indexing stays on the caller's, in load order. */
#include "pipeline.h"
#include "xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MAX_THREADS = 256 };

/* The work shared by the extraction threads: each takes the next article
 * from an atomic counter and writes only that article's slot of out. */
struct extract_job {
    const struct extractor *ex;
    struct article *const *articles;
    struct extraction *out;
    size_t n;
    atomic_size_t next;
};

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

static void *extract_worker(void *arg)
{
    struct extract_job *job = arg;
    for (size_t i; (i = atomic_fetch_add(&job->next, 1)) < job->n;)
        extractor_run(job->ex, job->articles[i], &job->out[i]);
    return NULL;
}

/* How many threads to run: 0 means one per online core; never more than
 * there are articles. */
static size_t thread_count(unsigned want, size_t narticles)
{
    size_t n = want;
    if (n == 0) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        n = cores > 0 ? (size_t)cores : 1;
    }
    if (n > MAX_THREADS)
        n = MAX_THREADS;
    if (n > narticles)
        n = narticles;
    return n ? n : 1;
}

/* Extracts every article into out[i], on `threads` threads counting the
 * caller's. A thread that cannot be started leaves its share to the others. */
static void extract_all(const struct extractor *ex, const struct corpus *c, struct extraction *out,
                        size_t threads)
{
    struct extract_job job = {.ex = ex, .articles = c->articles, .out = out, .n = c->narticles};
    atomic_init(&job.next, 0);
    pthread_t *tids = xcalloc(threads, sizeof *tids);
    size_t started = 0;
    while (started + 1 < threads && pthread_create(&tids[started], NULL, extract_worker, &job) == 0)
        started++;
    extract_worker(&job);
    for (size_t i = 0; i < started; i++)
        pthread_join(tids[i], NULL);
    free(tids);
}

/* Extracts the corpus and indexes it in load order, so the index is the same
 * whatever the number of threads. */
static void extract_and_index(struct pipeline *p, unsigned threads)
{
    size_t n = p->corpus.narticles;
    struct extraction *out = xcalloc(n ? n : 1, sizeof *out);
    extract_all(p->extractor, &p->corpus, out, thread_count(threads, n));
    index_init(&p->index, &p->corpus);
    for (size_t i = 0; i < n; i++)
        index_add(&p->index, i, &out[i]);
    free(out);
}

bool pipeline_open(struct pipeline *p, char *const *paths, size_t npaths,
                   const struct pipeline_options *opt, struct tl_error *err)
{
    memset(p, 0, sizeof *p);
    if (!build_boilerplate(p, opt, err) || !build_kb(p, opt, err)) {
        pipeline_close(p);
        return false;
    }
    corpus_init(&p->corpus, p->boilerplate);
    for (size_t i = 0; i < npaths; i++) {
        if (!corpus_load_path(&p->corpus, paths[i], err)) {
            pipeline_close(p);
            return false;
        }
    }
    extract_and_index(p, opt ? opt->threads : 0);
    return true;
}

void pipeline_close(struct pipeline *p)
{
    if (p->index.x)
        index_free(&p->index);
    corpus_free(&p->corpus);
    extractor_free(p->extractor);
    kb_free(p->kb);
    boilerplate_free(p->boilerplate);
    memset(p, 0, sizeof *p);
}
