/* index_image_write: writing the stored index image (see index_image.h
 * and index_image_format.h) a section at a time, never whole in memory. */
#include "core/index/index_image.h"
#include "core/index/index_image_format.h"
#include "core/index/identity.h"

#include <string.h>

static size_t pad8(size_t n)
{
    return (n + 7) & ~(size_t)7;
}

/* The sections in file order. */
enum { FILES, ENTITIES, KEYS, POSTINGS, NUMBERS, STRINGS, NSECTIONS };

/* The image is written a section at a time: each walk over the index
 * assigns the same running offsets and emits the bytes of one section (or
 * none: the first walk only counts), through a buffer that goes to the
 * sink a megabyte at a time. */
struct writer {
    const struct index *ix;
    const struct index_image_file *files;
    struct index_image_sink *sink;
    int emit; /* the section being written, or -1 */
    uint64_t nstrings, nnumbers, npostings;
    struct buf out;
    bool ok;
};

enum { FLUSH_AT = 1 << 20 };

/* Gives the sink what is buffered, in whole 8-byte words (all when `all`). */
static void flush(struct writer *w, bool all)
{
    size_t n = all ? w->out.len : w->out.len & ~(size_t)7;
    if (w->ok && n)
        w->ok = w->sink->write(w->sink, w->out.data, n);
    memmove(w->out.data, w->out.data + n, w->out.len - n);
    w->out.len -= n;
}

static void put(struct writer *w, int section, const void *p, size_t n)
{
    if (w->emit != section || !n)
        return;
    buf_append(&w->out, p, n);
    if (w->out.len >= FLUSH_AT)
        flush(w, false);
}

static uint64_t put_string(struct writer *w, const char *s)
{
    uint64_t at = w->nstrings;
    size_t n = strlen(s) + 1;
    w->nstrings += n;
    put(w, STRINGS, s, n);
    return at;
}

static uint32_t put_numbers(struct writer *w, const void *v, size_t n)
{
    uint32_t at = (uint32_t)w->nnumbers;
    w->nnumbers += n;
    put(w, NUMBERS, v, n * 4);
    return at;
}

/* struct posting has no padding: the array goes as it is. */
_Static_assert(sizeof(struct posting) == 8, "struct posting is two numbers");

static void put_postings(struct writer *w, const struct index_entity *e)
{
    w->npostings += e->npostings;
    put(w, POSTINGS, e->postings, e->npostings * sizeof *e->postings);
}

static void put_entity(struct writer *w, const struct index_entity *e)
{
    struct image_entity r = {.hash = e->hash, .kind = (int32_t)e->kind, .role = (int32_t)e->role};
    r.id = put_string(w, e->id);
    r.name = put_string(w, e->name);
    r.same_as = e->same_as;
    r.postings = w->npostings;
    r.npostings = (uint32_t)e->npostings;
    put_postings(w, e);
    r.articles = put_numbers(w, e->articles, e->narticles);
    r.narticles = (uint32_t)e->narticles;
    r.forms = (uint32_t)w->nnumbers;
    r.nforms = (uint32_t)e->nforms;
    for (size_t f = 0; f < e->nforms; f++) {
        uint32_t at = (uint32_t)put_string(w, e->forms[f]);
        put_numbers(w, &at, 1);
    }
    put(w, ENTITIES, &r, sizeof r);
}

static void put_key(struct writer *w, const struct identity_key *k)
{
    struct image_key r = {.hash = k->hash, .words = k->words};
    r.key = put_string(w, k->key);
    r.full = put_numbers(w, k->full, k->nfull);
    r.nfull = (uint32_t)k->nfull;
    r.shorts = put_numbers(w, k->shorts, k->nshort);
    r.nshort = (uint32_t)k->nshort;
    put(w, KEYS, &r, sizeof r);
}

static void put_file(struct writer *w, size_t i)
{
    const struct index *ix = w->ix;
    const struct extraction *x = &ix->x[i];
    struct image_file r = {.size = w->files[i].size, .mtime_ns = w->files[i].mtime_ns};
    r.path = put_string(w, w->files[i].path);
    r.nlocal = (uint32_t)x->nentities;
    for (size_t l = 0; l < x->nentities; l++)
        r.nmentions += (uint32_t)x->entities[l].nmentions;
    r.global = put_numbers(w, ix->global[i], x->nentities);
    r.own = (uint32_t)w->nnumbers;
    if (w->emit != NUMBERS) {
        w->nnumbers += x->nentities;
    } else {
        for (size_t l = 0; l < x->nentities; l++) {
            int own = index_interned(ix, x->entities[l].id);
            put_numbers(w, &own, 1);
        }
    }
    put(w, FILES, &r, sizeof r);
}

