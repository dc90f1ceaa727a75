/* index: the corpus-wide entity index and its queries (see index.h). */
#include "core/index/index.h"
#include "core/index/identity.h"
#include "core/index/index_image.h"
#include "core/base/buf.h"
#include "core/base/fold.h"
#include "core/base/hash.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void index_init(struct index *ix, const struct corpus *c)
{
    memset(ix, 0, sizeof *ix);
    ix->corpus = c;
    ix->nslots = 1024;
    ix->slots = xmalloc(ix->nslots * sizeof *ix->slots);
    memset(ix->slots, 0xff, ix->nslots * sizeof *ix->slots);
}

void index_free(struct index *ix)
{
    if (ix->stored) {
        index_image_free(ix);
        return;
    }
    for (size_t i = 0; i < ix->narticles; i++) {
        extraction_free(&ix->x[i]);
        free(ix->global[i]);
    }
    free(ix->x);
    free(ix->global);
    for (size_t i = 0; i < ix->nentities; i++) {
        struct index_entity *e = &ix->entities[i];
        free(e->id);
        free(e->name);
        free(e->postings);
        free(e->articles);
        for (size_t f = 0; f < e->nforms; f++)
            free(e->forms[f]);
        free(e->forms);
    }
    free(ix->entities);
    free(ix->slots);
    identity_free(ix);
    memset(ix, 0, sizeof *ix);
}

/* The slot of an id (its hash given): where it is, or the empty slot where
 * it would go. Hashes are compared before the strings. */
static size_t slot_of_hashed(const struct index *ix, const char *id, uint64_t h)
{
    size_t mask = ix->nslots - 1, i = (size_t)h & mask;
    for (; ix->slots[i] >= 0; i = (i + 1) & mask) {
        const struct index_entity *e = &ix->entities[ix->slots[i]];
        if (e->hash == h && !strcmp(e->id, id))
            break;
    }
    return i;
}

static size_t slot_of(const struct index *ix, const char *id)
{
    return slot_of_hashed(ix, id, hash_str(id));
}

static void rehash(struct index *ix)
{
    ix->nslots *= 2;
    index_rebuild_slots(ix);
}

void index_rebuild_slots(struct index *ix)
{
    free(ix->slots);
    ix->slots = xmalloc(ix->nslots * sizeof *ix->slots);
    memset(ix->slots, 0xff, ix->nslots * sizeof *ix->slots);
    for (size_t e = 0; e < ix->nentities; e++)
        ix->slots[slot_of_hashed(ix, ix->entities[e].id, ix->entities[e].hash)] = (int)e;
}

int index_interned(const struct index *ix, const char *id)
{
    return ix->slots[slot_of(ix, id)];
}

int index_find(const struct index *ix, const char *id)
{
    return index_canonical(ix, ix->slots[slot_of(ix, id)]);
}

/* The entity of an id, interned when new (*fresh says so). */
static int intern_entity(struct index *ix, const struct found_entity *fe, bool *fresh)
{
    uint64_t h = hash_str(fe->id);
    size_t slot = slot_of_hashed(ix, fe->id, h);
    *fresh = ix->slots[slot] < 0;
    if (!*fresh) {
        struct index_entity *e = &ix->entities[ix->slots[slot]];
        if (e->role == ROLE_UNKNOWN)
            e->role = fe->role;
        return ix->slots[slot];
    }
    ix->entities = xgrow(ix->entities, &ix->ecap, ix->nentities + 1, sizeof *ix->entities);
    struct index_entity *e = &ix->entities[ix->nentities];
    memset(e, 0, sizeof *e);
    e->id = xstrdup(fe->id);
    e->hash = h;
    e->name = xstrdup(fe->name);
    e->kind = fe->kind;
    e->role = fe->role;
    e->same_as = -1;
    ix->slots[slot] = (int)ix->nentities++;
    if (ix->nentities * 2 > ix->nslots)
        rehash(ix);
    return (int)ix->nentities - 1;
}

/* Texts up to this long are folded on the stack: a copy is made only for a
 * form the entity does not have yet (most are repeats). */
enum { FORM_ON_STACK = 120 };

/* Adds the folded form of s[0, len) to e's forms, unless e has it. */
static void add_form(struct index_entity *e, const char *s, size_t len)
{
    char room[FOLD_TEXT_ROOM(FORM_ON_STACK)];
    char *folded = len <= FORM_ON_STACK ? room : xmalloc(FOLD_TEXT_ROOM(len));
    size_t n = fold_text_to(s, len, folded);
    for (size_t i = 0; i < e->nforms; i++) {
        if (!strcmp(e->forms[i], folded)) {
            if (folded != room)
                free(folded);
            return;
        }
    }
    e->forms = xgrow(e->forms, &e->fcap, e->nforms + 1, sizeof *e->forms);
    e->forms[e->nforms++] = folded == room ? xstrndup(folded, n) : folded;
}

