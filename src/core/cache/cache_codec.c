/* cache_codec: one cache record to and from bytes (see cache_codec.h).
 * Inside a record, counts, lengths and offsets are LEB128 varints, signed
 * numbers are zigzag varints, a double is its IEEE bits as a u64, a fact's
 * currency, period, type, status and qualifier are one byte each (their enum
 * codes, 0 for none), the loan length is its length + 1 then its bytes
 * (0 for NULL; decoded to a code into the extraction's loan lengths),
 * an entity's id and name are each followed by a NUL (format 6), so
 * that a decoded extraction points at them in place, and a mention is its
 * start doubled plus in_title, then its end less its start (format 8).
 * Ahead of the extraction, its glance (format 10): a u32 of the
 * extraction's length in bytes, then varints nentities, nmentions, nclubs,
 * a byte of flags (1: money, 2: a mention backwards), varints title_end
 * and body_end; a warm start reads these and jumps over the extraction,
 * and the full decode checks them against what it decodes. */
#include "core/cache/cache_codec.h"
#include "core/cache/cache_fast.h"
#include "core/cache/cache_slab.h"
#include "core/cache/cache_text.h"
#include "core/base/xalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <xxhash.h>
#if defined(TOUCHLINE_XXH_DISPATCH)
/* XXH3 with AVX2 or AVX-512 when the CPU has them: on a warm start of
 * 10,000 articles, 20 M instructions instead of 68 M with SSE2 alone.
 * Defined by the build only when libxxhash has the dispatch functions. */
#include <xxh_x86dispatch.h>
#endif

/* The smallest encoded mention, entity and fact, to bound counts. */
enum {
    MIN_MENTION = CACHE_MIN_MENTION,
    MIN_ENTITY = 5,
    MIN_FACT = 1 + 1 + 1 + 8 + 5 + 6 + 1 + MIN_MENTION
};

/* ---- writing ---- */

void cache_codec_put_u32(struct buf *b, uint32_t v)
{
    char c[4];
    for (int i = 0; i < 4; i++)
        c[i] = (char)(v >> (8 * i));
    buf_append(b, c, 4);
}

void cache_codec_put_u64(struct buf *b, uint64_t v)
{
    char c[8];
    for (int i = 0; i < 8; i++)
        c[i] = (char)(v >> (8 * i));
    buf_append(b, c, 8);
}

static void put_varint(struct buf *b, uint64_t v)
{
    char c[10];
    size_t n = 0;
    do {
        c[n++] = (char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
        v >>= 7;
    } while (v);
    buf_append(b, c, n);
}

static void put_svarint(struct buf *b, int64_t v)
{
    put_varint(b, ((uint64_t)v << 1) ^ (v < 0 ? UINT64_MAX : 0));
}

static void put_string(struct buf *b, const char *s)
{
    size_t n = strlen(s);
    put_varint(b, n);
    buf_append(b, s, n);
}

/* A string that may be NULL: length + 1, or 0. */
static void put_opt_string(struct buf *b, const char *s)
{
    size_t n = s ? strlen(s) : 0;
    put_varint(b, s ? n + 1 : 0);
    buf_append(b, s ? s : "", n);
}

/* A mention: its start doubled plus in_title, then its end less its start
 * (zigzag), so that most mentions take 3 bytes (format 8). */
static void put_mention(struct buf *b, const struct mention *m)
{
    put_varint(b, (uint64_t)m->start << 1 | m->in_title);
    put_svarint(b, (int64_t)m->end - (int64_t)m->start);
}

/* A string followed by its NUL, so that a decoded extraction can point at
 * it in the record instead of copying it (get_borrowed). */
static void put_cstring(struct buf *b, const char *s)
{
    put_string(b, s);
    buf_putc(b, '\0');
}

static void put_entity(struct buf *b, const struct extraction *x, const struct found_entity *e)
{
    const struct mention *m = extraction_mentions_of(x, e);
    put_cstring(b, e->id);
    put_cstring(b, e->name);
    buf_putc(b, (char)e->kind);
    buf_putc(b, (char)e->role);
    put_varint(b, e->nmentions);
    for (size_t i = 0; i < e->nmentions; i++)
        put_mention(b, &m[i]);
}

static void put_fact(struct buf *b, const struct extraction *x, const struct fact *f)
{
    uint64_t bits;
    memcpy(&bits, &f->value, sizeof bits);
    buf_putc(b, (char)f->kind);
    buf_putc(b, (char)f->has_value);
    put_svarint(b, f->subject);
    cache_codec_put_u64(b, bits);
    const unsigned codes[] = {f->currency, f->period, f->type, f->status, f->qualifier};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++)
        buf_putc(b, (char)codes[i]);
    const int ints[] = {f->team, f->from, f->to, f->club, f->year, f->goals};
    for (size_t i = 0; i < sizeof ints / sizeof *ints; i++)
        put_svarint(b, ints[i]);
    put_opt_string(b, extraction_loan_length(x, f));
    put_mention(b, &f->span);
}

/* Whether a loaded article is worth storing and reads back equal: not a
 * line of an sfeed file (those are always loaded: their file is read once
 * for all its lines), C strings without NULs inside (the body's length is
 * its strlen), dates that fit, a known format. */