/* One walk over the index, emitting section `emit` (-1: none), padded. */
static void walk(struct writer *w, int emit)
{
    w->emit = emit;
    w->nstrings = w->nnumbers = w->npostings = 0;
    for (size_t i = 0; i < w->ix->narticles; i++)
        put_file(w, i);
    for (size_t e = 0; e < w->ix->nentities; e++)
        put_entity(w, &w->ix->entities[e]);
    for (size_t k = 0; k < w->ix->nkeys; k++)
        put_key(w, &w->ix->keys[k]);
    static const char zeros[8];
    size_t total = 0;
    if (emit == FILES)
        total = w->ix->narticles * sizeof(struct image_file);
    else if (emit == ENTITIES)
        total = w->ix->nentities * sizeof(struct image_entity);
    else if (emit == KEYS)
        total = w->ix->nkeys * sizeof(struct image_key);
    else if (emit == POSTINGS)
        total = w->npostings * sizeof(struct posting);
    else if (emit == NUMBERS)
        total = w->nnumbers * 4;
    else if (emit == STRINGS)
        total = w->nstrings;
    if (emit >= 0)
        put(w, emit, zeros, pad8(total) - total);
}

/* The header, once the first walk has counted. */
static struct image_head head_of(const struct writer *w, uint64_t key)
{
    const struct index *ix = w->ix;
    struct image_head h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, INDEX_IMAGE_MAGIC, sizeof h.magic);
    h.order = INDEX_IMAGE_ORDER;
    h.posting_size = sizeof(struct posting);
    h.key = key;
    h.narticles = ix->narticles;
    h.nentities = ix->nentities;
    h.nkeys = ix->nkeys;
    h.npostings = w->npostings;
    h.nnumbers = w->nnumbers;
    h.nstrings = w->nstrings;
    uint64_t sizes[NSECTIONS] = {ix->narticles * sizeof(struct image_file),
                                 ix->nentities * sizeof(struct image_entity),
                                 ix->nkeys * sizeof(struct image_key),
                                 w->npostings * sizeof(struct posting),
                                 w->nnumbers * 4,
                                 w->nstrings};
    uint64_t *offsets[NSECTIONS] = {&h.files,    &h.entities, &h.keys,
                                    &h.postings, &h.numbers,  &h.strings};
    uint64_t at = pad8(sizeof h);
    for (size_t i = 0; i < NSECTIONS; i++) {
        *offsets[i] = at;
        at += pad8(sizes[i]);
    }
    h.len = at;
    return h;
}

static bool fits(const struct writer *w)
{
    const uint64_t max = UINT32_MAX;
    return w->ix->nentities < max && w->ix->narticles < max && w->nstrings < max &&
           w->nnumbers < max && w->npostings < max;
}

bool index_image_write(const struct index *ix, const struct index_image_file *files, uint64_t key,
                       struct index_image_sink *sink)
{
    struct writer w = {.ix = ix, .files = files, .sink = sink, .ok = true};
    buf_init(&w.out);
    walk(&w, -1);
    if (!fits(&w)) {
        buf_free(&w.out);
        return false;
    }
    struct image_head h = head_of(&w, key);
    sink->len = h.len;
    w.emit = -2; /* the header is no section: written as it is */
    buf_append(&w.out, (const char *)&h, sizeof h);
    for (int s = 0; s < NSECTIONS; s++)
        walk(&w, s);
    flush(&w, true);
    buf_free(&w.out);
    return w.ok;
}

static bool append_to_buf(struct index_image_sink *sink, const void *p, size_t n)
{
    buf_append(sink->ctx, p, n);
    return true;
}

bool index_image_encode(const struct index *ix, const struct index_image_file *files, uint64_t key,
                        struct buf *out)
{
    size_t before = out->len;
    struct index_image_sink sink = {.write = append_to_buf, .ctx = out};
    if (index_image_write(ix, files, key, &sink))
        return true;
    out->len = before;
    out->data[before] = '\0';
    return false;
}
