/* identity: one person, one entity across the corpus (see identity.h).
 * Every person entity is filed under its folded name as a short form, and a
 * name of two words or more also under each of its proper word suffixes
 * ("Robin van Persie" under "van persie" and "persie") as a full name. A key
 * whose full names all come to one person folds its short forms into it. */
#include "core/index/identity.h"
#include "core/base/fold.h"
#include "core/base/hash.h"
#include "core/base/sort.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

static int count_words(const char *s)
{
    int n = *s ? 1 : 0;
    for (; *s; s++)
        n += *s == ' ';
    return n;
}

static size_t key_slot(const struct index *ix, const char *key, uint64_t h)
{
    size_t mask = ix->nkey_slots - 1, i = (size_t)h & mask;
    for (; ix->key_slots[i] >= 0; i = (i + 1) & mask) {
        const struct identity_key *k = &ix->keys[ix->key_slots[i]];
        if (k->hash == h && !strcmp(k->key, key))
            break;
    }
    return i;
}

static void key_rehash(struct index *ix)
{
    ix->nkey_slots = ix->nkey_slots ? ix->nkey_slots * 2 : 256;
    identity_rebuild_slots(ix);
}

void identity_rebuild_slots(struct index *ix)
{
    free(ix->key_slots);
    ix->key_slots = xmalloc(ix->nkey_slots * sizeof *ix->key_slots);
    memset(ix->key_slots, 0xff, ix->nkey_slots * sizeof *ix->key_slots);
    for (size_t k = 0; k < ix->nkeys; k++)
        ix->key_slots[key_slot(ix, ix->keys[k].key, ix->keys[k].hash)] = (int)k;
}

/* The key for a folded string (created when absent), marked dirty. */
static struct identity_key *key_get(struct index *ix, const char *key)
{
    if ((ix->nkeys + 1) * 2 > ix->nkey_slots)
        key_rehash(ix);
    uint64_t h = hash_str(key);
    size_t slot = key_slot(ix, key, h);
    if (ix->key_slots[slot] < 0) {
        ix->keys = xgrow(ix->keys, &ix->kcap, ix->nkeys + 1, sizeof *ix->keys);
        ix->keys[ix->nkeys] = (struct identity_key){.key = xstrdup(key), .hash = h};
        ix->keys[ix->nkeys].words = count_words(key);
        ix->key_slots[slot] = (int)ix->nkeys++;
    }
    struct identity_key *k = &ix->keys[ix->key_slots[slot]];
    if (!k->dirty) {
        k->dirty = true;
        ix->dirty = xgrow(ix->dirty, &ix->dcap, ix->ndirty + 1, sizeof *ix->dirty);
        ix->dirty[ix->ndirty++] = (size_t)(k - ix->keys);
    }
    return k;
}

static const struct identity_key *key_find(const struct index *ix, const char *key)
{
    if (!ix->nkey_slots)
        return NULL;
    int k = ix->key_slots[key_slot(ix, key, hash_str(key))];
    return k < 0 ? NULL : &ix->keys[k];
}

void identity_note(struct index *ix, int g)
{
    const char *name = ix->entities[g].name;
    char *f = fold_text(name, strlen(name));
    if (*f) {
        struct identity_key *k = key_get(ix, f);
        k->shorts = xgrow(k->shorts, &k->cshort, k->nshort + 1, sizeof *k->shorts);
        k->shorts[k->nshort++] = g;
    }
    free(f);
    /* Suffixes start after a space of the name as written: "O'Neil" has no
     * "Neil" and "Hill-Wood" no "Wood". */
    for (const char *s = strchr(name, ' '); s; s = strchr(s + 1, ' ')) {
        f = fold_text(s + 1, strlen(s + 1));
        if (*f) {
            struct identity_key *k = key_get(ix, f);
            k->full = xgrow(k->full, &k->cfull, k->nfull + 1, sizeof *k->full);
            k->full[k->nfull++] = g;
        }
        free(f);
    }
}

int index_canonical(const struct index *ix, int g)
{
    while (g >= 0 && ix->entities[g].same_as >= 0)
        g = ix->entities[g].same_as;
    return g;
}

int identity_posting_cmp(const struct index *ix, const struct posting *a, const struct posting *b)
{
    if (a->article != b->article)
        return a->article < b->article ? -1 : 1;
    struct place pa = index_place(ix, a), pb = index_place(ix, b);
    if (pa.in_title != pb.in_title)
        return pa.in_title ? -1 : 1;
    return pa.start < pb.start ? -1 : pa.start > pb.start;
}

/* The entity a posting's own local entity was interned as. */
static int posting_owner(const struct index *ix, const struct posting *p)
{
    return index_interned(
        ix, index_extraction(ix, p->article)->entities[index_posting_local(ix, p)].id);
}

/* Whether entity o is s or is folded into s (directly or not). */
static bool routes_through(const struct index *ix, int o, int s)
{
    for (; o >= 0; o = ix->entities[o].same_as)
        if (o == s)
            return true;
    return false;
}

