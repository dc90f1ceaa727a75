/* slot_pages: the stream's slots (one per scanned entry, 17.6 MB at
 * 100,000 entries) in pages of their own, so that the pages of the slots
 * already handed over can be given back while the load goes on: they are
 * only read as zeros after that (their results went to the caller). */
#ifndef TOUCHLINE_SLOT_PAGES_H
#define TOUCHLINE_SLOT_PAGES_H

#include <stdbool.h>
#include <stddef.h>

struct slot_pages {
    unsigned char *p;
    size_t bytes;
    size_t given; /* bytes from the start given back so far (whole pages) */
    bool mapped;  /* p is a mapping of its own, not calloc's */
};

/* Room for n elements of `size` bytes, zeroed (calloc when it cannot be
 * mapped; nothing is then given back). Never NULL. */
void *slot_pages_new(struct slot_pages *sp, size_t n, size_t size);
/* The first `done` bytes are not needed any more: their whole pages are
 * given back (read again, they are zeros), a megabyte or more at a time. */
void slot_pages_give_back(struct slot_pages *sp, size_t done);
void slot_pages_free(struct slot_pages *sp);

#endif
