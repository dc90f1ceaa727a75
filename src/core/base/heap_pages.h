/* heap_pages: asks for the heap to grow on 2 MiB huge pages. Every fresh
 * 4 KiB page costs a page fault, and on virtual machines a fault costs
 * several microseconds; a load that keeps a few megabytes of articles and
 * extractions pays for hundreds of them. */
#ifndef TOUCHLINE_HEAP_PAGES_H
#define TOUCHLINE_HEAP_PAGES_H

#include <stdbool.h>
#include <stddef.h>

/* Grows malloc's heap by about `bytes` at once and marks it for
 * transparent huge pages (a hint; where the kernel does not take it, the
 * heap stays on 4 KiB pages as before). Freed memory at the heap's top is
 * then kept (up to 64 MiB); a block of 128 KiB or more that the heap's
 * free top cannot hold is mapped on its own, always (malloc would
 * otherwise raise that threshold as such blocks are freed). Nothing is
 * touched: memory is only used when malloc hands it out. Call it once, early, on the main thread.
 * Returns whether the heap was marked. */
bool heap_pages_reserve(size_t bytes);

/* Frees what heap_pages_reserve kept below the boundary, so that a leak
 * checker sees every block freed; call it when the work is done. */
void heap_pages_release(void);

/* Whether this build can do it at all: glibc's malloc (not a sanitizer's,
 * not another C library's). The kernel may still refuse the hint. */
bool heap_pages_supported(void);

#endif
