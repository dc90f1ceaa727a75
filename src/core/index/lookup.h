/* lookup: a name a user typed (on the command line) to an entity of the
 * index, and when none has that name, the "did you mean" candidates. */
#ifndef TOUCHLINE_LOOKUP_H
#define TOUCHLINE_LOOKUP_H

#include <stddef.h>

#include "core/index/index.h"

/* Entities of a kind (kind < 0: any) close to a name that index_resolve
 * did not find: the fuzzy matches of index_search (its letters in order),
 * else those whose name or any mention form is within a few edits of it
 * ("Spurz": Tottenham Hotspur, through "Spurs"), nearest first, then by
 * article count. Writes up to max indices into out; returns how many. */
size_t index_suggest(const struct index *ix, int kind, const char *name, int *out, size_t max);

#endif
