/* cache_fast: the record decoder's fast readers, which read the common
 * mention, entity head and fact with one check of the room each, then
 * without per-field checks, and the decoding of a mention and of an int16
 * that they share with the checked readers. Each gives the same verdict and values as the
 * decoder's checked readers (cache_codec.c) or reads nothing, leaving the
 * item to them, so that a record's verdict never depends on which reader
 * took it. Included by cache_codec.c only. They are defined here, inline:
 * as functions of a file of their own, called once per item, a warm start
 * of 10,000 articles took 394 M instructions instead of 373 M. */
#ifndef TOUCHLINE_CACHE_FAST_H
#define TOUCHLINE_CACHE_FAST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/extract/entity.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/* The smallest encoded mention: a count of mentions is bounded by the room
 * left over this. */
enum { CACHE_MIN_MENTION = 2 };

/* Whether e is NO_ENTITY or an index below nentities that a fact can hold. */
static inline bool cache_valid_ref(int64_t e, size_t nentities)
{
    return e == NO_ENTITY || (e >= 0 && e <= FACT_MAX_ENTITY && (uint64_t)e < nentities);
}

/* The most bytes of a mention that cache_fast_mentions reads: two varints
 * of at most 5 bytes (35 bits, more than the 33 get_mention takes). */
enum { FAST_MENTION = 10 };

/* A varint of at most 5 bytes at *p, which has room for 5; UINT64_MAX
 * when it is longer (left to get_varint). */
static inline uint64_t take_short_varint(const unsigned char **p)
{
    const unsigned char *q = *p;
    uint64_t v = q[0];
    if (v < 0x80)
        return *p = q + 1, v;
    v &= 0x7f;
    for (unsigned k = 1; k < 5; k++) {
        v |= (uint64_t)(q[k] & 0x7f) << (7 * k);
        if (q[k] < 0x80)
            return *p = q + k + 1, v;
    }
    return UINT64_MAX;
}

/* The mention that its two varints make (its start doubled plus in_title,
 * then its end less its start, zigzag), into *m when its offsets fit their
 * fields; false, *m untouched, otherwise (a start past 32 bits, a length
 * past 33, UINT64_MAX from take_short_varint among them, an end out of
 * range). Both mention readers decode with it. */
static inline bool cache_mention_of(uint64_t head, uint64_t zigzag, struct mention *m)
{
    if (head >> 33 || zigzag >> 33)
        return false;
    int64_t end = (int64_t)(head >> 1) + ((int64_t)(zigzag >> 1) ^ -(int64_t)(zigzag & 1));
    if (end < 0 || end > (int64_t)MENTION_MAX_OFFSET)
        return false;
    *m = (struct mention){(uint32_t)(head >> 1), (uint32_t)end, head & 1};
    return true;
}

/* A zigzag varint's value into *out (cut to 16 bits), true when it fits an
 * int16_t. UINT64_MAX, which take_short_varint returns for a longer
 * varint, is INT64_MIN and does not fit either; the test of it, redundant,
 * saves 1 M instructions of a warm start of 10,000 articles (the compiler
 * lays out the fact reader better with it). Both fact readers decode with
 * it. */
static inline bool cache_int16_of(uint64_t v, int16_t *out)
{
    int64_t i = (int64_t)(v >> 1) ^ -(int64_t)(v & 1);
    *out = (int16_t)i;
    return v != UINT64_MAX && i >= INT16_MIN && i <= INT16_MAX;
}

/* A mention at *p, which has room for FAST_MENTION bytes, as get_mention
 * reads it; false (with *p where it was) when get_mention could refuse it
 * or read it otherwise (a longer varint, an offset out of range). */
static inline bool take_mention(const unsigned char **p, struct mention *m)
{
    const unsigned char *q = *p;
    uint64_t head = take_short_varint(&q), zigzag = take_short_varint(&q);
    if (!cache_mention_of(head, zigzag, m))
        return false;
    *p = q;
    return true;
}

/* Reads the first mentions of a run of n at *p (end: the record's end)
 * into m (NULL: read over) while there is room for the longest, stopping at
 * the first that the checked reader could refuse or read otherwise (a long
 * varint, an offset out of range). Moves *p past what it read and returns
 * how many mentions that is. */
static inline size_t cache_fast_mentions(const unsigned char **p, const unsigned char *end,
                                         struct mention *m, size_t n)
{
    const unsigned char *q = *p;
    size_t i = 0;
    struct mention none;
    for (; i < n && end - q >= FAST_MENTION; i++)
        if (!take_mention(&q, m ? &m[i] : &none))
            break;
    *p = q;
    return i;
}

/* The longest id or name that cache_fast_entity reads; the most bytes of
 * an entity's head that it reads: two of them with their lengths and
 * NULs (and what it loads past a string, up to 64 bytes from its start),
 * kind, role and the count of mentions. */
enum { FAST_STRING = 63, FAST_ENTITY = 2 * (5 + FAST_STRING + 1) + 2 + 5 };

#if defined(__SSE2__) && defined(__GNUC__)
/* Bit k set for each 0 among the 16 bytes at s. */
static inline uint64_t nul_bits16(const unsigned char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    return (uint64_t)(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_setzero_si128()));
}