/* The distinct articles of a posting array, rebuilt. */
static void rebuild_articles(struct index_entity *e)
{
    e->narticles = 0;
    for (size_t i = 0; i < e->npostings; i++) {
        uint32_t a = e->postings[i].article;
        if (!e->narticles || e->articles[e->narticles - 1] != a) {
            e->articles = xgrow(e->articles, &e->acap, e->narticles + 1, sizeof *e->articles);
            e->articles[e->narticles++] = a;
        }
    }
}

static void add_form_copy(struct index_entity *e, const char *form)
{
    for (size_t i = 0; i < e->nforms; i++)
        if (!strcmp(e->forms[i], form))
            return;
    e->forms = xgrow(e->forms, &e->fcap, e->nforms + 1, sizeof *e->forms);
    e->forms[e->nforms++] = xstrdup(form);
}

/* Folds s (not folded into anything) into t: a sorted merge of postings. */
static void merge_into(struct index *ix, int s, int t)
{
    struct index_entity *from = &ix->entities[s], *to = &ix->entities[t];
    size_t n = from->npostings + to->npostings, i = 0, j = 0, k = 0, cap = 0;
    struct posting *v = xgrow(NULL, &cap, n ? n : 1, sizeof *v);
    while (i < to->npostings || j < from->npostings) {
        bool take_from = i == to->npostings ||
                         (j < from->npostings &&
                          identity_posting_cmp(ix, &from->postings[j], &to->postings[i]) < 0);
        if (take_from) {
            const struct posting *p = &from->postings[j++];
            ix->global[p->article][index_posting_local(ix, p)] = t;
            v[k++] = *p;
        } else {
            v[k++] = to->postings[i++];
        }
    }
    free(to->postings);
    to->postings = v;
    to->npostings = n;
    to->pcap = cap;
    rebuild_articles(to);
    for (size_t f = 0; f < from->nforms; f++)
        add_form_copy(to, from->forms[f]);
    if (to->role == ROLE_UNKNOWN)
        to->role = from->role;
    from->npostings = from->narticles = 0;
    from->same_as = t;
}

/* Takes s (and what is folded into s) back out of the entity it is in. */
static void split_out(struct index *ix, int s)
{
    int t = index_canonical(ix, s);
    struct index_entity *from = &ix->entities[t], *back = &ix->entities[s];
    ix->entities[s].same_as = -1;
    size_t keep = 0;
    for (size_t i = 0; i < from->npostings; i++) {
        struct posting p = from->postings[i];
        if (routes_through(ix, posting_owner(ix, &p), s)) {
            back->postings =
                xgrow(back->postings, &back->pcap, back->npostings + 1, sizeof *back->postings);
            back->postings[back->npostings++] = p;
            ix->global[p.article][index_posting_local(ix, &p)] = s;
        } else {
            from->postings[keep++] = p;
        }
    }
    from->npostings = keep;
    rebuild_articles(from);
    rebuild_articles(back);
}

/* The one person the full names of a key come to, or -1 (none, or more). */
static int key_person(const struct index *ix, const struct identity_key *k)
{
    int who = -1;
    for (size_t i = 0; i < k->nfull; i++) {
        int c = index_canonical(ix, k->full[i]);
        if (who >= 0 && c != who)
            return -1;
        who = c;
    }
    return who;
}

static void settle_key(struct index *ix, struct identity_key *k)
{
    k->dirty = false;
    int who = key_person(ix, k);
    for (size_t i = 0; i < k->nshort; i++) {
        int s = k->shorts[i];
        if (who >= 0 && index_canonical(ix, s) == who) {
            continue;
        }
        if (ix->entities[s].same_as >= 0)
            split_out(ix, s);
        if (who >= 0 && who != s && ix->entities[who].kind == ix->entities[s].kind)
            merge_into(ix, s, who);
    }
}

static int compare_key_words(const void *pa, const void *pb, void *ctx)
{
    const struct index *ix = ctx;
    int a = ix->keys[*(const size_t *)pa].words, b = ix->keys[*(const size_t *)pb].words;
    return b - a;
}

void identity_settle(struct index *ix)
{
    /* Longer keys first: "alex ferguson" folds into "sir alex ferguson"
     * before "ferguson" asks whom its full names come to. */
    sort_ctx(ix->dirty, ix->ndirty, sizeof *ix->dirty, compare_key_words, ix);
    for (size_t i = 0; i < ix->ndirty; i++)
        settle_key(ix, &ix->keys[ix->dirty[i]]);
    ix->ndirty = 0;
}

size_t index_people_named(const struct index *ix, const char *name, int *out, size_t max)
{
    char *f = fold_text(name, strlen(name));
    const struct identity_key *k = key_find(ix, f);
    free(f);
    size_t n = 0;
    for (size_t i = 0; k && i < k->nfull; i++) {
        int c = index_canonical(ix, k->full[i]);
        bool seen = false;
        for (size_t j = 0; j < n && j < max; j++)
            seen |= out[j] == c;
        if (!seen && n < max)
            out[n] = c;
        n += !seen;
    }
    return n;
}

void identity_free(struct index *ix)
{
    for (size_t k = 0; k < ix->nkeys; k++) {
        free(ix->keys[k].key);
        free(ix->keys[k].full);
        free(ix->keys[k].shorts);
    }
    free(ix->keys);
    free(ix->key_slots);
    free(ix->dirty);
}
