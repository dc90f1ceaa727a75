/* matcher_table: builds the matcher's table of a base's forms (see
 * matcher_table.h). The build is the same at run time and in kbgen. */
#include "core/extract/matcher_table.h"
#include "core/extract/tokens.h"
#include "core/base/buf.h"
#include "core/base/hash.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The forms of one key with more than one, while the table is built. */
struct form_list {
    int *v;
    size_t n;
};

struct builder {
    struct matcher_slot *slots;
    size_t nslots, used, max_tokens;
    struct buf keys;
    struct form_list *lists; /* a slot's `form` is its list's index while n > 1 */
    size_t nlists;
};

static struct matcher_slot *find_slot(const struct builder *b, const char *key, size_t len,
                                      uint64_t hash)
{
    size_t mask = b->nslots - 1, i = (size_t)hash & mask;
    while (b->slots[i].len && (b->slots[i].hash != hash || b->slots[i].len != len ||
                               !hash_same_bytes(b->keys.data + b->slots[i].key, key, len)))
        i = (i + 1) & mask;
    return &b->slots[i];
}

/* Makes the table nslots big (a power of two) and puts the keys back. */
static void resize(struct builder *b, size_t nslots)
{
    struct matcher_slot *old = b->slots;
    size_t n = b->nslots;
    b->nslots = nslots;
    b->slots = xcalloc(b->nslots, sizeof *b->slots);
    for (size_t i = 0; i < n; i++)
        if (old[i].len)
            *find_slot(b, b->keys.data + old[i].key, old[i].len, old[i].hash) = old[i];
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

/* Appends token i's folded form to key, space-separated. */
static void key_add(struct buf *key, const struct tokens *t, size_t i)
{
    if (key->len)
        buf_putc(key, ' ');
    buf_append(key, tokens_folded(t, i), t->v[i].fend - t->v[i].fstart);
}

/* The slot for a key, created empty when new; its parent is the key at
 * offset `parent` (MATCHER_NO_PARENT for a key of one word) and its last
 * word starts at offset `last` of the key. */
static struct matcher_slot *intern_key(struct builder *b, const struct buf *key, uint32_t parent,
                                       uint32_t last)
{
    if ((b->used + 1) * 2 > b->nslots)
        resize(b, b->nslots * 2);
    uint64_t hash = hash_bytes(key->data, key->len);
    struct matcher_slot *s = find_slot(b, key->data, key->len, hash);
    if (!s->len) {
        s->key = (uint32_t)b->keys.len;
        buf_append(&b->keys, key->data, key->len + 1); /* with its NUL */
        s->len = (uint32_t)key->len;
        s->hash = hash;
        s->parent = parent;
        s->last = last;
        b->used++;
    }
    return s;
}

/* Gives key slot s the form `form`, once. */
static void add_form_to(struct builder *b, struct matcher_slot *s, int form)
{
    struct form_list *l = s->n > 1 ? &b->lists[s->form] : NULL;
    const int *have = l ? l->v : &s->form;
    for (size_t k = 0; k < s->n; k++)
        if (have[k] == form)
            return;
    if (s->n == 0) {
        s->form = form;
    } else if (s->n == 1) {
        b->lists = xrealloc(b->lists, (b->nlists + 1) * sizeof *b->lists);
        l = &b->lists[b->nlists];
        l->v = xmalloc(2 * sizeof *l->v);
        l->v[0] = s->form;
        l->v[1] = form;
        l->n = 2;
        s->form = (int)b->nlists++;
    } else {
        l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
        l->v[l->n++] = form;
    }
    s->n++;
}

static void add_form(struct builder *b, const char *text, int form, struct tokens *t,
                     struct buf *key)
{
    tokens_reset(t);
    tokens_add_text(t, text, strlen(text), 0);
    buf_reset(key);
    uint32_t parent = MATCHER_NO_PARENT, last = 0; /* of the key so far */
    for (size_t i = 0; i < t->n; i++) {
        if (tokens_is_punct(t, i, '.')) /* skipped, as matcher_longest does */
            continue;
        if (key->len) { /* a prefix: lets matcher_longest stop early */
            struct matcher_slot *p = intern_key(b, key, parent, last);
            p->extended = true;
            parent = p->key;
            last = (uint32_t)key->len + 1;
        }
        key_add(key, t, i);
    }
    if (!key->len)
        return;
    add_form_to(b, intern_key(b, key, parent, last), form);
    if (t->n > b->max_tokens)
        b->max_tokens = t->n;
}

/* Moves the form lists into one array, in slot order: a slot with more than
 * one form then holds its offset there. */
static int *flatten_forms(struct builder *b, size_t *nforms)
{
    size_t total = 0;
    for (size_t i = 0; i < b->nlists; i++)
        total += b->lists[i].n;
    int *forms = xmalloc((total ? total : 1) * sizeof *forms);
    size_t at = 0;
    for (size_t i = 0; i < b->nslots; i++) {
        struct matcher_slot *s = &b->slots[i];
        if (s->n < 2)
            continue;
        struct form_list *l = &b->lists[s->form];
        memcpy(forms + at, l->v, l->n * sizeof *forms);
        s->form = (int)at;
        at += l->n;
        free(l->v);
    }
    free(b->lists);
    *nforms = total;
    return forms;
}

void matcher_table_build(const struct kb *kb, struct matcher_table *out)
{
    struct builder b = {0};
    buf_init(&b.keys);
    resize(&b, initial_slots(kb));
    struct tokens t;
    tokens_init(&t);
    struct buf key;
    buf_init(&key);
    for (size_t f = 0; f < kb->nforms; f++)
        add_form(&b, kb->forms[f].text, (int)f, &t, &key);
    tokens_free(&t);
    buf_free(&key);
    *out = (struct matcher_table){0};
    out->forms = flatten_forms(&b, &out->nforms);
    out->slots = b.slots;
    out->nslots = b.nslots;
    out->used = b.used;
    out->max_tokens = b.max_tokens;
    out->nkeys = b.keys.len;
    out->keys = buf_detach(&b.keys, NULL);
}

void matcher_table_free(struct matcher_table *t)
{
    free((void *)(uintptr_t)t->slots);
    free((void *)(uintptr_t)t->keys);
    free((void *)(uintptr_t)t->forms);
    *t = (struct matcher_table){0};
}
