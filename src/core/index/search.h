/* search: the reader's `/` search. Compiles the user's own PCRE2 pattern
 * (smart case) and finds its matches in articles, as postings shaped like
 * the entity index's (places, index.h) so that n/N, counters and the
 * mentions list treat a search like any other target. Curses-free. */
#ifndef TOUCHLINE_SEARCH_H
#define TOUCHLINE_SEARCH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/load/corpus.h"
#include "core/base/error.h"
#include "core/index/index.h"

/* Stop collecting matches past this many in one corpus (memory bound). */
#define SEARCH_MAX_HITS 2000000u

struct search;

/* All matches of a search over a corpus, ordered like an entity's postings:
 * by article load index, then title before body, then offset. */
struct search_hits {
    struct place *hits;
    size_t nhits, hcap;
    uint32_t *articles; /* distinct articles with a match, ascending */
    size_t narticles, acap;
    bool truncated; /* SEARCH_MAX_HITS was reached */
};

/* Compiles `pattern` (UTF-8, PCRE2 syntax). It is case-insensitive unless
 * the pattern has an upper-case letter outside an escape (\S, \W, \p{Lu}...).
 * On error returns NULL, sets err to "offset N: PCRE2's message" and
 * *err_offset (may be NULL) to N, the byte offset in pattern PCRE2 points at. */
struct search *search_compile(const char *pattern, size_t *err_offset, struct tl_error *err);
void search_free(struct search *s);
/* The pattern as given, and whether it was compiled case-insensitively. */
const char *search_pattern(const struct search *s);
bool search_caseless(const struct search *s);

/* Runs the search over every article of c (title, then body) into *out,
 * which is reset first. Empty matches are skipped. */
void search_run(const struct search *s, const struct corpus *c, struct search_hits *out);
/* Appends the matches of articles from..to-1, which must come after every
 * article already in *out (articles loaded since the search ran). */
void search_run_range(const struct search *s, const struct corpus *c, size_t from, size_t to,
                      struct search_hits *out);
/* search_run into an empty *out, checking *stop between articles. */
void search_run_until(const struct search *s, const struct corpus *c, struct search_hits *out,
                      const atomic_bool *stop);
void search_hits_free(struct search_hits *h);
/* Whether article `article` has a match (binary search). */
bool search_hits_has(const struct search_hits *h, size_t article);
/* The matches in one article: first hit index and count. */
size_t search_hits_in(const struct search_hits *h, size_t article, size_t *count);
/* index_step (see index.h) for search matches: the next (dir > 0) or
 * previous (dir < 0) match after the given place, in list order, wrapping
 * around the list. Returns false when no listed article has a match. */
bool search_step(const struct search_hits *h, const size_t *list, size_t nlist, const long *pos_of,
                 size_t from_article, size_t from_offset, bool from_title, int dir,
                 struct index_cursor *out, bool *wrapped);

#endif