static bool loaded_encodable(const struct loaded *l)
{
    const struct article *a = l->article;
    return a && (unsigned)a->format < ARTICLE_SFEED && strlen(a->body) == a->body_len &&
           strlen(a->date) < sizeof a->date && strlen(a->text_date) < sizeof a->text_date &&
           l->nproblems <= sizeof l->problems / sizeof *l->problems;
}

/* The loaded article: format, title, dates, front matter, body, warning
 * and problems (its path is the record's). Returns where the body's text
 * starts in b. */
static size_t put_loaded(struct buf *b, const struct loaded *l)
{
    const struct article *a = l->article;
    const struct frontmatter *m = &a->meta;
    buf_putc(b, (char)a->format);
    put_string(b, a->title);
    put_string(b, a->date);
    buf_putc(b, (char)a->date_from_mtime);
    put_string(b, a->text_date);
    const char *opt[] = {m->title, m->date, m->source, m->url, m->author};
    for (size_t i = 0; i < sizeof opt / sizeof *opt; i++)
        put_opt_string(b, opt[i]);
    put_varint(b, m->date_line);
    put_varint(b, m->date_col);
    put_varint(b, m->ntags);
    for (size_t i = 0; i < m->ntags; i++)
        put_string(b, m->tags[i]);
    put_varint(b, m->nextra);
    for (size_t i = 0; i < m->nextra; i++) {
        put_string(b, m->extra[i].key);
        put_opt_string(b, m->extra[i].value);
    }
    put_varint(b, a->body_len);
    size_t text_at = b->len;
    buf_append(b, a->body, a->body_len);
    buf_putc(b, '\0'); /* so that a decoded article can borrow it in place */
    put_varint(b, a->body_line);
    put_opt_string(b, a->warning);
    put_varint(b, l->nproblems);
    for (size_t i = 0; i < l->nproblems; i++) {
        put_string(b, l->problems[i].path);
        put_string(b, l->problems[i].message);
        buf_putc(b, (char)l->problems[i].warning);
    }
    return text_at;
}

bool cache_codec_put_record(struct buf *b, const char *path, uint64_t size, int64_t mtime_ns,
                            const struct extraction *x, const struct loaded *l)
{
    size_t text_at;
    return cache_codec_put_record_at(b, path, size, mtime_ns, x, l, &text_at);
}

void cache_codec_glance_of(const struct extraction *x, struct cache_codec_glance *g)
{
    memset(g, 0, sizeof *g);
    g->nentities = x->nentities;
    for (size_t i = 0; i < x->nentities; i++) {
        const struct found_entity *e = &x->entities[i];
        const struct mention *m = extraction_mentions_of(x, e);
        g->nclubs += e->kind == ENTITY_CLUB;
        g->nmentions += e->nmentions;
        for (size_t k = 0; k < e->nmentions; k++) {
            g->backwards |= m[k].start > m[k].end;
            uint32_t *end = m[k].in_title ? &g->title_end : &g->body_end;
            if (m[k].end > *end)
                *end = m[k].end;
        }
    }
    for (size_t i = 0; i < x->nfacts; i++) {
        enum fact_kind k = x->facts[i].kind;
        g->money |=
            x->facts[i].has_value && (k == FACT_FEE || k == FACT_WAGE || k == FACT_RELEASE_CLAUSE);
    }
}

void cache_codec_put_glance(struct buf *b, const struct cache_codec_glance *g, uint32_t xlen)
{
    cache_codec_put_u32(b, xlen);
    put_varint(b, g->nentities);
    put_varint(b, g->nmentions);
    put_varint(b, g->nclubs);
    buf_putc(b, (char)(g->money | g->backwards << 1));
    put_varint(b, g->title_end);
    put_varint(b, g->body_end);
}

/* The glance of x, then x, its length filled in once written. */
static void put_glanced_extraction(struct buf *b, const struct extraction *x)
{
    struct cache_codec_glance g;
    cache_codec_glance_of(x, &g);
    size_t at = b->len;
    cache_codec_put_glance(b, &g, 0);
    size_t from = b->len;
    put_varint(b, x->nentities);
    for (size_t i = 0; i < x->nentities; i++)
        put_entity(b, x, &x->entities[i]);
    put_varint(b, x->nfacts);
    for (size_t i = 0; i < x->nfacts; i++)
        put_fact(b, x, &x->facts[i]);
    size_t n = b->len - from; /* under 4 GiB, or the record is refused below */
    for (int i = 0; i < 4; i++)
        b->data[at + (size_t)i] = (char)(n >> (8 * i));
}

bool cache_codec_put_record_at(struct buf *b, const char *path, uint64_t size, int64_t mtime_ns,
                               const struct extraction *x, const struct loaded *l, size_t *text_at)
{
    size_t start = b->len;
    *text_at = 0;
    cache_codec_put_u32(b, 0); /* the length, filled in below */
    cache_codec_put_u64(b, size);
    cache_codec_put_u64(b, (uint64_t)mtime_ns);
    put_string(b, path);
    put_glanced_extraction(b, x);
    bool with_article = l && loaded_encodable(l);
    buf_putc(b, (char)with_article);
    size_t text = with_article ? put_loaded(b, l) : 0;
    if (b->len - start - 4 > UINT32_MAX) {
        b->len = start; /* cannot happen with articles under 16 MiB */
        b->data[start] = '\0';
        return false;
    }
    uint32_t n = (uint32_t)(b->len - start - 4);
    for (int i = 0; i < 4; i++)
        b->data[start + (size_t)i] = (char)(n >> (8 * i));
    cache_codec_put_u64(
        b, cache_codec_checksum((const unsigned char *)b->data + start, b->len - start));
    *text_at = with_article ? text - start : 0;
    return true;
}

