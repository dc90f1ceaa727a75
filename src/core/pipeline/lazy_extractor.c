/* lazy_extractor: an extractor built on first use (see lazy_extractor.h). */
#include "core/pipeline/lazy_extractor.h"
#include "core/base/xalloc.h"
#include "core/extract/kb.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

struct lazy_extractor {
    const struct kb *kb;          /* NULL: the built-in one, made with the extractor */
    struct kb *own_kb;            /* that one, once made */
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

struct lazy_extractor *lazy_extractor_new_builtin(void)
{
    return lazy_extractor_new(NULL);
}

/* Builds it (and the built-in KB, for one made without a KB); only the
 * built-in fact patterns and KB can fail, and they are fixed at build
 * time. */
static struct extractor *build(struct lazy_extractor *lx)
{
    struct tl_error err;
    const struct kb *kb = lx->kb;
    if (!kb)
        kb = lx->own_kb = kb_new_builtin(&err);
    struct extractor *ex = kb ? extractor_new(kb, &err) : NULL;
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
        ex = build(lx);
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
    kb_free(lx->own_kb);
    pthread_mutex_destroy(&lx->lock);
    free(lx);
}
