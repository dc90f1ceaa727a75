/* cache_lend: the mapping of the temp file that a cold load's records are
 * written out to, from which the articles whose records are written borrow
 * their body text (cache_lend in cache.h). Internal to cache.c. */
#ifndef TOUCHLINE_CACHE_LEND_H
#define TOUCHLINE_CACHE_LEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct cache_lender {
    const unsigned char *map;  /* the temp file's first `limit` bytes, or NULL */
    size_t first, limit;       /* where its records start; the mapping's size */
    uint64_t written, dropped; /* bytes of it written so far, given back so far */
    bool on;                   /* no save yet: stores can be lent from map */
};

/* A lender that will lend from a file whose records start at `first`, up to
 * `limit` bytes into it; on until cache_lender_stop. */
void cache_lender_init(struct cache_lender *l, size_t first, size_t limit);
/* Whether stores can still be lent (no save yet, and the file mapped once
 * it was created). */
bool cache_lender_on(const struct cache_lender *l);
/* Maps the temp file fd, just created with room for `first` bytes, when on
 * and not mapped yet; with no mapping nothing is ever lent. */
void cache_lender_map(struct cache_lender *l, int fd);
/* n more bytes were written to the mapped file. */
void cache_lender_wrote(struct cache_lender *l, size_t n);
/* No more lending (a save): what is stored next goes to another file. The
 * mapping stays until cache_lender_free. */
void cache_lender_stop(struct cache_lender *l);
/* cache_lend's answer, `failed` when a write to the file failed. */
const char *cache_lender_lend(const struct cache_lender *l, bool failed, uint64_t at,
                              const char *text, size_t len, bool *later);
/* cache_lend_done: gives back the pages written so far. */
void cache_lender_done(struct cache_lender *l);
void cache_lender_free(struct cache_lender *l);

#endif
