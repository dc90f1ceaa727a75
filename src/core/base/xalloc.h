/* xalloc: allocation wrappers that never return NULL (they abort on exhaustion). */
#ifndef TOUCHLINE_XALLOC_H
#define TOUCHLINE_XALLOC_H

#include <stddef.h>

/* malloc/calloc/realloc that abort with a message when memory runs out. */
void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* aligned_alloc (align a power of two) that aborts likewise; size is
 * rounded up to a multiple of align. Freed with free. */
void *xaligned(size_t align, size_t size);
/* Grow an array to hold at least `need` elements of `elem` bytes; updates *cap.
 * Inline: most calls find the room there already, and only the growing
 * (xgrow_more, for need > *cap) is a call. */
void *xgrow_more(void *ptr, size_t *cap, size_t need, size_t elem);
static inline void *xgrow(void *ptr, size_t *cap, size_t need, size_t elem)
{
    return need <= *cap ? ptr : xgrow_more(ptr, cap, need, elem);
}
/* Copies of a NUL-terminated string, or of the first `len` bytes of one. */
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);

#endif
