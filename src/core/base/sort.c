/* sort: a stable merge sort with a context argument (see sort.h). Runs of
 * up to SORT_RUN elements are sorted by insertion, then merged bottom-up
 * through one scratch buffer. */
#include "core/base/sort.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { SORT_RUN = 16 };

typedef int (*sort_cmp)(const void *, const void *, void *);

/* Insertion sort of n elements at p; tmp holds one element. */
static void insertion(char *p, size_t n, size_t size, sort_cmp cmp, void *ctx, char *tmp)
{
    for (size_t i = 1; i < n; i++) {
        size_t j = i;
        if (cmp(p + (j - 1) * size, p + j * size, ctx) <= 0)
            continue;
        memcpy(tmp, p + i * size, size);
        while (j > 0 && cmp(p + (j - 1) * size, tmp, ctx) > 0) {
            memcpy(p + j * size, p + (j - 1) * size, size);
            j--;
        }
        memcpy(p + j * size, tmp, size);
    }
}

/* Merges the sorted runs src[lo, mid) and src[mid, hi) into dst[lo, hi). */
static void merge(const char *src, char *dst, size_t lo, size_t mid, size_t hi, size_t size,
                  sort_cmp cmp, void *ctx)
{
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi) {
        if (cmp(src + j * size, src + i * size, ctx) < 0)
            memcpy(dst + k++ * size, src + j++ * size, size);
        else
            memcpy(dst + k++ * size, src + i++ * size, size);
    }
    memcpy(dst + k * size, src + i * size, (mid - i) * size);
    k += mid - i;
    memcpy(dst + k * size, src + j * size, (hi - j) * size);
}

void sort_ctx(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
              void *ctx)
{
    if (n < 2 || !size)
        return;
    char *a = base, *one = xmalloc(size);
    for (size_t lo = 0; lo < n; lo += SORT_RUN)
        insertion(a + lo * size, n - lo < SORT_RUN ? n - lo : SORT_RUN, size, cmp, ctx, one);
    free(one);
    if (n <= SORT_RUN)
        return;
    char *scratch = xmalloc(n * size), *src = a, *dst = scratch;
    for (size_t width = SORT_RUN; width < n; width *= 2) {
        for (size_t lo = 0; lo < n; lo += 2 * width) {
            size_t mid = lo + width < n ? lo + width : n;
            size_t hi = lo + 2 * width < n ? lo + 2 * width : n;
            merge(src, dst, lo, mid, hi, size, cmp, ctx);
        }
        char *t = src;
        src = dst;
        dst = t;
    }
    if (src != a)
        memcpy(a, src, n * size);
    free(scratch);
}
