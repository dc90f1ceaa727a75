/* heap_pages: malloc's heap on huge pages (see heap_pages.h). */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#include "core/base/heap_pages.h"

#include <malloc.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

/* Under AddressSanitizer or ThreadSanitizer, malloc is theirs: mallopt and
 * the heap's layout mean nothing there. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define HEAP_IS_MALLOCS 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define HEAP_IS_MALLOCS 0
#endif
#endif
#ifndef HEAP_IS_MALLOCS
#define HEAP_IS_MALLOCS 1
#endif

#if defined(MADV_HUGEPAGE) && defined(M_MMAP_THRESHOLD) && HEAP_IS_MALLOCS

enum {
    HUGE_PAGE = 2 * 1024 * 1024,
    MMAP_THRESHOLD_MAX = 32 * 1024 * 1024, /* the most mallopt takes */
    MMAP_THRESHOLD = 128 * 1024,           /* malloc's own at start */
};

/* The heap below the first huge-page boundary of the reserve, taken so that
 * malloc hands out memory from that boundary on; never touched, so it costs
 * address space, not memory. */
static void *below_boundary;

static uintptr_t huge_floor(uintptr_t a)
{
    return a & ~(uintptr_t)(HUGE_PAGE - 1);
}

bool heap_pages_reserve(size_t bytes)
{
    static bool tried;
    if (tried || bytes < 2 * HUGE_PAGE)
        return false;
    tried = true;
    if (bytes > MMAP_THRESHOLD_MAX - HUGE_PAGE)
        bytes = MMAP_THRESHOLD_MAX - HUGE_PAGE;
    /* One block of `bytes` from the heap (not a mapping of its own), kept
     * by the heap when freed; whatever happens, big blocks are mapped on
     * their own again afterwards (malloc's own threshold at start). */
    char *p = NULL;
    if (mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_MAX) &&
        mallopt(M_TRIM_THRESHOLD, 2 * MMAP_THRESHOLD_MAX))
        p = malloc(bytes);
    if (!p) {
        mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
        return false;
    }
    uintptr_t from = huge_floor((uintptr_t)p + HUGE_PAGE - 1);
    uintptr_t to = huge_floor((uintptr_t)p + bytes);
    bool marked = madvise((void *)from, to - from, MADV_HUGEPAGE) == 0;
    free(p);
    mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD);
    /* p was the top of the heap and is again: a block of from - p - 16
     * bytes there ends where the next one's header puts its memory at from. */
    if (marked && from - (uintptr_t)p > 64)
        below_boundary = malloc(from - (uintptr_t)p - 16);
    return marked;
}

void heap_pages_release(void)
{
    free(below_boundary);
    below_boundary = NULL;
}

bool heap_pages_supported(void)
{
    return true;
}

#else

bool heap_pages_reserve(size_t bytes)
{
    (void)bytes;
    return false;
}

void heap_pages_release(void)
{
}

bool heap_pages_supported(void)
{
    return false;
}

#endif
