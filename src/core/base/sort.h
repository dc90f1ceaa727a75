/* sort: sorting with a context argument for the comparator, in portable C17
 * (qsort_r is not: it needs _GNU_SOURCE and its argument order differs
 * between systems), so that no comparator needs file-level state. */
#ifndef TOUCHLINE_SORT_H
#define TOUCHLINE_SORT_H

#include <stddef.h>

/* Sorts n elements of `size` bytes at base in the order cmp(a, b, ctx)
 * gives (negative, zero, positive as for qsort). Stable: equal elements
 * keep their order. O(n log n) comparisons. */
void sort_ctx(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
              void *ctx);

#endif