/* Whether a span's bytes differ from a string (0 when equal). */
static int strcmp_span(const char *s, const char *t, size_t len)
{
    return strncmp(s, t, len) || s[len] != '\0';
}

/* Whether mention m of an entity has the same text as an earlier one in the
 * article (its form is in already: folding is the index's costly part). */
static bool seen_before(const struct article *a, const struct mention *mentions, size_t m)
{
    const struct mention *mn = &mentions[m];
    const char *t = (mn->in_title ? a->title : a->body) + mn->start;
    size_t len = mn->end - mn->start;
    for (size_t i = 0; i < m; i++) {
        const struct mention *o = &mentions[i];
        if (o->end - o->start == len &&
            !memcmp((o->in_title ? a->title : a->body) + o->start, t, len))
            return true;
    }
    return false;
}

/* Whether posting q may come after posting p of the same entity. `first`
 * is the number of the first mention of q's own local entity: one of its
 * earlier mentions is in order without reading either (most are). */
static bool in_order(const struct index *ix, const struct posting *p, const struct posting *q,
                     uint32_t first)
{
    if (p->article != q->article)
        return p->article < q->article;
    if (p->mention >= first && p->mention < q->mention)
        return true;
    return identity_posting_cmp(ix, p, q) <= 0;
}

/* Appends a posting, kept in order when two entities of the article are one
 * person across the corpus (their mentions interleave). */
static void put_posting(const struct index *ix, struct index_entity *e, struct posting p,
                        uint32_t first)
{
    e->postings = xgrow(e->postings, &e->pcap, e->npostings + 1, sizeof *e->postings);
    size_t i = e->npostings++;
    for (; i > 0 && !in_order(ix, &e->postings[i - 1], &p, first); i--)
        e->postings[i] = e->postings[i - 1];
    e->postings[i] = p;
}

/* Postings of local entity fe go to g, the person it is across the corpus;
 * its mention texts become forms of g. `first` is the article's number of
 * its first mention. */
static void add_postings(struct index *ix, int g, size_t article, uint32_t first,
                         const struct extraction *x, const struct found_entity *fe)
{
    const struct mention *mentions = extraction_mentions_of(x, fe);
    struct index_entity *e = &ix->entities[g];
    const struct article *a = ix->corpus->articles[article];
    if (!e->narticles || e->articles[e->narticles - 1] != article) {
        e->articles = xgrow(e->articles, &e->acap, e->narticles + 1, sizeof *e->articles);
        e->articles[e->narticles++] = (uint32_t)article;
    }
    if (!e->nforms)
        add_form(e, e->name, strlen(e->name));
    for (size_t m = 0; m < fe->nmentions; m++) {
        const struct mention *mn = &mentions[m];
        put_posting(ix, e, (struct posting){(uint32_t)article, first + (uint32_t)m}, first);
        const char *text = mn->in_title ? a->title : a->body;
        if (!seen_before(a, mentions, m) &&
            strcmp_span(e->name, text + mn->start, mn->end - mn->start))
            add_form(e, text + mn->start, mn->end - mn->start);
    }
}

/* Room for article `article` (articles come in load order, so the arrays
 * grow at the end). */
static void reserve_article(struct index *ix, size_t article)
{
    if (article < ix->narticles)
        return;
    size_t cap = ix->xcap;
    ix->x = xgrow(ix->x, &cap, article + 1, sizeof *ix->x);
    ix->global = xgrow(ix->global, &ix->xcap, article + 1, sizeof *ix->global);
    memset(ix->x + ix->narticles, 0, (article + 1 - ix->narticles) * sizeof *ix->x);
    memset(ix->global + ix->narticles, 0, (article + 1 - ix->narticles) * sizeof *ix->global);
    ix->narticles = article + 1;
}

void index_add(struct index *ix, size_t article, struct extraction *x)
{
    if (ix->stored)
        index_image_unshare(ix);
    reserve_article(ix, article);
    ix->x[article] = *x;
    memset(x, 0, sizeof *x);
    struct extraction *mine = &ix->x[article];
    size_t n = mine->nentities;
    ix->global[article] = xmalloc((n ? n : 1) * sizeof(int));
    char **ids = xmalloc((n ? n : 1) * sizeof *ids), **names = xmalloc((n ? n : 1) * sizeof *names);
    uint32_t first = 0; /* the article's number of entity i's first mention */
    for (size_t i = 0; i < n; i++) {
        bool fresh;
        int own = intern_entity(ix, &mine->entities[i], &fresh);
        int g = index_canonical(ix, own);
        ix->global[article][i] = g;
        add_postings(ix, g, article, first, mine, &mine->entities[i]);
        first += (uint32_t)mine->entities[i].nmentions;
        if (fresh && mine->entities[i].kind == ENTITY_PERSON)
            identity_note(ix, own);
        const struct index_entity *e = &ix->entities[own];
        ids[i] = e->id; /* interned by id: always the same */
        names[i] = strcmp(e->name, mine->entities[i].name) ? NULL : e->name;
    }
    /* One block per article, with the index's own copy of every id and name. */
    extraction_pack_shared(mine, ids, names);
    free(ids);
    free(names);
    identity_settle(ix);
}

