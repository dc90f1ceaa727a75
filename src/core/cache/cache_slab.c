/* cache_slab: pieces of huge-page blocks (see cache_slab.h). A block is 2
 * MiB, aligned to 2 MiB so that it can be one huge page; pieces are taken
 * from the current block in order, under a lock (one decoded record each,
 * so the lock is cheap next to the decode). */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise, MADV_HUGEPAGE */
#include "core/cache/cache_slab.h"
#include "core/base/xalloc.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

enum { BLOCK = 2 * 1024 * 1024 };

struct cache_slab {
    pthread_mutex_t lock;
    char **blocks; /* every block mapped, for the unmapping */
    size_t nblocks, cap;
    size_t used; /* in the last block; BLOCK when there is none */
};

struct cache_slab *cache_slab_new(void)
{
    struct cache_slab *s = xcalloc(1, sizeof *s);
    pthread_mutex_init(&s->lock, NULL);
    s->used = BLOCK;
    return s;
}

/* A new block aligned to BLOCK, or NULL when it cannot be mapped. Twice
 * its size is mapped and the ends around the aligned middle unmapped. */
static char *map_block(void)
{
    char *p =
        mmap(NULL, 2 * (size_t)BLOCK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    uintptr_t at = ((uintptr_t)p + BLOCK - 1) & ~(uintptr_t)(BLOCK - 1);
    char *b = (char *)at;
    if (b > p)
        munmap(p, (size_t)(b - p));
    if (b + BLOCK < p + 2 * (size_t)BLOCK)
        munmap(b + BLOCK, (size_t)(p + 2 * (size_t)BLOCK - (b + BLOCK)));
#ifdef MADV_HUGEPAGE
    madvise(b, BLOCK, MADV_HUGEPAGE); /* a hint: without it, 4 KiB pages */
#endif
    return b;
}

void *cache_slab_take(struct cache_slab *s, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    if (!s || !n || n > CACHE_SLAB_MAX_PIECE)
        return NULL;
    pthread_mutex_lock(&s->lock);
    char *piece = NULL;
    if (s->used + n > BLOCK) {
        char *b = map_block();
        if (b) {
            s->blocks = xgrow(s->blocks, &s->cap, s->nblocks + 1, sizeof *s->blocks);
            s->blocks[s->nblocks++] = b;
            s->used = 0;
        }
    }
    if (s->used + n <= BLOCK) {
        piece = s->blocks[s->nblocks - 1] + s->used;
        s->used += n;
    }
    pthread_mutex_unlock(&s->lock);
    return piece;
}

void cache_slab_free(struct cache_slab *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->nblocks; i++)
        munmap(s->blocks[i], BLOCK);
    free(s->blocks);
    pthread_mutex_destroy(&s->lock);
    free(s);
}