/* Whether the n bytes at s (n <= FAST_STRING, with 64 bytes there to
 * read) hold no NUL and one follows them: the NULs among the first 16 or
 * 64 bytes as bits. */
static inline bool ends_at_nul(const unsigned char *s, size_t n)
{
    uint64_t nuls = nul_bits16(s);
    if (n >= 16)
        nuls |= nul_bits16(s + 16) << 16 | nul_bits16(s + 32) << 32 | nul_bits16(s + 48) << 48;
    return (nuls & ((2ULL << n) - 1)) == 1ULL << n; /* n = 63: the mask is all ones */
}
#else
static inline bool ends_at_nul(const unsigned char *s, size_t n)
{
    return !memchr(s, '\0', n) && s[n] == '\0';
}
#endif

/* A borrowed string (get_borrowed) at *p, when it is at most FAST_STRING
 * bytes; NULL otherwise. */
static inline const char *take_short_borrowed(const unsigned char **p)
{
    const unsigned char *q = *p;
    uint64_t n = take_short_varint(&q);
    if (n > FAST_STRING || !ends_at_nul(q, (size_t)n))
        return NULL;
    *p = q + n + 1;
    return (const char *)q;
}

/* Reads an entity's id, name, kind, role and count of mentions (into *n)
 * at *p when its strings are at most 63 bytes and its varints short; the
 * id and name point into the record (NUL-terminated there). False, with
 * nothing read, for anything else. */
static inline bool cache_fast_entity(const unsigned char **p, const unsigned char *end,
                                     struct found_entity *e, size_t *n)
{
    const unsigned char *q = *p;
    if (end - q < FAST_ENTITY)
        return false;
    const char *id = take_short_borrowed(&q), *name = id ? take_short_borrowed(&q) : NULL;
    if (!name || q[0] >= ENTITY_KIND_COUNT || q[1] > ROLE_OTHER)
        return false;
    unsigned kind = q[0], role = q[1];
    q += 2;
    uint64_t count = take_short_varint(&q);
    if (count > (size_t)(end - q) / CACHE_MIN_MENTION)
        return false;
    *e = (struct found_entity){.id = (char *)id, .name = (char *)name, .kind = kind, .role = role};
    *n = (size_t)count;
    *p = q;
    return true; /* the strings are never written through: the mapping is read-only */
}

/* The most bytes of a fact that cache_fast_fact reads: kind, has_value,
 * the value's 8 bytes, 5 codes, 7 varints of at most 5 bytes, an empty
 * loan length and a mention. */
enum { FAST_FACT = 2 + 8 + 5 + 7 * 5 + 1 + FAST_MENTION };

/* The fact's value: a little-endian u64, read as cache_codec_get_u64
 * reads it (one load where the machine is little-endian). */
static inline uint64_t take_u64(const unsigned char *q)
{
    uint32_t lo =
        (uint32_t)q[0] | (uint32_t)q[1] << 8 | (uint32_t)q[2] << 16 | (uint32_t)q[3] << 24;
    uint32_t hi =
        (uint32_t)q[4] | (uint32_t)q[5] << 8 | (uint32_t)q[6] << 16 | (uint32_t)q[7] << 24;
    return (uint64_t)lo | (uint64_t)hi << 32;
}

/* Reads a fact naming no loan length at *p, its references checked against
 * ne entities; false, with *p unchanged (and *f undefined), for any other
 * fact or anything the checked reader could refuse or read otherwise. */
static inline bool cache_fast_fact(const unsigned char **p, const unsigned char *end,
                                   struct fact *f, size_t ne)
{
    const unsigned char *q = *p;
    if (end - q < FAST_FACT)
        return false;
    f->kind = q[0];
    f->has_value = q[1] == 1;
    bool ok = q[0] < FACT_KIND_COUNT && q[1] <= 1;
    q += 2;
    ok &= cache_int16_of(take_short_varint(&q), &f->subject) && cache_valid_ref(f->subject, ne);
    uint64_t bits = take_u64(q);
    memcpy(&f->value, &bits, sizeof bits);
    q += 8;
    f->currency = q[0], f->period = q[1], f->type = q[2], f->status = q[3], f->qualifier = q[4];
    ok &= q[0] < FACT_CURRENCY_COUNT && q[1] < FACT_PERIOD_COUNT && q[2] < FACT_TYPE_COUNT &&
          q[3] < FACT_STATUS_COUNT && q[4] < FACT_QUALIFIER_COUNT;
    q += 5;
    int16_t *refs[] = {&f->team, &f->from, &f->to, &f->club};
    for (size_t k = 0; k < sizeof refs / sizeof *refs; k++)
        ok &= cache_int16_of(take_short_varint(&q), refs[k]) && cache_valid_ref(*refs[k], ne);
    ok &= cache_int16_of(take_short_varint(&q), &f->year);
    ok &= cache_int16_of(take_short_varint(&q), &f->goals);
    f->loan_length = 0;
    ok &= *q++ == 0; /* no loan length */
    if (!ok || !take_mention(&q, &f->span))
        return false;
    *p = q;
    return true;
}

#endif