/* The mention a posting refers to, and in *local its entity; NULL (and
 * SIZE_MAX) when the article's extraction has no such mention. */
static const struct mention *posting_mention(const struct index *ix, const struct posting *p,
                                             size_t *local)
{
    *local = SIZE_MAX;
    if (p->article >= ix->narticles)
        return NULL;
    const struct extraction *x = index_extraction(ix, p->article);
    size_t m = p->mention;
    for (size_t l = 0; l < x->nentities; l++) {
        if (m < x->entities[l].nmentions) {
            *local = l;
            return &extraction_mentions_of(x, &x->entities[l])[m];
        }
        m -= x->entities[l].nmentions;
    }
    return NULL;
}

struct place index_place(const struct index *ix, const struct posting *p)
{
    size_t local;
    const struct mention *mn = posting_mention(ix, p, &local);
    if (!mn)
        return (struct place){p->article, 0, 0, false};
    return (struct place){p->article, mn->start, mn->end, mn->in_title};
}

size_t index_posting_local(const struct index *ix, const struct posting *p)
{
    size_t local;
    (void)posting_mention(ix, p, &local);
    return local;
}

const struct extraction *index_extraction(const struct index *ix, size_t article)
{
    index_image_settle(ix, article);
    return &ix->x[article];
}

int index_global(const struct index *ix, size_t article, size_t local)
{
    if (article >= ix->narticles)
        return -1;
    /* an extraction attached for later has the image's count, undecoded */
    size_t n =
        index_image_later(ix, article) ? index_image_locals(ix, article) : ix->x[article].nentities;
    if (local >= n)
        return -1;
    return ix->global[article][local];
}

int index_resolve(const struct index *ix, const char *name, int kind)
{
    int hit = index_find(ix, name);
    if (hit >= 0)
        return hit;
    char *q = fold_text(name, strlen(name));
    int best = -1;
    int best_rank = 0; /* 2: canonical name, 1: a mention form */
    for (size_t i = 0; i < ix->nentities; i++) {
        const struct index_entity *e = &ix->entities[i];
        if ((kind >= 0 && (int)e->kind != kind) || e->same_as >= 0)
            continue;
        for (size_t f = 0; f < e->nforms; f++) {
            if (strcmp(e->forms[f], q) != 0)
                continue;
            int rank = f == 0 ? 2 : 1;
            if (rank > best_rank ||
                (rank == best_rank && e->narticles > ix->entities[best].narticles)) {
                best = (int)i;
                best_rank = rank;
            }
            break;
        }
    }
    free(q);
    return best;
}

/* 2: some form starts with q, 1: fuzzy subsequence match, 0: no match. */
static int match_rank(const struct index_entity *e, const char *q)
{
    size_t qn = strlen(q);
    int rank = 0;
    for (size_t f = 0; f < e->nforms && rank < 2; f++) {
        const char *s = e->forms[f];
        if (!strncmp(s, q, qn) || strstr(s, q)) {
            rank = 2;
            break;
        }
        const char *p = q;
        for (; *s && *p; s++)
            if (*s == *p || (*p == ' ' && *s == ' '))
                p++;
        if (!*p)
            rank = 1;
    }
    return rank;
}

struct ranked {
    int entity, rank;
    size_t articles;
    const char *name;
};

static int compare_ranked(const void *pa, const void *pb)
{
    const struct ranked *a = pa, *b = pb;
    if (a->rank != b->rank)
        return b->rank - a->rank;
    if (a->articles != b->articles)
        return a->articles < b->articles ? 1 : -1;
    return strcmp(a->name, b->name);
}

size_t index_search(const struct index *ix, int kind, const char *query, int *out, size_t max)
{
    char *q = fold_text(query, strlen(query));
    struct ranked *r = xmalloc((ix->nentities ? ix->nentities : 1) * sizeof *r);
    size_t n = 0;
    for (size_t i = 0; i < ix->nentities; i++) {
        const struct index_entity *e = &ix->entities[i];
        if ((kind >= 0 && (int)e->kind != kind) || e->same_as >= 0)
            continue;
        int rank = *q ? match_rank(e, q) : 2;
        if (rank)
            r[n++] = (struct ranked){(int)i, rank, e->narticles, e->name};
    }
    qsort(r, n, sizeof *r, compare_ranked);
    size_t k = n < max ? n : max;
    for (size_t i = 0; i < k; i++)
        out[i] = r[i].entity;
    free(r);
    free(q);
    return k;
}

