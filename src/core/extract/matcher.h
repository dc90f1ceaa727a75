/* matcher: finds knowledge-base names in tokenised text in one pass. Every
 * KB form is tokenised and folded once (at build time for the built-in
 * base, matcher_table.h), and kept in a hash table keyed by its folded
 * token sequence; at each token the longest sequence present
 * wins (the same job as Aho-Corasick over token boundaries, and no regex
 * per name). Read-only after matcher_new, so threads can share it. */
#ifndef TOUCHLINE_MATCHER_H
#define TOUCHLINE_MATCHER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"
#include "core/extract/kb.h"
#include "core/extract/matcher_table.h"
#include "core/extract/tokens.h"

struct matcher;

/* The matcher of a base: the compiled table of the built-in base in place
 * (kb->compiled), else one built from the base's forms. */
struct matcher *matcher_new(const struct kb *kb);
void matcher_free(struct matcher *m);
/* The table the matcher searches. */
const struct matcher_table *matcher_table(const struct matcher *m);

/* A key of the matcher is a struct matcher_slot (matcher_table.h): the
 * folded words that start one KB form or more. */

/* The key of word token i alone, or NULL when no KB form starts with it
 * (then nothing matches there). Cheap (one probe with the token's word
 * hash), and the same for every token of one word, so callers can keep it. */
const struct matcher_slot *matcher_start(const struct matcher *m, const struct tokens *t, size_t i);

/* The longest KB form starting at word token i, whose matcher_start is
 * `start` (not NULL). Returns the index of the token after it (i when
 * nothing matches) and points *forms (*nforms long) at the KB form indices
 * that share that text (several entities may share one form). Full stops
 * are ignored ("St.
 * Johnstone" = "St Johnstone"); a match never goes past a possessive token
 * or across a sentence. */
size_t matcher_longest(const struct matcher *m, const struct tokens *t, size_t i,
                       const struct matcher_slot *start, const int **forms, size_t *nforms);

#endif
