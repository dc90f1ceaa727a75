/* index_image: reading the stored index image (see index_image.h; the
 * layout is index_image_format.h, the writing index_image_write.c): every
 * check before anything is used, then the index pointing into it, the
 * articles attached, and the copy out. */
#include "core/index/index_image.h"
#include "core/index/index_image_format.h"
#include "core/index/identity.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_CHAIN = 64 }; /* same-as links followed before a chain is refused */
/* Articles attached between two give-backs of their part of the image. */
enum { ATTACH_WINDOW = 1024 };

struct index_stored {
    const unsigned char *image;
    size_t len;
    struct index_image_owner owner;
    const struct image_file *files;
    char **forms; /* every entity's form pointers, one block */
    /* An attached extraction has another number of mentions, or a mention
     * outside its article. */
    bool mismatch;
    /* The first article attached (attaching: one was), where giving back
     * what attaching read starts: those before it are attached later (the
     * first ones, at the end of a load) and read their parts then. */
    size_t attached_from;
    bool attaching;
    /* Per article (allocated with the first index_image_attach_later): the
     * record of an extraction attached for later, decoded on first use
     * (index_image_settle); start NULL once decoded, or never one. */
    struct later {
        const void *start;
        size_t len;
    } * later;
    index_image_decode decode;
};

/* ---- reading: every check before anything is used ---- */

/* The view of an image being checked. */
struct view {
    const unsigned char *p;
    size_t len;
    const struct image_head *h;
    const struct image_file *files;
    const struct image_entity *entities;
    const struct image_key *keys;
    const struct posting *postings;
    const uint32_t *numbers;
    const char *strings;
};

/* Whether n records of size `rec` at offset `at` lie within the image. */
static bool section_fits(const struct view *v, uint64_t at, uint64_t n, size_t rec)
{
    if (at % 8 || at > v->len || n > (v->len - at) / rec)
        return false;
    return true;
}

static bool head_ok(struct view *v, uint64_t key)
{
    if (v->len < sizeof *v->h || (uintptr_t)v->p % 8)
        return false;
    const struct image_head *h = v->h = (const struct image_head *)v->p;
    if (memcmp(h->magic, INDEX_IMAGE_MAGIC, sizeof h->magic) || h->order != INDEX_IMAGE_ORDER ||
        h->posting_size != sizeof(struct posting) || h->key != key || h->len != v->len)
        return false;
    if (h->narticles >= UINT32_MAX || h->nentities >= INT32_MAX || h->nkeys >= INT32_MAX ||
        h->nstrings == 0 || h->nstrings >= UINT32_MAX)
        return false;
    if (!section_fits(v, h->files, h->narticles, sizeof *v->files) ||
        !section_fits(v, h->entities, h->nentities, sizeof *v->entities) ||
        !section_fits(v, h->keys, h->nkeys, sizeof *v->keys) ||
        !section_fits(v, h->postings, h->npostings, sizeof *v->postings) ||
        !section_fits(v, h->numbers, h->nnumbers, 4) ||
        !section_fits(v, h->strings, h->nstrings, 1))
        return false;
    v->files = (const struct image_file *)(v->p + h->files);
    v->entities = (const struct image_entity *)(v->p + h->entities);
    v->keys = (const struct image_key *)(v->p + h->keys);
    v->postings = (const struct posting *)(v->p + h->postings);
    v->numbers = (const uint32_t *)(v->p + h->numbers);
    v->strings = (const char *)(v->p + h->strings);
    return v->strings[h->nstrings - 1] == '\0'; /* so every string in range ends */
}

static bool string_ok(const struct view *v, uint64_t at)
{
    return at < v->h->nstrings;
}

static bool numbers_ok(const struct view *v, uint64_t at, uint64_t n)
{
    return at <= v->h->nnumbers && n <= v->h->nnumbers - at;
}

/* Whether numbers[at..at+n) are all below `bound`. */
static bool numbers_below(const struct view *v, uint64_t at, uint64_t n, uint64_t bound)
{
    if (!numbers_ok(v, at, n))
        return false;
    for (uint64_t i = 0; i < n; i++)
        if (v->numbers[at + i] >= bound)
            return false;
    return true;
}

