/* search_job: a search on a thread of its own (see search_job.h). */
#include "core/index/search_job.h"
#include "core/base/xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

struct search_job {
    const struct search *s;
    struct corpus snapshot; /* borrowed article pointers; never corpus_free'd */
    struct search_hits hits;
    pthread_t tid;
    bool threaded;
    atomic_bool done, stop;
};

static void *run(void *arg)
{
    struct search_job *j = arg;
    search_run_until(j->s, &j->snapshot, &j->hits, &j->stop);
    atomic_store_explicit(&j->done, true, memory_order_release);
    return NULL;
}

struct search_job *search_job_start(const struct search *s, const struct corpus *c, size_t n)
{
    struct search_job *j = xcalloc(1, sizeof *j);
    j->s = s;
    j->snapshot.narticles = n < c->narticles ? n : c->narticles;
    j->snapshot.articles =
        xmalloc((j->snapshot.narticles ? j->snapshot.narticles : 1) * sizeof *j->snapshot.articles);
    if (j->snapshot.narticles)
        memcpy(j->snapshot.articles, c->articles,
               j->snapshot.narticles * sizeof *j->snapshot.articles);
    atomic_init(&j->done, false);
    atomic_init(&j->stop, false);
    j->threaded = pthread_create(&j->tid, NULL, run, j) == 0;
    if (!j->threaded)
        run(j);
    return j;
}

bool search_job_done(const struct search_job *j)
{
    return atomic_load_explicit(&j->done, memory_order_acquire);
}

size_t search_job_articles(const struct search_job *j)
{
    return j->snapshot.narticles;
}

static void job_free(struct search_job *j)
{
    if (j->threaded)
        pthread_join(j->tid, NULL);
    free(j->snapshot.articles);
    search_hits_free(&j->hits);
    free(j);
}

void search_job_finish(struct search_job *j, struct search_hits *out)
{
    if (j->threaded)
        pthread_join(j->tid, NULL);
    j->threaded = false;
    search_hits_free(out);
    *out = j->hits;
    memset(&j->hits, 0, sizeof j->hits);
    job_free(j);
}

void search_job_cancel(struct search_job *j)
{
    if (!j)
        return;
    atomic_store(&j->stop, true);
    job_free(j);
}