/* ---- checks shared by both directions ---- */

static bool fact_encodable(const struct extraction *x, const struct fact *f)
{
    size_t ne = x->nentities;
    return (unsigned)f->kind < FACT_KIND_COUNT && cache_valid_ref(f->subject, ne) &&
           (!f->loan_length || extraction_loan_length(x, f)) && cache_valid_ref(f->team, ne) &&
           cache_valid_ref(f->from, ne) && cache_valid_ref(f->to, ne) &&
           cache_valid_ref(f->club, ne) && (unsigned)f->currency < FACT_CURRENCY_COUNT &&
           (unsigned)f->period < FACT_PERIOD_COUNT && (unsigned)f->type < FACT_TYPE_COUNT &&
           (unsigned)f->status < FACT_STATUS_COUNT && (unsigned)f->qualifier < FACT_QUALIFIER_COUNT;
}

bool cache_codec_encodable(const struct extraction *x)
{
    for (size_t i = 0; i < x->nentities; i++)
        if ((unsigned)x->entities[i].kind >= ENTITY_KIND_COUNT ||
            (unsigned)x->entities[i].role > ROLE_OTHER)
            return false;
    for (size_t i = 0; i < x->nfacts; i++)
        if (!fact_encodable(x, &x->facts[i]))
            return false;
    return true;
}

/* ---- reading ---- */

uint32_t cache_codec_get_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

uint64_t cache_codec_get_u64(const unsigned char *p)
{
    return (uint64_t)cache_codec_get_u32(p) | (uint64_t)cache_codec_get_u32(p + 4) << 32;
}

/* A sum is XXH3's state itself, made and freed by the library: one
 * allocation, and no copy of its layout here (XXH_STATIC_LINKING_ONLY's
 * XXH3_state_t, which would embed it, is only for a static libxxhash; a
 * shared one may change it under us). struct cache_codec_sum is never
 * defined: only its pointer is converted to and from the state's. */
static XXH3_state_t *sum_state(struct cache_codec_sum *s)
{
    return (XXH3_state_t *)(void *)s;
}

struct cache_codec_sum *cache_codec_sum_start(void)
{
    XXH3_state_t *state = XXH3_createState();
    if (state)
        XXH3_64bits_reset(state); /* fails only for a NULL state */
    return (struct cache_codec_sum *)(void *)state;
}

void cache_codec_sum_add(struct cache_codec_sum *s, const void *p, size_t n)
{
    XXH3_64bits_update(sum_state(s), p, n); /* fails only for a NULL state */
}

uint64_t cache_codec_sum_end(struct cache_codec_sum *s)
{
    uint64_t v = XXH3_64bits_digest(sum_state(s));
    XXH3_freeState(sum_state(s));
    return v;
}

uint64_t cache_codec_checksum(const unsigned char *p, size_t len)
{
    return XXH3_64bits(p, len);
}

/* A cursor over a record's bytes; any failure clears ok and later reads
 * return zeros, so a decoder checks ok once at the end of a step. */
struct reader {
    const unsigned char *p, *end;
    bool ok;
};

static size_t left(const struct reader *r)
{
    return (size_t)(r->end - r->p);
}

static unsigned get_byte(struct reader *r)
{
    if (!r->ok || r->p == r->end)
        return r->ok = false, 0;
    return *r->p++;
}

/* A varint of any length, the rare case of get_varint. */
static uint64_t get_long_varint(struct reader *r)
{
    uint64_t v = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
        unsigned c = get_byte(r);
        if (shift == 63 && c > 1)
            break; /* more than 64 bits */
        v |= (uint64_t)(c & 0x7f) << shift;
        if (!(c & 0x80))
            return v;
    }
    r->ok = false;
    return 0;
}

/* Most varints are one or two bytes: those are read inline, with one
 * check of the room left. */
static inline uint64_t get_varint(struct reader *r)
{
    const unsigned char *p = r->p;
    if (r->ok && r->end - p >= 2) {
        if (p[0] < 0x80)
            return r->p = p + 1, p[0];
        if (p[1] < 0x80)
            return r->p = p + 2, (uint64_t)(p[0] & 0x7f) | (uint64_t)p[1] << 7;
    }
    return get_long_varint(r);
}

static bool get_bool(struct reader *r)
{
    unsigned c = get_byte(r);
    if (c > 1)
        r->ok = false;
    return c == 1;
}

/* A count of items of at least `min` bytes each, bounded by what is left. */
static size_t get_count(struct reader *r, size_t min)
{
    uint64_t n = get_varint(r);
    if (n > left(r) / min)
        return r->ok = false, 0;
    return (size_t)n;
}