static bool files_ok(const struct view *v)
{
    for (uint64_t i = 0; i < v->h->narticles; i++) {
        const struct image_file *f = &v->files[i];
        if (!string_ok(v, f->path) || !numbers_below(v, f->global, f->nlocal, v->h->nentities) ||
            !numbers_below(v, f->own, f->nlocal, v->h->nentities))
            return false;
    }
    return true;
}

static bool postings_ok(const struct view *v, const struct image_entity *e)
{
    if (e->postings > v->h->npostings || e->npostings > v->h->npostings - e->postings)
        return false;
    for (uint32_t i = 0; i < e->npostings; i++) {
        const struct posting *p = &v->postings[e->postings + i];
        if (p->article >= v->h->narticles || p->mention >= v->files[p->article].nmentions)
            return false;
    }
    return true;
}

static bool forms_ok(const struct view *v, const struct image_entity *e)
{
    if (!numbers_ok(v, e->forms, e->nforms))
        return false;
    for (uint32_t f = 0; f < e->nforms; f++)
        if (!string_ok(v, v->numbers[e->forms + f]))
            return false;
    return true;
}

/* Whether following same_as from e ends (index_canonical must not loop). */
static bool chain_ends(const struct view *v, int32_t e)
{
    for (int steps = 0; steps < MAX_CHAIN; steps++) {
        e = v->entities[e].same_as;
        if (e < 0)
            return true;
    }
    return false;
}

static bool entities_ok(const struct view *v)
{
    uint64_t n = v->h->nentities;
    for (uint64_t i = 0; i < n; i++) {
        const struct image_entity *e = &v->entities[i];
        if (!string_ok(v, e->id) || !string_ok(v, e->name) || e->kind < 0 ||
            e->kind >= ENTITY_KIND_COUNT || e->role < 0 || e->role > ROLE_OTHER ||
            e->same_as < -1 || (int64_t)e->same_as >= (int64_t)n ||
            !numbers_below(v, e->articles, e->narticles, v->h->narticles) || !postings_ok(v, e) ||
            !forms_ok(v, e))
            return false;
    }
    for (uint64_t i = 0; i < n; i++)
        if (!chain_ends(v, (int32_t)i))
            return false;
    return true;
}

static bool keys_ok(const struct view *v)
{
    for (uint64_t i = 0; i < v->h->nkeys; i++) {
        const struct image_key *k = &v->keys[i];
        if (!string_ok(v, k->key) || !numbers_below(v, k->full, k->nfull, v->h->nentities) ||
            !numbers_below(v, k->shorts, k->nshort, v->h->nentities))
            return false;
    }
    return true;
}

/* ---- taking a checked image ---- */

static size_t slots_for(size_t n, size_t least)
{
    size_t slots = least;
    while (slots < 2 * (n + 1))
        slots *= 2;
    return slots;
}

static void take_entities(struct index *ix, const struct view *v)
{
    size_t n = v->h->nentities, nforms = 0;
    for (size_t i = 0; i < n; i++)
        nforms += v->entities[i].nforms;
    ix->stored->forms = xmalloc((nforms ? nforms : 1) * sizeof *ix->stored->forms);
    ix->entities = xcalloc(n ? n : 1, sizeof *ix->entities);
    ix->nentities = ix->ecap = n;
    char **form = ix->stored->forms;
    for (size_t i = 0; i < n; i++) {
        const struct image_entity *r = &v->entities[i];
        struct index_entity *e = &ix->entities[i];
        e->id = (char *)(v->strings + r->id);
        e->name = (char *)(v->strings + r->name);
        e->hash = r->hash;
        e->kind = (enum entity_kind)r->kind;
        e->role = (enum person_role)r->role;
        e->same_as = r->same_as;
        e->postings = (struct posting *)(v->postings + r->postings);
        e->npostings = r->npostings;
        e->articles = (uint32_t *)(v->numbers + r->articles);
        e->narticles = r->narticles;
        e->forms = form;
        e->nforms = r->nforms;
        for (uint32_t f = 0; f < r->nforms; f++)
            *form++ = (char *)(v->strings + v->numbers[r->forms + f]);
    }
    ix->nslots = slots_for(n, 1024);
    index_rebuild_slots(ix);
}

