/* cache_text: sanitize_is_clean's verdict (sanitize.h) computed for speed,
 * for the text a cache record lends to the reader without passing through
 * sanitize. Internal to the cache. */
#ifndef TOUCHLINE_CACHE_TEXT_H
#define TOUCHLINE_CACHE_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Whether sanitize_text would leave the n bytes of s as they are: the same
 * answer as sanitize_is_clean on every input, with printable ASCII and '\n'
 * taken 32 bytes at a time with SSE2, then 8, then 1 (8, then 1, without
 * it), and UTF-8 sequences checked in place. */
bool cache_text_is_clean(const char *s, size_t n);

#endif