/* n bytes in place, or NULL. */
static const char *get_bytes(struct reader *r, uint64_t n)
{
    if (!r->ok || n > left(r))
        return r->ok = false, NULL;
    const char *s = (const char *)r->p;
    r->p += n;
    return s;
}

/* Where a record's extraction is decoded to: one block for everything
 * (entities, their mentions as one array, facts, the distinct loan
 * lengths that the facts' one-byte codes index), so that a hit costs one
 * allocation, not one per entity; the entities' ids and names are not
 * copied but point into the record.
 * Decoding fills a scratch block on the stack and measures; the block is
 * then copied out at its exact size. An extraction too big for the
 * scratch block is decoded a second time, into a block of the size
 * measured. */
struct arena {
    char *base; /* NULL: measure only */
    size_t used, cap;
};

/* Room for n bytes (rounded up to 8, so what follows stays aligned), or
 * NULL while measuring or once past cap. n is bounded by the record's
 * length. */
static void *arena_take(struct arena *a, size_t n)
{
    size_t at = a->used;
    a->used += (n + 7) & ~(size_t)7;
    return a->base && a->used <= a->cap ? a->base + at : NULL;
}

/* A string without NULs followed by its NUL (put_cstring), in place: the
 * decoded extraction points into the record, which must outlive it, as an
 * article borrows its body (NULL on failure). */
static char *get_borrowed(struct reader *r)
{
    uint64_t n = get_varint(r);
    const char *s = get_bytes(r, n);
    if (!s || memchr(s, '\0', n) || get_byte(r) != '\0')
        return r->ok = false, NULL;
    return (char *)s; /* never written through: the mapping is read-only */
}

/* An enum code below `count` (a fact detail); anything else is invalid. */
static unsigned get_code(struct reader *r, unsigned count)
{
    unsigned c = get_byte(r);
    if (c >= count)
        return r->ok = false, 0;
    return c;
}

/* A mention (put_mention), refused unless its offsets fit their fields. */
static void get_mention(struct reader *r, struct mention *m)
{
    uint64_t head = get_varint(r), zigzag = get_varint(r);
    *m = (struct mention){0, 0, false};
    if (!cache_mention_of(head, zigzag, m))
        r->ok = false;
}

/* Entity e, its mentions the extraction's from `first` on (taken from the
 * arena right after the entities before it, so that they are one array). */
static void get_entity(struct reader *r, struct found_entity *e, size_t first, struct arena *a)
{
    size_t n;
    if (!r->ok || !cache_fast_entity(&r->p, r->end, e, &n)) {
        e->id = get_borrowed(r);
        e->name = get_borrowed(r);
        e->kind = get_code(r, ENTITY_KIND_COUNT);
        e->role = get_code(r, ROLE_OTHER + 1);
        n = get_count(r, MIN_MENTION);
    }
    if (n > FOUND_ENTITY_MAX_MENTIONS || first + n > UINT32_MAX)
        r->ok = false;
    if (!r->ok)
        return;
    /* get_extraction reads every entity's mentions as one array: they are
     * taken one after another with nothing between, and arena_take's
     * rounding to 8 leaves no gap after 8-byte mentions. */
    _Static_assert(sizeof(struct mention) % 8 == 0, "mentions taken back to back: one array");
    struct mention *m = arena_take(a, n * sizeof *m);
    e->first_mention = (uint32_t)first;
    e->nmentions = (uint32_t)n;
    struct mention none;
    for (size_t i = cache_fast_mentions(&r->p, r->end, m, n); i < n && r->ok; i++)
        get_mention(r, m ? &m[i] : &none);
}

/* A zigzag int that must fit an int16_t. */
static int16_t get_int16(struct reader *r)
{
    int16_t v;
    if (!cache_int16_of(get_varint(r), &v))
        return r->ok = false, 0;
    return v;
}

/* An entity reference: NO_ENTITY or an index below ne. */
static int16_t get_ref(struct reader *r, size_t ne)
{
    int16_t v = get_int16(r);
    if (!cache_valid_ref(v, ne))
        r->ok = false;
    return v;
}

/* The distinct loan lengths of the facts read so far, in the record. */
struct loans {
    struct loan_text {
        const char *s;
        size_t n;
    } v[FACT_MAX_LOAN_LENGTHS];
    size_t count, bytes;
};

/* The code of loan length s[0, n) (added when new; refused past the most
 * an extraction holds, which an encoded one never has). */
static uint8_t loan_code(struct reader *r, struct loans *l, const char *s, size_t n)
{
    for (size_t k = 0; k < l->count; k++)
        if (l->v[k].n == n && !memcmp(l->v[k].s, s, n))
            return (uint8_t)(k + 1);
    if (l->count == FACT_MAX_LOAN_LENGTHS)
        return r->ok = false, 0;
    l->v[l->count++] = (struct loan_text){s, n};
    l->bytes += n + 1;
    return (uint8_t)l->count;
}

