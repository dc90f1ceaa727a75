/* strpool: many small strings that live and die together, copied into a
 * few large blocks instead of one allocation each (the paths of a scan). */
#ifndef TOUCHLINE_STRPOOL_H
#define TOUCHLINE_STRPOOL_H

#include <stddef.h>

struct strpool_block;

struct strpool {
    struct strpool_block *head; /* the block being filled; older ones follow */
};

void strpool_init(struct strpool *p);
/* Frees every string the pool handed out. */
void strpool_free(struct strpool *p);
/* The same, but the newest block is kept, empty, for the strings to come
 * (a pool used again and again allocates nothing once it is big enough). */
void strpool_clear(struct strpool *p);
/* `bytes` bytes, uninitialised and unaligned, valid until strpool_free. */
char *strpool_alloc(struct strpool *p, size_t bytes);
/* A NUL-terminated copy of the `len` bytes at s, valid until strpool_free. */
char *strpool_add(struct strpool *p, const char *s, size_t len);

#endif
