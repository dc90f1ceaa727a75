/* matcher: KB names found by a hash of folded token sequences (see matcher.h). */
#include "core/extract/matcher.h"
#include "core/base/hash.h"
#include "core/base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A key is a folded token sequence; `n` forms end there (0 for a key that
 * is only the beginning of longer forms, kept so a scan can stop early).
 * Keys live in one buffer of the matcher, NUL-separated, so a slot holds
 * the key's offset; one form is kept in the slot, more in an array. */
struct matcher_slot {
    uint64_t hash; /* hash_bytes of the key */
    uint32_t key;  /* offset in matcher.keys */
    uint32_t len;  /* 0: an empty slot (no key is empty) */
    uint32_t n;
    int form;      /* the form when n == 1 */
    int *forms;    /* all n of them when n > 1 */
    bool extended; /* a longer key starts with this one and a space */
};

struct matcher {
    struct matcher_slot *slots;
    size_t nslots, used;
    size_t max_tokens;
    struct buf keys;
};

static struct matcher_slot *find_slot(const struct matcher *m, const char *key, size_t len,
                                      uint64_t hash)
{
    size_t mask = m->nslots - 1, i = (size_t)hash & mask;
    while (m->slots[i].len && (m->slots[i].hash != hash || m->slots[i].len != len ||
                               !hash_same_bytes(m->keys.data + m->slots[i].key, key, len)))
        i = (i + 1) & mask;
    return &m->slots[i];
}

/* Makes the table nslots big (a power of two) and puts the keys back. */
static void resize(struct matcher *m, size_t nslots)
{
    struct matcher_slot *old = m->slots;
    size_t n = m->nslots;
    m->nslots = nslots;
    m->slots = xcalloc(m->nslots, sizeof *m->slots);
    for (size_t i = 0; i < n; i++)
        if (old[i].len)
            *find_slot(m, m->keys.data + old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
}

/* A table size for the keys of the KB's forms: each form gives at most one
 * key per word (its prefixes and itself), and prefixes are shared, so the
 * words counted once fill it to about half; resize doubles it if not. */
static size_t initial_slots(const struct kb *kb)
{
    size_t words = 0;
    for (size_t f = 0; f < kb->nforms; f++) {
        words++;
        for (const char *c = kb->forms[f].text; *c; c++)
            words += *c == ' ';
    }
    size_t n = 4096;
    while (n < words)
        n *= 2;
    return n;
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
        resize(m, m->nslots * 2);
    uint64_t hash = hash_bytes(key->data, key->len);
    struct matcher_slot *s = find_slot(m, key->data, key->len, hash);
    if (!s->len) {
        s->key = (uint32_t)m->keys.len;
        buf_append(&m->keys, key->data, key->len + 1); /* with its NUL */
        s->len = (uint32_t)key->len;
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
    const int *have = s->n > 1 ? s->forms : &s->form;
    for (size_t k = 0; k < s->n; k++)
        if (have[k] == form)
            return;
    if (s->n == 0) {
        s->form = form;
    } else {
        if (s->n == 1) {
            s->forms = xmalloc(2 * sizeof *s->forms);
            s->forms[0] = s->form;
        } else {
            s->forms = xrealloc(s->forms, (s->n + 1) * sizeof *s->forms);
        }
        s->forms[s->n] = form;
    }
    s->n++;
    if (t->n > m->max_tokens)
        m->max_tokens = t->n;
}

struct matcher *matcher_new(const struct kb *kb)
{
    struct matcher *m = xcalloc(1, sizeof *m);
    buf_init(&m->keys);
    resize(m, initial_slots(kb));
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
    for (size_t i = 0; i < m->nslots; i++)
        if (m->slots[i].n > 1)
            free(m->slots[i].forms);
    free(m->slots);
    buf_free(&m->keys);
    free(m);
}

const struct matcher_slot *matcher_start(const struct matcher *m, const struct tokens *t, size_t i)
{
    const struct token *tk = &t->v[i];
    const struct matcher_slot *s =
        find_slot(m, tokens_folded(t, i), tk->fend - tk->fstart, t->hash[tk->word]);
    return s->len ? s : NULL;
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
            *forms = s->n > 1 ? s->forms : &s->form;
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
        if (!s->len)
            break; /* no form starts like this */
    }
    return best_end;
}
