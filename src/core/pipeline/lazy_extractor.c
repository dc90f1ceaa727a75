/* lazy_extractor: an extractor built on first use (see lazy_extractor.h). */
#include "core/pipeline/lazy_extractor.h"
#include "core/base/xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct lazy_extractor {
    const struct kb *kb;
    pthread_mutex_t lock;         /* held while building: the others wait on it */
    struct extractor *_Atomic ex; /* set (release) once built */
};

struct lazy_extractor *lazy_extractor_new(const struct kb *kb)
{
    struct lazy_extractor *lx = xcalloc(1, sizeof *lx);
    lx->kb = kb;
    pthread_mutex_init(&lx->lock, NULL);
    atomic_init(&lx->ex, NULL);
    return lx;
}

/* Builds it; only the built-in fact patterns can fail, and they are fixed
 * at build time. */
static struct extractor *build(const struct kb *kb)
{
    struct tl_error err;
    struct extractor *ex = extractor_new(kb, &err);
    if (!ex) {
        fprintf(stderr, "touchline: internal error: %s\n", err.msg);
        abort();
    }
    return ex;
}

const struct extractor *lazy_extractor_get(struct lazy_extractor *lx)
{
    struct extractor *ex = atomic_load_explicit(&lx->ex, memory_order_acquire);
    if (ex)
        return ex;
    pthread_mutex_lock(&lx->lock);
    ex = atomic_load_explicit(&lx->ex, memory_order_relaxed);
    if (!ex) {
        ex = build(lx->kb);
        atomic_store_explicit(&lx->ex, ex, memory_order_release);
    }
    pthread_mutex_unlock(&lx->lock);
    return ex;
}

bool lazy_extractor_built(struct lazy_extractor *lx)
{
    return atomic_load_explicit(&lx->ex, memory_order_acquire) != NULL;
}

void lazy_extractor_free(struct lazy_extractor *lx)
{
    if (!lx)
        return;
    extractor_free(atomic_load_explicit(&lx->ex, memory_order_acquire));
    pthread_mutex_destroy(&lx->lock);
    free(lx);
}
