/* suggest: the "did you mean" of error messages: the name in a list that is
 * nearest to a misspelt one. */
#ifndef TOUCHLINE_SUGGEST_H
#define TOUCHLINE_SUGGEST_H

#include <stddef.h>

/* Edit distance (insertions, deletions, substitutions and swaps of two
 * neighbours each cost 1) between a and b, ignoring ASCII case and treating
 * '-' and '_' as the same. Strings longer than 64 bytes count as far apart. */
size_t suggest_distance(const char *a, const char *b);
/* The name of names[0..n) nearest to word when it is close enough to be a
 * plausible typo (1 edit for short words, up to 3 for long ones), else NULL.
 * Ties go to the earlier name. */
const char *suggest_nearest(const char *word, const char *const *names, size_t n);

#endif
