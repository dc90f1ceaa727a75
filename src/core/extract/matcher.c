/* matcher: KB names found by a hash of folded token sequences (see matcher.h). */
#include "core/extract/matcher.h"
#include "core/base/hash.h"
#include "core/base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A key is a folded token sequence; `n` forms end there (0 for a key that
 * is only the beginning of longer forms, kept so a scan can stop early). */
struct matcher_slot {
    char *key;
    size_t len;
    uint64_t hash; /* hash_bytes of the key */
    int *forms;
    size_t n;
    bool extended; /* a longer key starts with this one and a space */
};

struct matcher {
    struct matcher_slot *slots;
    size_t nslots, used;
    size_t max_tokens;
};

/* Whether a and b have the same n bytes: keys are short, so a loop, not a
 * call. */
static bool same_bytes(const char *a, const char *b, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (a[k] != b[k])
            return false;
    return true;
}

static struct matcher_slot *find_slot(const struct matcher *m, const char *key, size_t len,
                                      uint64_t hash)
{
    size_t mask = m->nslots - 1, i = (size_t)hash & mask;
    while (m->slots[i].key && (m->slots[i].hash != hash || m->slots[i].len != len ||
                               !same_bytes(m->slots[i].key, key, len)))
        i = (i + 1) & mask;
    return &m->slots[i];
}

static void grow(struct matcher *m)
{
    struct matcher_slot *old = m->slots;
    size_t n = m->nslots;
    m->nslots = n ? n * 2 : 4096;
    m->slots = xcalloc(m->nslots, sizeof *m->slots);
    for (size_t i = 0; i < n; i++)
        if (old[i].key)
            *find_slot(m, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
}

static bool skipped(const struct tokens *t, size_t i)
{
    return tokens_is_punct(t, i, '.');
}

/* Appends token i's folded form to key, space-separated. */
static void key_add(struct buf *key, const struct tokens *t, size_t i)
{
    if (key->len)
        buf_putc(key, ' ');
    buf_append(key, tokens_folded(t, i), t->v[i].fend - t->v[i].fstart);
}

/* The slot for a key, created empty when new. */
static struct matcher_slot *intern_key(struct matcher *m, const struct buf *key)
{
    if ((m->used + 1) * 2 > m->nslots)
        grow(m);
    uint64_t hash = hash_bytes(key->data, key->len);
    struct matcher_slot *s = find_slot(m, key->data, key->len, hash);
    if (!s->key) {
        s->key = xstrdup(key->data);
        s->len = key->len;
        s->hash = hash;
        m->used++;
    }
    return s;
}

static void add_form(struct matcher *m, const char *text, int form, struct tokens *t,
                     struct buf *key)
{
    tokens_reset(t);
    tokens_add_text(t, text, strlen(text), 0);
    buf_reset(key);
    for (size_t i = 0; i < t->n; i++) {
        if (skipped(t, i))
            continue;
        if (key->len) /* a prefix: lets matcher_longest stop early */
            intern_key(m, key)->extended = true;
        key_add(key, t, i);
    }
    if (!key->len)
        return;
    struct matcher_slot *s = intern_key(m, key);
    for (size_t k = 0; k < s->n; k++)
        if (s->forms[k] == form)
            return;
    s->forms = xrealloc(s->forms, (s->n + 1) * sizeof *s->forms);
    s->forms[s->n++] = form;
    if (t->n > m->max_tokens)
        m->max_tokens = t->n;
}

struct matcher *matcher_new(const struct kb *kb)
{
    struct matcher *m = xcalloc(1, sizeof *m);
    grow(m);
    struct tokens t;
    tokens_init(&t);
    struct buf key;
    buf_init(&key);
    for (size_t f = 0; f < kb->nforms; f++)
        add_form(m, kb->forms[f].text, (int)f, &t, &key);
    tokens_free(&t);
    buf_free(&key);
    return m;
}

void matcher_free(struct matcher *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->nslots; i++) {
        free(m->slots[i].key);
        free(m->slots[i].forms);
    }
    free(m->slots);
    free(m);
}

const struct matcher_slot *matcher_start(const struct matcher *m, const struct tokens *t, size_t i)
{
    const struct token *tk = &t->v[i];
    const struct matcher_slot *s =
        find_slot(m, tokens_folded(t, i), tk->fend - tk->fstart, t->hash[tk->word]);
    return s->key ? s : NULL;
}

/* Appends token j's folded form to the key in scratch after a space, and
 * continues its hash. */
static uint64_t key_extend(struct buf *scratch, const struct tokens *t, size_t j, uint64_t hash)
{
    size_t n = t->v[j].fend - t->v[j].fstart;
    buf_reserve(scratch, n + 1);
    char *o = scratch->data + scratch->len;
    *o++ = ' ';
    memcpy(o, tokens_folded(t, j), n);
    o[n] = '\0';
    scratch->len = (size_t)(o + n - scratch->data);
    return hash_more(hash_byte(hash, ' '), tokens_folded(t, j), n);
}

size_t matcher_longest(const struct matcher *m, const struct tokens *t, size_t i,
                       const struct matcher_slot *start, struct buf *scratch, const int **forms,
                       size_t *nforms)
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
            *forms = s->forms;
            *nforms = s->n;
        }
        if ((t->v[j].flags & TOK_POSS) || !s->extended)
            break;    /* no longer form starts like this */
        if (j == i) { /* a longer key is asked for: token i's form goes to scratch */
            buf_reset(scratch);
            buf_append(scratch, tokens_folded(t, i), t->v[i].fend - t->v[i].fstart);
        }
        do /* the next token not skipped */
            j++;
        while (j < t->n && t->v[j].sentence == sentence && skipped(t, j));
        if (j >= t->n || t->v[j].sentence != sentence || taken >= m->max_tokens)
            break;
        hash = key_extend(scratch, t, j, hash);
        taken++;
        s = find_slot(m, scratch->data, scratch->len, hash);
        if (!s->key)
            break; /* no form starts like this */
    }
    return best_end;
}
