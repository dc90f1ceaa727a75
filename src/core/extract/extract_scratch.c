/* extract_scratch: one thread's reusable extraction memory (see
 * extract_scratch.h). A thread-local pointer finds it; a pthread key whose
 * destructor frees it runs when a worker thread exits. */
#include "core/extract/extract_scratch.h"
#include "core/base/xalloc.h"
#include "core/extract/facts.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local struct extract_scratch *this_thread;
static pthread_key_t key;
static pthread_once_t key_once = PTHREAD_ONCE_INIT;

static void scratch_free(void *p)
{
    struct extract_scratch *s = p;
    if (!s)
        return;
    tokens_free(&s->t);
    buf_free(&s->buf);
    word_cache_free(&s->words);
    strpool_free(&s->names);
    free(s->m);
    free(s->e);
    if (s->scan) {
        facts_scan_free(s->scan);
        free(s->scan);
    }
    for (size_t k = 0; k < SCRATCH_BLOCK_COUNT; k++)
        free(s->block[k]);
    free(s);
}

static void make_key(void)
{
    if (pthread_key_create(&key, scratch_free) != 0)
        abort();
}

struct extract_scratch *extract_scratch_get(void)
{
    if (this_thread)
        return this_thread;
    pthread_once(&key_once, make_key);
    struct extract_scratch *s = xcalloc(1, sizeof *s);
    tokens_init(&s->t);
    buf_init(&s->buf);
    word_cache_init(&s->words);
    strpool_init(&s->names);
    s->t.cache = &s->words; /* the words are interned there */
    if (pthread_setspecific(key, s) != 0)
        abort();
    this_thread = s;
    return s;
}

void extract_scratch_release(void)
{
    if (!this_thread)
        return;
    scratch_free(this_thread);
    this_thread = NULL;
    if (pthread_setspecific(key, NULL) != 0)
        abort();
}

/* The capacity that holds `bytes`: doubled from 256, so a few articles
 * bring every block to the size the largest needs. */
static size_t capacity_for(size_t cap, size_t bytes)
{
    cap = cap ? cap : 256;
    while (cap < bytes)
        cap *= 2;
    return cap;
}

void *extract_scratch_block(struct extract_scratch *s, enum scratch_block kind, size_t bytes)
{
    if (bytes > s->cap[kind]) {
        s->cap[kind] = capacity_for(s->cap[kind], bytes);
        free(s->block[kind]); /* the old contents are not kept */
        s->block[kind] = xmalloc(s->cap[kind]);
    }
    return s->block[kind];
}

void *extract_scratch_grow(struct extract_scratch *s, enum scratch_block kind, size_t bytes)
{
    if (bytes > s->cap[kind]) {
        s->cap[kind] = capacity_for(s->cap[kind], bytes);
        s->block[kind] = xrealloc(s->block[kind], s->cap[kind]);
    }
    return s->block[kind];
}

void *extract_scratch_zeroed(struct extract_scratch *s, enum scratch_block kind, size_t bytes)
{
    return memset(extract_scratch_block(s, kind, bytes), 0, bytes);
}