static void take_keys(struct index *ix, const struct view *v)
{
    size_t n = v->h->nkeys;
    ix->keys = xcalloc(n ? n : 1, sizeof *ix->keys);
    ix->nkeys = ix->kcap = n;
    for (size_t i = 0; i < n; i++) {
        const struct image_key *r = &v->keys[i];
        struct identity_key *k = &ix->keys[i];
        k->key = (char *)(v->strings + r->key);
        k->hash = r->hash;
        k->words = r->words;
        k->full = (int *)(v->numbers + r->full);
        k->nfull = r->nfull;
        k->shorts = (int *)(v->numbers + r->shorts);
        k->nshort = r->nshort;
    }
    if (n) {
        ix->nkey_slots = slots_for(n, 256);
        identity_rebuild_slots(ix);
    }
}

static void take_articles(struct index *ix, const struct view *v)
{
    size_t n = v->h->narticles;
    ix->x = xcalloc(n ? n : 1, sizeof *ix->x);
    ix->global = xcalloc(n ? n : 1, sizeof *ix->global);
    ix->narticles = ix->xcap = n;
    for (size_t i = 0; i < n; i++)
        ix->global[i] = (int *)(v->numbers + v->files[i].global);
}

/* Gives back the image bytes [p, p + len) when the owner can. */
static void give_back(const struct index_stored *s, const void *p, size_t len)
{
    if (s->owner.drop && len)
        s->owner.drop(s->owner.ctx, p, len);
}

bool index_image_load(struct index *ix, const unsigned char *image, size_t len, uint64_t key,
                      struct index_image_owner owner)
{
    memset(ix, 0, sizeof *ix);
    struct view v = {.p = image, .len = len};
    if (!head_ok(&v, key) || !files_ok(&v) || !entities_ok(&v) || !keys_ok(&v))
        return false;
    ix->stored = xcalloc(1, sizeof *ix->stored);
    *ix->stored = (struct index_stored){.image = image, .len = len, .owner = owner};
    ix->stored->files = v.files;
    take_entities(ix, &v);
    take_keys(ix, &v);
    take_articles(ix, &v);
    /* The checks read every byte; a load then reads little of the image
     * (the postings, forms and keys only as the reader asks). */
    give_back(ix->stored, image, len);
    return true;
}

void index_image_give_back(const struct index *ix)
{
    if (ix->stored)
        give_back(ix->stored, ix->stored->image, ix->stored->len);
}

size_t index_image_articles(const struct index *ix)
{
    return ix->stored ? ix->narticles : 0;
}

struct index_image_file index_image_file(const struct index *ix, size_t i)
{
    const struct image_file *f = &ix->stored->files[i];
    const char *strings =
        (const char *)ix->stored->image + ((const struct image_head *)ix->stored->image)->strings;
    return (struct index_image_file){strings + f->path, f->size, f->mtime_ns};
}

/* The entities article i's local ones were interned as. */
static const uint32_t *owners(const struct index_stored *s, size_t i)
{
    const struct image_head *h = (const struct image_head *)s->image;
    return (const uint32_t *)(s->image + h->numbers) + s->files[i].own;
}

size_t index_image_locals(const struct index *ix, size_t i)
{
    return ix->stored->files[i].nlocal;
}

static uint64_t mentions_of(const struct extraction *x)
{
    uint64_t n = 0;
    for (size_t l = 0; l < x->nentities; l++)
        n += x->entities[l].nmentions;
    return n;
}

/* Gives back the parts of the image that attaching articles [from, to)
 * read (from those attached since attached_from): their file records and
 * their numbers (global and own maps, which the writer puts one article
 * after the other). */
static void give_back_attached(const struct index_stored *s, size_t from, size_t to)
{
    if (from < s->attached_from)
        from = s->attached_from;
    if (from >= to)
        return;
    const struct image_file *f = s->files;
    give_back(s, f + from, (to - from) * sizeof *f);
    const struct image_head *h = (const struct image_head *)s->image;
    const uint32_t *numbers = (const uint32_t *)(s->image + h->numbers);
    uint64_t lo = f[from].global, hi = lo;
    for (size_t i = from; i < to; i++) {
        uint64_t a = f[i].global < f[i].own ? f[i].global : f[i].own;
        uint64_t b = (f[i].global > f[i].own ? f[i].global : f[i].own) + f[i].nlocal;
        lo = a < lo ? a : lo;
        hi = b > hi ? b : hi;
    }
    give_back(s, numbers + lo, (size_t)(hi - lo) * sizeof *numbers);
}