static void get_fact(struct reader *r, struct fact *f, size_t ne, struct loans *loans)
{
    f->kind = get_code(r, FACT_KIND_COUNT);
    f->has_value = get_bool(r);
    f->subject = get_ref(r, ne);
    const char *bits = get_bytes(r, 8);
    uint64_t v = bits ? cache_codec_get_u64((const unsigned char *)bits) : 0;
    memcpy(&f->value, &v, sizeof v);
    f->currency = get_code(r, FACT_CURRENCY_COUNT);
    f->period = get_code(r, FACT_PERIOD_COUNT);
    f->type = get_code(r, FACT_TYPE_COUNT);
    f->status = get_code(r, FACT_STATUS_COUNT);
    f->qualifier = get_code(r, FACT_QUALIFIER_COUNT);
    f->team = get_ref(r, ne);
    f->from = get_ref(r, ne);
    f->to = get_ref(r, ne);
    f->club = get_ref(r, ne);
    f->year = get_int16(r);
    f->goals = get_int16(r);
    uint64_t n = get_varint(r);
    const char *s = n ? get_bytes(r, n - 1) : NULL;
    if (s && memchr(s, '\0', n - 1))
        r->ok = false;
    f->loan_length = s && r->ok ? loan_code(r, loans, s, (size_t)n - 1) : 0;
    get_mention(r, &f->span);
}

/* The loan lengths, back to back, into the arena. */
static void put_loans(struct extraction *x, const struct loans *l, struct arena *a)
{
    if (!l->count)
        return;
    char *at = arena_take(a, l->bytes);
    x->loan_lengths = at;
    x->nloan_lengths = (uint8_t)l->count;
    for (size_t k = 0; at && k < l->count; k++) {
        memcpy(at, l->v[k].s, l->v[k].n);
        at[l->v[k].n] = '\0';
        at += l->v[k].n + 1;
    }
}

static void get_extraction(struct reader *r, struct extraction *x, struct arena *a)
{
    size_t n = get_count(r, MIN_ENTITY);
    if (!r->ok)
        return;
    x->entities = arena_take(a, n * sizeof *x->entities);
    x->nentities = n;
    size_t mentions_at = a->used, nm = 0;
    struct found_entity e;
    for (size_t i = 0; i < n && r->ok; i++) {
        struct found_entity *to = x->entities ? &x->entities[i] : &e;
        get_entity(r, to, nm, a);
        nm += to->nmentions;
    }
    x->mentions =
        nm && a->base && a->used <= a->cap ? (struct mention *)(a->base + mentions_at) : NULL;
    x->nmentions = (uint32_t)nm; /* each entity's first + n checked to fit */
    n = get_count(r, MIN_FACT);
    if (!r->ok)
        return;
    x->facts = arena_take(a, n * sizeof *x->facts);
    x->nfacts = n;
    struct fact f;
    struct loans loans; /* not zeroed: 4 KiB, of which count are used */
    loans.count = 0;
    loans.bytes = 0;
    for (size_t i = 0; i < n && r->ok; i++) {
        struct fact *to = x->facts ? &x->facts[i] : &f;
        if (!cache_fast_fact(&r->p, r->end, to, x->nentities))
            get_fact(r, to, x->nentities, &loans);
    }
    put_loans(x, &loans, a);
}

/* Text in the record: bytes without NULs, in place (NULL on failure). The
 * NUL check is left out (checked_later) for text that is decoded to a copy:
 * clean_copy's check refuses a NUL as it refuses every control character. */
struct text {
    const char *s;
    size_t n;
};

static struct text get_text(struct reader *r, bool checked_later)
{
    uint64_t n = get_varint(r);
    const char *s = get_bytes(r, n);
    if (!s || (!checked_later && memchr(s, '\0', (size_t)n)))
        return r->ok = false, (struct text){NULL, 0};
    return (struct text){s, (size_t)n};
}

/* Text that may be absent (length + 1, or 0): s is NULL when absent. */
static struct text get_opt_text(struct reader *r, bool checked_later)
{
    uint64_t n = get_varint(r);
    if (!n)
        return (struct text){NULL, 0};
    const char *s = get_bytes(r, n - 1);
    if (!s || (!checked_later && memchr(s, '\0', (size_t)n - 1)))
        return r->ok = false, (struct text){NULL, 0};
    return (struct text){s, (size_t)n - 1};
}

/* Where the loaded article is decoded to; l NULL: only read over. Its
 * strings are copied into `strings` (a scratch block on the decoder's
 * stack) while they fit, and moved with the article into one allocation
 * once the record is read (settle_article). */
struct article_out {
    struct loaded *l;
    char *strings;
    size_t used, cap;
    struct cache_slab *slab; /* where the settled article goes, or NULL */
};

/* Room for an article's strings while its record is decoded (they are
 * about 300 bytes on the bench corpora; what does not fit goes to the
 * heap). */
enum { STRING_SCRATCH = 4096 };

/* Whether text that is there would be left as it is by sanitize; clears
 * ok when not. */
static bool clean_text(struct reader *r, struct article_out *o, struct text t)
{
    if (!o->l || !t.s || !r->ok)
        return false;
    if (!cache_text_is_clean(t.s, t.n))
        return r->ok = false;
    return true;
}

/* A copy of n bytes (no NUL among them) and a NUL: in the article's
 * scratch block while it has room, else on the heap. */
