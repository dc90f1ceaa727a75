/* matcher: KB names found by a hash of folded token sequences (see matcher.h). */
#include "core/extract/matcher.h"
#include "core/extract/kb_compiled.h"
#include "core/base/hash.h"
#include "core/base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* The table is the built-in base's, compiled in (kb->compiled), or built
 * for a merged base and owned. */
struct matcher {
    struct matcher_table t;
    bool owned;
};

static const struct matcher_slot *find_slot(const struct matcher_table *m, const char *key,
                                            size_t len, uint64_t hash)
{
    size_t mask = m->nslots - 1, i = (size_t)hash & mask;
    while (m->slots[i].len && (m->slots[i].hash != hash || m->slots[i].len != len ||
                               !hash_same_bytes(m->keys + m->slots[i].key, key, len)))
        i = (i + 1) & mask;
    return &m->slots[i];
}

/* The slot of the key made of parent's key, a space and the word w (n
 * bytes), whose hash is `hash`, or an empty slot. Equal parents and equal
 * last words make equal keys, as each key is kept once. */
static const struct matcher_slot *find_next(const struct matcher_table *m,
                                            const struct matcher_slot *parent, const char *w,
                                            size_t n, uint64_t hash)
{
    size_t mask = m->nslots - 1, i = (size_t)hash & mask;
    for (;; i = (i + 1) & mask) {
        const struct matcher_slot *s = &m->slots[i];
        if (!s->len || (s->hash == hash && s->parent == parent->key && s->len - s->last == n &&
                        hash_same_bytes(m->keys + s->key + s->last, w, n)))
            return s;
    }
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
    return m;
}

void matcher_free(struct matcher *m)
{
    if (!m)
        return;
    if (m->owned)
        matcher_table_free(&m->t);
    free(m);
}

const struct matcher_table *matcher_table(const struct matcher *m)
{
    return &m->t;
}

const struct matcher_slot *matcher_start(const struct matcher *m, const struct tokens *t, size_t i)
{
    const struct token *tk = &t->v[i];
    const struct matcher_slot *s =
        find_slot(&m->t, tokens_folded(t, i), tk->fend - tk->fstart, t->hash[tk->word]);
    return s->len ? s : NULL;
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
        s = find_next(&m->t, s, w, n, hash);
        if (!s->len)
            break; /* no form starts like this */
    }
    return best_end;
}
