/* word_cache: a thread's answers per folded form (see word_cache.h). */
#include "core/extract/word_cache.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Forms kept at most: past it the cache starts again empty (about 5 MB). */
#define WORD_CACHE_MAX (1u << 16)

void word_cache_init(struct word_cache *c)
{
    memset(c, 0, sizeof *c);
    buf_init(&c->keys);
    c->text = 1;
}

void word_cache_next_text(struct word_cache *c)
{
    if (++c->text)
        return;
    for (size_t w = 0; w < c->n; w++) /* the numbers went round: forget them */
        c->v[w].text = 0;
    c->text = 1;
}

void word_cache_free(struct word_cache *c)
{
    free(c->v);
    free(c->table);
    buf_free(&c->keys);
    memset(c, 0, sizeof *c);
}

void word_cache_prepare(struct word_cache *c, uint64_t owner)
{
    if (c->owner == owner && c->n < WORD_CACHE_MAX)
        return;
    c->owner = owner;
    c->n = 0;
    buf_reset(&c->keys);
    if (c->table)
        memset(c->table, 0, c->tcap * sizeof *c->table);
}

/* Doubles the table and puts every form back. */
static void grow_table(struct word_cache *c)
{
    free(c->table);
    c->tcap = c->tcap ? 2 * c->tcap : 4096;
    c->table = xcalloc(c->tcap, sizeof *c->table);
    for (size_t w = 0; w < c->n; w++) {
        size_t k = (size_t)hash_word(c->keys.data + c->v[w].key, c->v[w].len) & (c->tcap - 1);
        while (c->table[k])
            k = (k + 1) & (c->tcap - 1);
        c->table[k] = (uint32_t)w + 1;
    }
}

/* Doubles the room for entries, in memory aligned to a cache line (as
 * realloc's is not). */
static void grow_entries(struct word_cache *c)
{
    size_t cap = c->cap ? 2 * c->cap : 256;
    struct word_info *v = xaligned(WORD_INFO_ALIGN, cap * sizeof *v);
    if (c->n)
        memcpy(v, c->v, c->n * sizeof *v);
    free(c->v);
    c->v = v;
    c->cap = cap;
}

uint32_t word_cache_add(struct word_cache *c, const char *f, size_t n, uint64_t key)
{
    if ((c->n + 1) * 2 > c->tcap)
        grow_table(c);
    size_t mask = c->tcap - 1, k = (size_t)key & mask;
    while (c->table[k])
        k = (k + 1) & mask;
    if (c->n == c->cap)
        grow_entries(c);
    struct word_info *w = &c->v[c->n];
    memset(w, 0, sizeof *w);
    w->hash = hash_bytes(f, n);
    w->tag = (uint32_t)(key >> 32);
    w->key = (uint32_t)c->keys.len;
    w->len = (uint32_t)n;
    w->literals = WORD_LITERALS_UNKNOWN;
    buf_append(&c->keys, f, n + 1); /* with its NUL: facts_literals reads it */
    c->table[k] = (uint32_t)++c->n;
    return (uint32_t)(c->n - 1);
}