static char *keep_copy(struct article_out *o, const char *s, size_t n)
{
    if (n >= o->cap - o->used)
        return xstrndup(s, n);
    char *copy = memcpy(o->strings + o->used, s, n);
    copy[n] = '\0';
    o->used += n + 1;
    return copy;
}

/* A copy of text that sanitize would leave as it is (NULL when absent or
 * only read over); anything else fails the record. */
static char *clean_copy(struct reader *r, struct article_out *o, struct text t)
{
    return clean_text(r, o, t) ? keep_copy(o, t.s, t.n) : NULL;
}

/* A date field (at most 10 characters) into out. */
static void get_date(struct reader *r, struct article_out *o, char out[11])
{
    struct text t = get_text(r, o->l != NULL);
    if (t.n > 10)
        r->ok = false;
    if (clean_text(r, o, t)) {
        memcpy(out, t.s, t.n);
        out[t.n] = '\0';
    }
}

static void get_meta(struct reader *r, struct article_out *o, struct frontmatter *m)
{
    char **opt[] = {&m->title, &m->date, &m->source, &m->url, &m->author};
    for (size_t i = 0; i < sizeof opt / sizeof *opt; i++)
        *opt[i] = clean_copy(r, o, get_opt_text(r, o->l != NULL));
    uint64_t line = get_varint(r), col = get_varint(r);
    m->date_line = (unsigned)line;
    m->date_col = (unsigned)col;
    if (line > UINT_MAX || col > UINT_MAX)
        r->ok = false;
    size_t n = get_count(r, 1);
    if (o->l && r->ok && n) {
        m->tags = xcalloc(n, sizeof *m->tags);
        m->ntags = n;
    }
    for (size_t i = 0; i < n && r->ok; i++) {
        char *t = clean_copy(r, o, get_text(r, o->l != NULL));
        if (m->tags)
            m->tags[i] = t;
    }
    n = get_count(r, 2);
    if (o->l && r->ok && n) {
        m->extra = xcalloc(n, sizeof *m->extra);
        m->nextra = n;
    }
    for (size_t i = 0; i < n && r->ok; i++) {
        char *key = clean_copy(r, o, get_text(r, o->l != NULL));
        char *value = clean_copy(r, o, get_opt_text(r, o->l != NULL));
        if (m->extra)
            m->extra[i] = (struct meta_field){key, value};
    }
}

/* The body: its text, the NUL after it, and its first line. The article
 * borrows the text in place (body_borrowed), checked as clean_copy checks
 * a copy: a warm start copies no article text. */
static void get_body(struct reader *r, struct article_out *o, struct article *a)
{
    struct text t = get_text(r, o->l != NULL);
    if (get_byte(r) != '\0')
        r->ok = false;
    if (o->l && t.s && r->ok && !cache_text_is_clean(t.s, t.n))
        r->ok = false;
    if (o->l && r->ok) {
        a->body = (char *)t.s; /* never written through: the mapping is read-only */
        a->body_borrowed = true;
    }
    a->body_len = t.n;
    uint64_t line = get_varint(r);
    a->body_line = (unsigned)line;
    if (line > UINT_MAX)
        r->ok = false;
}

static void get_problems(struct reader *r, struct article_out *o, const char *path, size_t path_len)
{
    struct loaded none, *l = o->l ? o->l : &none;
    size_t n = get_count(r, 3);
    if (n > sizeof l->problems / sizeof *l->problems)
        r->ok = false;
    for (size_t i = 0; i < n && r->ok; i++) {
        struct text p = get_text(r, false);
        if (p.n != path_len || (p.s && memcmp(p.s, path, path_len)))
            r->ok = false;                         /* a file's problems name the file */
        struct text m = get_text(r, o->l != NULL); /* the message goes to the corpus */
        char *message = clean_text(r, o, m) ? xstrndup(m.s, m.n) : NULL;
        bool warning = get_bool(r);
        if (o->l && r->ok) {
            l->problems[i] = (struct problem){xstrndup(path, path_len), message, warning};
            l->nproblems = i + 1;
        } else {
            free(message);
        }
    }
}

/* The article after a record's extraction (read over when o->l is NULL). */
static void get_loaded(struct reader *r, struct article_out *o, const struct cache_codec_head *h)
{
    struct article scratch, *a = &scratch;
    memset(&scratch, 0, sizeof scratch);
    if (o->l)
        a = o->l->article = xcalloc(1, sizeof *a);
    a->format = get_code(r, ARTICLE_SFEED); /* never a line of an sfeed file */
    if (o->l)
        a->path = keep_copy(o, h->path, strnlen(h->path, h->path_len));
    a->title = clean_copy(r, o, get_text(r, o->l != NULL));
    get_date(r, o, a->date);
    a->date_from_mtime = get_bool(r);
    get_date(r, o, a->text_date);
    get_meta(r, o, &a->meta);
    get_body(r, o, a);
    a->warning = clean_copy(r, o, get_opt_text(r, o->l != NULL));
    get_problems(r, o, h->path, h->path_len);
    if (o->l && r->ok && a->date_from_mtime) { /* in this run's time zone */
        int64_t ns = h->mtime_ns, sec = ns / 1000000000 - (ns % 1000000000 < 0);
        article_date_from_mtime(a, (time_t)sec);
    }
    if (o->l) {
        o->l->size = h->size;
        o->l->mtime_ns = h->mtime_ns;
    }
}

