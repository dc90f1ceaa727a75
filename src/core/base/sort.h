/* sort: the one sort with a context argument, so that a comparator never
 * needs file-level state (and the build needs no qsort_r, no _GNU_SOURCE). */
#ifndef TOUCHLINE_SORT_H
#define TOUCHLINE_SORT_H

#include <stddef.h>

/* Sorts n elements of `size` bytes at base by cmp(a, b, ctx) (< 0, 0, > 0
 * as for qsort). Stable: equal elements keep their order. A merge sort:
 * O(n log n) comparisons, one temporary copy of the array. */
void sort_ctx(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
              void *ctx);

#endif