bool index_image_attach(struct index *ix, size_t article, struct extraction *x, bool spans_fit)
{
    if (!ix->stored || article >= ix->narticles ||
        x->nentities != ix->stored->files[article].nlocal)
        return false;
    extraction_pack(x);
    if (!ix->stored->attaching) {
        ix->stored->attaching = true;
        ix->stored->attached_from = article;
    }
    /* As index_add leaves it: each id is the index's own string of the
     * entity it was interned as (the exports tell a corpus id by the
     * pointer). Only pointers change in the packed block, to strings of the
     * same text; names keep their copies. */
    const uint32_t *own = owners(ix->stored, article);
    for (size_t l = 0; l < x->nentities; l++)
        x->entities[l].id = ix->entities[own[l]].id;
    /* The postings refer to its mentions by number: another count fails
     * the span check, which makes the index be built again. */
    if (!spans_fit || mentions_of(x) != ix->stored->files[article].nmentions)
        ix->stored->mismatch = true;
    ix->x[article] = *x;
    memset(x, 0, sizeof *x);
    if (article % ATTACH_WINDOW == ATTACH_WINDOW - 1)
        give_back_attached(ix->stored, article + 1 - ATTACH_WINDOW, article + 1);
    return true;
}

bool index_image_attach_later(struct index *ix, size_t article, size_t nentities,
                              uint64_t nmentions, bool spans_fit, const void *start, size_t len,
                              index_image_decode decode)
{
    struct index_stored *s = ix->stored;
    if (!s || article >= ix->narticles || nentities != s->files[article].nlocal)
        return false;
    if (!s->attaching) {
        s->attaching = true;
        s->attached_from = article;
    }
    if (!s->later)
        s->later = xcalloc(ix->narticles, sizeof *s->later);
    s->later[article] = (struct later){start, len};
    s->decode = decode;
    if (!spans_fit || nmentions != s->files[article].nmentions)
        s->mismatch = true;
    memset(&ix->x[article], 0, sizeof ix->x[article]);
    if (article % ATTACH_WINDOW == ATTACH_WINDOW - 1)
        give_back_attached(s, article + 1 - ATTACH_WINDOW, article + 1);
    return true;
}

/* What article i gets when its record does not decode (its file was
 * written over under the mapping, or a record whose checksum is right
 * was refused by the full decode, which the lookup left for later): as many entities as the image
 * says, each the entity it was interned as (its id, name, kind and role), and as many mentions, all
 * empty spans at the body's start, given to the first entity; no facts. The postings and maps stay
 * within it: the article shows without highlights or facts. */
static void stand_in(const struct index *ix, size_t i, struct extraction *x)
{
    const struct image_file *f = &ix->stored->files[i];
    const uint32_t *own = owners(ix->stored, i);
    memset(x, 0, sizeof *x);
    if (!f->nlocal)
        return;
    x->entities = xcalloc(f->nlocal, sizeof *x->entities);
    x->nentities = f->nlocal;
    x->mentions = xcalloc(f->nmentions ? f->nmentions : 1, sizeof *x->mentions);
    x->nmentions = f->nmentions;
    for (size_t l = 0; l < f->nlocal; l++) {
        const struct index_entity *e = &ix->entities[own[l]];
        x->entities[l] = (struct found_entity){
            .id = xstrdup(e->id), .name = xstrdup(e->name), .kind = e->kind, .role = e->role};
    }
    x->entities[0].nmentions = f->nmentions; /* packed by index_image_settle */
}

void index_image_settle(const struct index *ix, size_t i)
{
    struct index_stored *s = ix->stored;
    if (!s || !s->later || i >= ix->narticles || !s->later[i].start)
        return;
    struct extraction x;
    if (!s->decode(s->later[i].start, s->later[i].len, &x) || x.nentities != s->files[i].nlocal) {
        extraction_free(&x);
        stand_in(ix, i, &x);
    }
    s->later[i].start = NULL;
    extraction_pack(&x);
    const uint32_t *own = owners(s, i);
    for (size_t l = 0; l < x.nentities; l++)
        x.entities[l].id = ix->entities[own[l]].id; /* as index_image_attach leaves it */
    ix->x[i] = x;
}