/* Where a string of the article that may be in the scratch block goes:
 * to its place in `to` (NULL: nowhere, the record was refused); one on the
 * heap stays. */
static void move_string(char **p, const struct article_out *o, char *to)
{
    uintptr_t at = (uintptr_t)*p, from = (uintptr_t)o->strings;
    if (at >= from && at < from + o->used)
        *p = to ? to + (at - from) : NULL;
}

static void move_strings(struct article *a, const struct article_out *o, char *to)
{
    struct frontmatter *m = &a->meta;
    char **p[] = {&a->path, &a->title,  &a->warning, &m->title,
                  &m->date, &m->source, &m->url,     &m->author};
    for (size_t i = 0; i < sizeof p / sizeof *p; i++)
        move_string(p[i], o, to);
    for (size_t i = 0; m->tags && i < m->ntags; i++)
        move_string(&m->tags[i], o, to);
    for (size_t i = 0; m->extra && i < m->nextra; i++) {
        move_string(&m->extra[i].key, o, to);
        move_string(&m->extra[i].value, o, to);
    }
}

/* The decoded article and the strings in its scratch block, moved into one
 * allocation (article->packed_size): one malloc per cache hit instead of
 * one per string, or a piece of the slab when there is one and it gives
 * it (article->packed_borrowed): on the slab's huge pages a warm start's
 * articles cost a page fault per 2 MiB instead of one per 4 KiB. When the
 * record was refused (!ok), the strings are only forgotten, for
 * loaded_free. */
static void settle_article(struct article_out *o, bool ok)
{
    struct article *a = o->l->article;
    if (!ok || !o->used) {
        move_strings(a, o, NULL);
        return;
    }
    size_t size = sizeof *a + o->used;
    struct article *packed = cache_slab_take(o->slab, size);
    bool borrowed = packed != NULL;
    if (!packed)
        packed = xmalloc(size);
    *packed = *a;
    packed->packed_borrowed = borrowed;
    char *to = (char *)(packed + 1);
    memcpy(to, o->strings, o->used);
    move_strings(packed, o, to);
    packed->packed_size = size;
    free(a);
    o->l->article = packed;
}

bool cache_codec_record_head(const unsigned char *p, size_t avail, struct cache_codec_head *h)
{
    if (avail < CODEC_FRAME + CODEC_MIN_BODY)
        return false;
    uint32_t n = cache_codec_get_u32(p);
    if (n < CODEC_MIN_BODY || n > avail - CODEC_FRAME)
        return false;
    struct reader r = {p + 4 + 16, p + 4 + n, true};
    uint64_t len = get_varint(&r);
    h->path = get_bytes(&r, len);
    if (!h->path)
        return false;
    h->len = CODEC_FRAME + (size_t)n;
    h->size = cache_codec_get_u64(p + 4);
    h->mtime_ns = (int64_t)cache_codec_get_u64(p + 12);
    h->path_len = (size_t)len;
    h->start = p;
    return true;
}

/* The rest of a record after its extraction: whether it holds an article,
 * and the article (into o->l when not NULL), to the record's end. */
static bool get_tail(struct reader *r, struct article_out *o, const struct cache_codec_head *h)
{
    char strings[STRING_SCRATCH];
    o->strings = strings;
    o->used = 0;
    o->cap = sizeof strings;
    bool with_article = get_bool(r);
    if (with_article)
        get_loaded(r, o, h);
    bool ok = r->ok && r->p == r->end && (with_article || !o->l);
    if (o->l && o->l->article)
        settle_article(o, ok);
    if (!ok && o->l)
        loaded_free(o->l);
    return ok;
}

/* Where p points in the block `to` once what was at `from` is copied
 * there (p points into from, or is NULL). */
static void *moved(const void *p, const char *from, char *to)
{
    return p ? to + ((const char *)p - from) : NULL;
}

/* Points an extraction decoded into `from` at its copy in `to`. */
static void relocate(struct extraction *x, const char *from, char *to)
{
    x->entities = moved(x->entities, from, to);
    x->mentions = moved(x->mentions, from, to); /* ids and names are the record's */
    x->facts = moved(x->facts, from, to);
    x->loan_lengths = moved(x->loan_lengths, from, to);
}

enum { SCRATCH = 64 * 1024 };

/* A block of n bytes for a decoded extraction: from the slab when it
 * gives one (x->block_borrowed), else the extraction's own. */
static void *block_for(struct extraction *x, size_t n, struct cache_slab *slab)
{
    void *b = cache_slab_take(slab, n);
    x->block_borrowed = b != NULL;
    return b ? b : xmalloc(n);
}

/* The second pass of a decode too big for the scratch block: into
 * `block`, measured at `size` bytes by the first (the same bytes again:
 * it cannot fail). */
static void decode_again(const unsigned char *body, const unsigned char *end,
                         struct extraction *out, void *block, size_t size)
{
    memset(out, 0, sizeof *out);
    struct arena a = {block, 0, size};
    struct reader r = {body, end, true};
    get_extraction(&r, out, &a);
    out->block = a.base;
}

