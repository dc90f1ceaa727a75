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
 * the key's offset; one form is kept in the slot, more in an array. A key
 * of several words also knows the key of all its words but the last (its
 * parent, a key too) and where that last word starts: a scan finds the
 * next key by its parent and one word, without writing the key out. */
struct matcher_slot {
    uint64_t hash;   /* hash_bytes of the key */
    uint32_t key;    /* offset in matcher.keys */
    uint32_t len;    /* 0: an empty slot (no key is empty) */
    uint32_t parent; /* the key offset of its parent, NO_PARENT for one word */
    uint32_t last;   /* the offset of its last word in the key */
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

#define NO_PARENT UINT32_MAX

static struct matcher_slot *find_slot(const struct matcher *m, const char *key, size_t len,
                                      uint64_t hash)
{
    size_t mask = m->nslots - 1, i = (size_t)hash & mask;
    while (m->slots[i].len && (m->slots[i].hash != hash || m->slots[i].len != len ||
                               !hash_same_bytes(m->keys.data + m->slots[i].key, key, len)))
        i = (i + 1) & mask;
    return &m->slots[i];
}

/* The slot of the key made of parent's key, a space and the word w (n
 * bytes), whose hash is `hash`, or an empty slot. Equal parents and equal
 * last words make equal keys, as each key is kept once. */
static const struct matcher_slot *find_next(const struct matcher *m,
                                            const struct matcher_slot *parent, const char *w,
                                            size_t n, uint64_t hash)
{
    size_t mask = m->nslots - 1, i = (size_t)hash & mask;
    for (;; i = (i + 1) & mask) {
        const struct matcher_slot *s = &m->slots[i];
        if (!s->len || (s->hash == hash && s->parent == parent->key && s->len - s->last == n &&
                        hash_same_bytes(m->keys.data + s->key + s->last, w, n)))
            return s;
    }
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

/* The slot for a key, created empty when new; its parent is the key at
 * offset `parent` (NO_PARENT for a key of one word) and its last word
 * starts at offset `last` of the key. */
static struct matcher_slot *intern_key(struct matcher *m, const struct buf *key, uint32_t parent,
                                       uint32_t last)
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
        s->parent = parent;
        s->last = last;
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
    uint32_t parent = NO_PARENT, last = 0; /* of the key so far */
    for (size_t i = 0; i < t->n; i++) {
        if (skipped(t, i))
            continue;
        if (key->len) { /* a prefix: lets matcher_longest stop early */
            struct matcher_slot *p = intern_key(m, key, parent, last);
            p->extended = true;
            parent = p->key;
            last = (uint32_t)key->len + 1;
        }
        key_add(key, t, i);
    }
    if (!key->len)
        return;
    struct matcher_slot *s = intern_key(m, key, parent, last);
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
            *forms = s->n > 1 ? s->forms : &s->form;
            *nforms = s->n;
        }
        if ((t->v[j].flags & TOK_POSS) || !s->extended)
            break; /* no longer form starts like this */
        do         /* the next token not skipped */
            j++;
        while (j < t->n && t->v[j].sentence == sentence && skipped(t, j));
        if (j >= t->n || t->v[j].sentence != sentence || taken >= m->max_tokens)
            break;
        const char *w = tokens_folded(t, j);
        size_t n = t->v[j].fend - t->v[j].fstart;
        hash = hash_more(hash_byte(hash, ' '), w, n); /* the key's hash, one word longer */
        taken++;
        s = find_next(m, s, w, n, hash);
        if (!s->len)
            break; /* no form starts like this */
    }
    return best_end;
}
