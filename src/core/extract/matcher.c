/* matcher: KB names found by a hash of folded token sequences (see matcher.h). */
#include "core/extract/matcher.h"
#include "core/extract/kb_compiled.h"
#include "core/base/hash.h"
#include "core/base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The table is the built-in base's, compiled in (kb->compiled), or built
 * for a merged base and owned. `tags` holds one byte per slot: 0 for an
 * empty slot, else matcher_tag of its key's hash. A probe reads the slots
 * (40 bytes each, 640 KiB for the built-in base, out of the caches) only
 * where the tag agrees: most keys a scan asks for are not there, and the
 * tags (16 KiB) stay in the cache. */
struct matcher {
    struct matcher_table t;
    uint8_t *tags;
    bool owned;
};

/* The tag of a key's hash: 1 to 128, from bits the slot index does not use
 * (it takes the low ones). */
static uint8_t matcher_tag(uint64_t hash)
{
    return (uint8_t)(1 + (hash >> 57));
}

/* The next slot from *i on, in probe order, whose tag is `tag` (*i then
 * points past it), or NULL at an empty slot: a probe reads no slot whose
 * tag differs. */
static inline const struct matcher_slot *next_tagged(const struct matcher *m, size_t *i,
                                                     uint8_t tag)
{
    size_t mask = m->t.nslots - 1;
    for (;; *i = (*i + 1) & mask) {
        if (!m->tags[*i])
            return NULL; /* the slots are not read: no miss */
        if (m->tags[*i] == tag) {
            const struct matcher_slot *s = &m->t.slots[*i];
            *i = (*i + 1) & mask;
            return s;
        }
    }
}

/* The slot of the key `key` (len bytes, hash `hash`), or NULL. */
static const struct matcher_slot *find_slot(const struct matcher *m, const char *key, size_t len,
                                            uint64_t hash)
{
    size_t i = (size_t)hash & (m->t.nslots - 1);
    const struct matcher_slot *s;
    while ((s = next_tagged(m, &i, matcher_tag(hash))))
        if (s->hash == hash && s->len == len && hash_same_bytes(m->t.keys + s->key, key, len))
            return s;
    return NULL;
}

/* The slot of the key made of parent's key, a space and the word w (n
 * bytes), whose hash is `hash`, or NULL. Equal parents and equal
 * last words make equal keys, as each key is kept once. */
static const struct matcher_slot *find_next(const struct matcher *m,
                                            const struct matcher_slot *parent, const char *w,
                                            size_t n, uint64_t hash)
{
    size_t i = (size_t)hash & (m->t.nslots - 1);
    const struct matcher_slot *s;
    while ((s = next_tagged(m, &i, matcher_tag(hash))))
        if (s->hash == hash && s->parent == parent->key && s->len - s->last == n &&
            hash_same_bytes(m->t.keys + s->key + s->last, w, n))
            return s;
    return NULL;
}

/* The tag of every slot of m's table (see struct matcher). */
static uint8_t *build_tags(const struct matcher_table *t)
{
    uint8_t *tags = xcalloc(t->nslots, 1);
    for (size_t i = 0; i < t->nslots; i++)
        if (t->slots[i].len)
            tags[i] = matcher_tag(t->slots[i].hash);
    return tags;
}

static bool skipped(const struct tokens *t, size_t i)
{
    return tokens_is_punct(t, i, '.');
}

struct matcher *matcher_new(const struct kb *kb)
{
    struct matcher *m = xcalloc(1, sizeof *m);
    if (kb->compiled) {
        m->t = kb->compiled->matcher;
    } else {
        matcher_table_build(kb, &m->t);
        m->owned = true;
    }
    m->tags = build_tags(&m->t);
    return m;
}

void matcher_free(struct matcher *m)
{
    if (!m)
        return;
    if (m->owned)
        matcher_table_free(&m->t);
    free(m->tags);
    free(m);
}

const struct matcher_table *matcher_table(const struct matcher *m)
{
    return &m->t;
}

const struct matcher_slot *matcher_start(const struct matcher *m, const struct tokens *t, size_t i)
{
    const struct token *tk = &t->v[i];
    return find_slot(m, tokens_folded(t, i), tk->fend - tk->fstart, t->hash[tk->word]);
}

size_t matcher_longest(const struct matcher *m, const struct tokens *t, size_t i,
                       const struct matcher_slot *start, const int **forms, size_t *nforms)
{
    size_t best_end = i;
    *forms = NULL;
    *nforms = 0;
    uint32_t sentence = t->v[i].sentence;
    const struct matcher_slot *s = start;  /* the key of token i alone */
    uint64_t hash = t->hash[t->v[i].word]; /* grows with the key, token by token */
    size_t taken = 1;
    for (size_t j = i;;) {
        if (s->n) {
            best_end = j + 1;
            *forms = s->n > 1 ? m->t.forms + s->form : &s->form;
            *nforms = s->n;
        }
        if ((t->v[j].flags & TOK_POSS) || !s->extended)
            break; /* no longer form starts like this */
        do         /* the next token not skipped */
            j++;
        while (j < t->n && t->v[j].sentence == sentence && skipped(t, j));
        if (j >= t->n || t->v[j].sentence != sentence || taken >= m->t.max_tokens)
            break;
        const char *w = tokens_folded(t, j);
        size_t n = t->v[j].fend - t->v[j].fstart;
        hash = hash_more(hash_byte(hash, ' '), w, n); /* the key's hash, one word longer */
        taken++;
        s = find_next(m, s, w, n, hash);
        if (!s)
            break; /* no form starts like this */
    }
    return best_end;
}