/* A record's glance (cache_codec_put_glance) into *g and the length of
 * the extraction after it into *xlen, bounded by what is left and by what
 * an extraction of that length can hold. */
static void get_glance(struct reader *r, struct cache_codec_glance *g, size_t *xlen)
{
    const char *n = get_bytes(r, 4);
    *xlen = n ? cache_codec_get_u32((const unsigned char *)n) : 0;
    uint64_t ne = get_varint(r), nm = get_varint(r), nc = get_varint(r);
    unsigned flags = get_byte(r);
    uint64_t title = get_varint(r), body = get_varint(r);
    if (*xlen > left(r) || ne > *xlen / MIN_ENTITY || nm > *xlen / MIN_MENTION || nc > ne ||
        flags > 3 || title > MENTION_MAX_OFFSET || body > MENTION_MAX_OFFSET)
        r->ok = false;
    *g = (struct cache_codec_glance){(size_t)ne, (size_t)nm,      (size_t)nc,    flags & 1,
                                     flags >> 1, (uint32_t)title, (uint32_t)body};
}

static bool glance_equal(const struct cache_codec_glance *a, const struct cache_codec_glance *b)
{
    return a->nentities == b->nentities && a->nmentions == b->nmentions && a->nclubs == b->nclubs &&
           a->money == b->money && a->backwards == b->backwards && a->title_end == b->title_end &&
           a->body_end == b->body_end;
}

/* Whether a decoded extraction is what its record's glance said; when it
 * is not (a glance that another encoder wrote), out and *l (l not NULL)
 * are freed, left empty. */
static bool as_glanced(const struct cache_codec_glance *said, struct extraction *out,
                       struct loaded *l)
{
    struct cache_codec_glance is;
    cache_codec_glance_of(out, &is);
    if (glance_equal(said, &is))
        return true;
    extraction_free(out);
    if (l)
        loaded_free(l);
    return false;
}

bool cache_codec_glance_fits(const struct cache_codec_glance *g, size_t title_len, size_t body_len)
{
    return !g->backwards && g->title_end <= title_len && g->body_end <= body_len;
}

/* A reader over a record's extraction and article, once its checksum (the
 * last 8 bytes, over all before them) holds, with its glance read into *g
 * and the extraction's length into *xlen (the reader then at the
 * extraction); false when the checksum does not hold. */
static bool open_record(const struct cache_codec_head *h, struct reader *r,
                        struct cache_codec_glance *g, size_t *xlen)
{
    size_t n = h->len - 8;
    if (cache_codec_checksum(h->start, n) != cache_codec_get_u64(h->start + n))
        return false;
    *r = (struct reader){(const unsigned char *)h->path + h->path_len, h->start + n, true};
    get_glance(r, g, xlen);
    return true;
}

bool cache_codec_record_visit(const struct cache_codec_head *h, struct loaded *l,
                              struct cache_slab *slab, cache_codec_visit visit, void *ctx)
{
    memset(l, 0, sizeof *l);
    struct reader r;
    struct cache_codec_glance g;
    size_t xlen;
    if (!open_record(h, &r, &g, &xlen))
        return false;
    (void)get_bytes(&r, xlen); /* the extraction, left for the full decode */
    struct article_out o = {.l = l, .slab = slab};
    if (!r.ok || !get_tail(&r, &o, h))
        return false;
    visit(ctx, &g, l);
    return true;
}

bool cache_codec_record_decode(const struct cache_codec_head *h, struct extraction *out,
                               struct loaded *l)
{
    return cache_codec_record_decode_into(h, out, l, NULL);
}

bool cache_codec_record_decode_into(const struct cache_codec_head *h, struct extraction *out,
                                    struct loaded *l, struct cache_slab *slab)
{
    memset(out, 0, sizeof *out);
    if (l)
        memset(l, 0, sizeof *l);
    struct reader r;
    struct cache_codec_glance said;
    size_t xlen;
    if (!open_record(h, &r, &said, &xlen))
        return false;
    const struct reader whole = r; /* for a second pass */
    _Alignas(max_align_t) char scratch[SCRATCH];
    struct arena a = {scratch, 0, sizeof scratch};
    get_extraction(&r, out, &a); /* validates, measures and (mostly) fills */
    if (r.ok && (size_t)(r.p - whole.p) != xlen)
        r.ok = false; /* the extraction is not the length its glance says */
    struct article_out o = {.l = l, .slab = slab};
    bool ok = r.ok && get_tail(&r, &o, h);
    if (!ok || !a.used) { /* refused; or no entity, no fact */
        memset(out, 0, sizeof *out);
        return ok && as_glanced(&said, out, l);
    }
    if (a.used <= a.cap) {
        out->block = memcpy(block_for(out, a.used, slab), scratch, a.used);
        relocate(out, scratch, out->block);
    } else {
        memset(out, 0, sizeof *out);
        void *block = block_for(out, a.used, slab);
        bool borrowed = out->block_borrowed;
        decode_again(whole.p, whole.end, out, block, a.used);
        out->block_borrowed = borrowed;
    }
    if (!out->nentities)
        out->entities = NULL;
    if (!out->nfacts)
        out->facts = NULL;
    return as_glanced(&said, out, l);
}
