/* cache_codec: the bytes of one cache record (an article's path, size, mtime
 * and complete extraction) and the little-endian integers the cache file is
 * made of. Decoding validates everything against the bytes it was given, so
 * a corrupt or hostile record is refused, never read out of bounds. Internal
 * to cache.c. */
#ifndef TOUCHLINE_CACHE_CODEC_H
#define TOUCHLINE_CACHE_CODEC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/buf.h"
#include "core/extract/entity.h"
#include "core/load/corpus.h"

/* A record is: u32 n, then n bytes (u64 size, i64 mtime_ns, varint path
 * length, path, the extraction's glance (cache_codec_put_glance),
 * extraction, then a byte 0, or 1 and the loaded article), then a u64
 * checksum of the 4 + n bytes before it. The smallest n: size, mtime, an
 * empty path, a glance of zeros, two zero counts and no article. */
enum { CODEC_FRAME = 4 + 8, CODEC_GLANCE_MIN = 4 + 3 + 1 + 2 };
enum { CODEC_MIN_BODY = 8 + 8 + 1 + CODEC_GLANCE_MIN + 2 + 1 };

/* Where a record's fields are, from cache_codec_record_head. */
struct cache_codec_head {
    size_t len; /* the whole record, framing and checksum included */
    uint64_t size;
    int64_t mtime_ns;
    const char *path; /* not NUL-terminated */
    size_t path_len;
    const unsigned char *start; /* the record's first byte */
};

void cache_codec_put_u32(struct buf *b, uint32_t v);
void cache_codec_put_u64(struct buf *b, uint64_t v);
uint32_t cache_codec_get_u32(const unsigned char *p);
uint64_t cache_codec_get_u64(const unsigned char *p);
/* Every checksum of the cache (its header, records, heads table and stored
 * index, and the binary's without a build-id): XXH3's
 * 64-bit hash (libxxhash) of the bytes, which a warm start takes over
 * every record it reads. In steps, for bytes that come a piece at a time
 * (pieces of any length): start (NULL when memory runs out), add each
 * piece, end (which frees the sum). */
struct cache_codec_sum;
struct cache_codec_sum *cache_codec_sum_start(void);
void cache_codec_sum_add(struct cache_codec_sum *s, const void *p, size_t n);
uint64_t cache_codec_sum_end(struct cache_codec_sum *s);
uint64_t cache_codec_checksum(const unsigned char *p, size_t len);

/* Whether an extraction can be stored so that it reads back equal: fact
 * strings from the known tables, enums in range, entity references valid. */
bool cache_codec_encodable(const struct extraction *x);
/* Appends a whole record; false (appending nothing) if it would pass 4 GiB.
 * `l`, when not NULL, is what loading the file gave (its article and
 * problems), stored too when it can be read back equal (else left out). */
bool cache_codec_put_record(struct buf *b, const char *path, uint64_t size, int64_t mtime_ns,
                            const struct extraction *x, const struct loaded *l);
/* The same, setting *text_at to where the article's body text starts in
 * the record (bytes from its first one; a NUL follows the text), or to 0
 * when the record holds no article. */
bool cache_codec_put_record_at(struct buf *b, const char *path, uint64_t size, int64_t mtime_ns,
                               const struct extraction *x, const struct loaded *l, size_t *text_at);
/* Reads the framing and header of the record at p (avail bytes left in the
 * file). Returns false when they do not fit; the checksum is not checked. */
bool cache_codec_record_head(const unsigned char *p, size_t avail, struct cache_codec_head *h);
/* Checks the checksum and decodes the extraction of a record whose head was
 * read; false (with *out empty) on any failure, a glance that is not the
 * extraction's among them. With `l` not NULL the
 * record must also hold the loaded article, decoded into *l (size and mtime
 * from the record; a date taken from the mtime is made again, in the
 * current time zone); its text must be as sanitize leaves it (sanitize.h),
 * since what is read here reaches the screen without passing there. The
 * article's body is not copied: it points into the record's bytes
 * (body_borrowed), which must outlive it. */
bool cache_codec_record_decode(const struct cache_codec_head *h, struct extraction *out,
                               struct loaded *l);
/* What a load needs of a record's extraction, stored ahead of it in the
 * record (its glance), so that it is read without walking or building the
 * extraction (cache_codec_record_visit). */
struct cache_codec_glance {
    size_t nentities, nmentions;
    size_t nclubs; /* entities of kind ENTITY_CLUB */
    bool money;    /* a fee, wage or release clause with a value (article_marks) */
    /* The entities' mentions: whether one ends before it starts, and the
     * furthest end in the title and in the body. */
    bool backwards;
    uint32_t title_end, body_end;
};
/* The glance of x, as the encoder stores it and the full decode checks it. */
void cache_codec_glance_of(const struct extraction *x, struct cache_codec_glance *g);
/* Appends a glance: the u32 length in bytes of the extraction that follows
 * it, then varints nentities, nmentions, nclubs, a byte of flags (1: money,
 * 2: backwards) and varints title_end, body_end. */
void cache_codec_put_glance(struct buf *b, const struct cache_codec_glance *g, uint32_t xlen);
/* extraction_fits_article of the extraction glanced at. */
bool cache_codec_glance_fits(const struct cache_codec_glance *g, size_t title_len, size_t body_len);
/* Checks a record's checksum and decodes its article into *l, which the
 * record must hold, as cache_codec_record_decode does, but reads only the
 * extraction's glance (counts, the mentions' reach, the marks), shown to
 * visit(ctx, g, l), and jumps over the extraction: nothing is walked or
 * built. The glance is checked for bounds only (its counts against the
 * extraction's length), relying on the checksum, which only this program's
 * encoder makes right; the full decode checks it against the extraction it
 * decodes: a record that passes here but that the full decode refuses (the
 * caller's decode later, which must cope) is one written by another
 * encoder. False, *l empty and visit not called, on any failure. */
struct cache_slab;
typedef void (*cache_codec_visit)(void *ctx, const struct cache_codec_glance *g,
                                  const struct loaded *l);
/* The article goes to a piece of `slab` when it is not NULL and gives one
 * (l->article->packed_borrowed then: it must be freed before the slab),
 * else to the heap. */
bool cache_codec_record_visit(const struct cache_codec_head *h, struct loaded *l,
                              struct cache_slab *slab, cache_codec_visit visit, void *ctx);
/* The same as cache_codec_record_decode with the extraction's block and
 * the article taken from `slab` when it gives them (out->block_borrowed,
 * l->article->packed_borrowed then: they live as long as the slab). */
bool cache_codec_record_decode_into(const struct cache_codec_head *h, struct extraction *out,
                                    struct loaded *l, struct cache_slab *slab);

#endif