struct posting_list index_postings(const struct index *ix, int entity)
{
    if (entity < 0 || (size_t)entity >= ix->nentities)
        return (struct posting_list){NULL, ix, NULL, 0, NULL, 0};
    const struct index_entity *e = &ix->entities[entity];
    return (struct posting_list){e->postings, ix, NULL, e->npostings, e->articles, e->narticles};
}

struct place posting_list_place(const struct posting_list *pl, size_t i)
{
    return pl->v ? index_place(pl->ix, &pl->v[i]) : pl->places[i];
}

/* The article of entry i of a list. */
static uint32_t list_article(const struct posting_list *pl, size_t i)
{
    return pl->v ? pl->v[i].article : pl->places[i].article;
}

bool postings_has_article(const struct posting_list *pl, size_t article)
{
    size_t lo = 0, hi = pl->narticles;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (pl->articles[mid] < article)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < pl->narticles && pl->articles[lo] == article;
}

size_t postings_in(const struct posting_list *pl, size_t article, size_t *count)
{
    size_t lo = 0, hi = pl->n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (list_article(pl, mid) < article)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo;
    while (end < pl->n && list_article(pl, end) == article)
        end++;
    *count = end - lo;
    return lo;
}

/* Position key of a posting inside its article: title mentions first. */
static uint64_t posting_key(bool in_title, size_t offset)
{
    return ((uint64_t)(in_title ? 0 : 1) << 62) | (uint64_t)(offset & ((1ull << 62) - 1));
}

/* The listed article after (dir > 0) or before position p that has a
 * posting; wraps around. Returns -1 when none is listed. */
static long neighbour_article(const struct posting_list *pl, const long *pos_of, long p, int dir,
                              bool *wrapped)
{
    long best = -1, extreme = -1;
    for (size_t i = 0; i < pl->narticles; i++) {
        long q = pos_of[pl->articles[i]];
        if (q < 0)
            continue;
        if ((dir > 0 && q > p && (best < 0 || q < best)) || (dir < 0 && q < p && q > best))
            best = q;
        if (extreme < 0 || (dir > 0 ? q < extreme : q > extreme))
            extreme = q;
    }
    *wrapped = best < 0;
    return best >= 0 ? best : extreme;
}

bool postings_step(const struct posting_list *pl, const size_t *list, size_t nlist,
                   const long *pos_of, size_t from_article, size_t from_offset, bool from_title,
                   int dir, struct index_cursor *out, bool *wrapped)
{
    *wrapped = false;
    if (!nlist || !pl->narticles)
        return false;
    bool outside = from_offset == SIZE_MAX; /* before the start (dir > 0) or after the end */
    uint64_t here = outside ? 0 : posting_key(from_title, from_offset);
    long p = pos_of[from_article];
    size_t count, first = postings_in(pl, from_article, &count);
    for (size_t k = 0; p >= 0 && k < count; k++) {
        size_t i = dir > 0 ? first + k : first + count - 1 - k;
        struct place at = posting_list_place(pl, i);
        uint64_t key = posting_key(at.in_title, at.start);
        if (outside || (dir > 0 && key > here) || (dir < 0 && key < here)) {
            out->list_pos = (size_t)p;
            out->posting = i;
            return true;
        }
    }
    long q = neighbour_article(pl, pos_of, p, dir, wrapped);
    if (q < 0)
        return false;
    first = postings_in(pl, list[q], &count);
    out->list_pos = (size_t)q;
    out->posting = dir > 0 ? first : first + count - 1;
    return count > 0;
}

bool index_article_has(const struct index *ix, int entity, size_t article)
{
    struct posting_list pl = index_postings(ix, entity);
    return postings_has_article(&pl, article);
}

size_t index_postings_in(const struct index *ix, int entity, size_t article, size_t *count)
{
    struct posting_list pl = index_postings(ix, entity);
    return postings_in(&pl, article, count);
}

bool index_step(const struct index *ix, int entity, const size_t *list, size_t nlist,
                const long *pos_of, size_t from_article, size_t from_offset, bool from_title,
                int dir, struct index_cursor *out, bool *wrapped)
{
    struct posting_list pl = index_postings(ix, entity);
    *wrapped = false;
    return postings_step(&pl, list, nlist, pos_of, from_article, from_offset, from_title, dir, out,
                         wrapped);
}