bool index_image_later(const struct index *ix, size_t i)
{
    return ix->stored && ix->stored->later && i < ix->narticles && ix->stored->later[i].start;
}

bool index_image_check_spans(const struct index *ix)
{
    return ix->corpus->narticles == ix->narticles && !ix->stored->mismatch;
}

/* ---- letting go of the image ---- */

static void *copy_of(const void *p, size_t n, size_t size)
{
    void *q = xmalloc((n ? n : 1) * size);
    if (n)
        memcpy(q, p, n * size);
    return q;
}

static void unshare_entity(struct index_entity *e)
{
    e->id = xstrdup(e->id);
    e->name = xstrdup(e->name);
    e->postings = copy_of(e->postings, e->npostings, sizeof *e->postings);
    e->pcap = e->npostings ? e->npostings : 1;
    e->articles = copy_of(e->articles, e->narticles, sizeof *e->articles);
    e->acap = e->narticles ? e->narticles : 1;
    char **forms = xmalloc((e->nforms ? e->nforms : 1) * sizeof *forms);
    for (size_t f = 0; f < e->nforms; f++)
        forms[f] = xstrdup(e->forms[f]);
    e->forms = forms;
    e->fcap = e->nforms ? e->nforms : 1;
}

static void unshare_key(struct identity_key *k)
{
    k->key = xstrdup(k->key);
    k->full = copy_of(k->full, k->nfull, sizeof *k->full);
    k->cfull = k->nfull ? k->nfull : 1;
    k->shorts = copy_of(k->shorts, k->nshort, sizeof *k->shorts);
    k->cshort = k->nshort ? k->nshort : 1;
}

static void release(struct index *ix)
{
    struct index_stored *s = ix->stored;
    free(s->forms);
    free(s->later);
    if (s->owner.release)
        s->owner.release(s->owner.ctx);
    free(s);
    ix->stored = NULL;
}

/* Points the extractions' ids and names that were the image's strings to
 * the index's copies (old: each entity's strings in the image). */
static void repoint_extractions(struct index *ix, char *const *old)
{
    for (size_t i = 0; i < ix->narticles; i++) {
        const uint32_t *own = owners(ix->stored, i);
        struct extraction *x = &ix->x[i];
        for (size_t l = 0; l < x->nentities; l++) {
            const struct index_entity *e = &ix->entities[own[l]];
            if (x->entities[l].id == old[2 * own[l]])
                x->entities[l].id = e->id;
            if (x->entities[l].name == old[2 * own[l] + 1])
                x->entities[l].name = e->name;
        }
    }
}

void index_image_unshare(struct index *ix)
{
    if (!ix->stored)
        return;
    for (size_t i = 0; i < ix->narticles; i++)
        index_image_settle(ix, i); /* the records' bytes are not the index's to keep */
    char **old = xmalloc((ix->nentities ? 2 * ix->nentities : 1) * sizeof *old);
    for (size_t e = 0; e < ix->nentities; e++) {
        old[2 * e] = ix->entities[e].id;
        old[2 * e + 1] = ix->entities[e].name;
        unshare_entity(&ix->entities[e]);
    }
    repoint_extractions(ix, old);
    free(old);
    for (size_t k = 0; k < ix->nkeys; k++)
        unshare_key(&ix->keys[k]);
    for (size_t i = 0; i < ix->narticles; i++)
        ix->global[i] = copy_of(ix->global[i], ix->stored->files[i].nlocal, sizeof(int));
    release(ix);
}

void index_image_free(struct index *ix)
{
    for (size_t i = 0; i < ix->narticles; i++)
        extraction_free(&ix->x[i]);
    free(ix->x);
    free(ix->global);
    free(ix->entities);
    free(ix->slots);
    free(ix->keys);
    free(ix->key_slots);
    free(ix->dirty);
    release(ix);
    memset(ix, 0, sizeof *ix);
}
