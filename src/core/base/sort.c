/* sort: a stable merge sort with a context argument (see sort.h). Runs of
 * up to SMALL elements are sorted by insertion; longer ones by sorting both
 * halves and merging the left half, copied out, back with the right. */
#include "core/base/sort.h"
#include "core/base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { SMALL = 8 };

struct sorter {
    size_t size;
    int (*cmp)(const void *, const void *, void *);
    void *ctx;
};

static int compare_at(const struct sorter *s, const char *a, const char *b)
{
    return s->cmp(a, b, s->ctx);
}

/* Insertion sort of a[0, n); `spare` holds one element. */
static void sort_small(const struct sorter *s, char *a, size_t n, char *spare)
{
    size_t z = s->size;
    for (size_t i = 1; i < n; i++) {
        if (compare_at(s, a + (i - 1) * z, a + i * z) <= 0)
            continue;
        memcpy(spare, a + i * z, z);
        size_t j = i - 1;
        while (j > 0 && compare_at(s, a + (j - 1) * z, spare) > 0)
            j--;
        memmove(a + (j + 1) * z, a + j * z, (i - j) * z);
        memcpy(a + j * z, spare, z);
    }
}

/* Merges the sorted runs a[0, m) and a[m, n), with tmp room for m elements.
 * The left run is copied out; the output never overtakes the right run. */
static void merge(const struct sorter *s, char *a, size_t m, size_t n, char *tmp)
{
    size_t z = s->size, i = 0, j = m, k = 0;
    memcpy(tmp, a, m * z);
    while (i < m && j < n) {
        if (compare_at(s, tmp + i * z, a + j * z) <= 0)
            memcpy(a + k++ * z, tmp + i++ * z, z);
        else
            memcpy(a + k++ * z, a + j++ * z, z);
    }
    memcpy(a + k * z, tmp + i * z, (m - i) * z); /* what is left of the right is in place */
}

/* Sorts a[0, n) with tmp[0, n) as scratch. */
static void sort_run(const struct sorter *s, char *a, size_t n, char *tmp)
{
    if (n <= SMALL) {
        sort_small(s, a, n, tmp);
        return;
    }
    size_t m = n / 2, z = s->size;
    sort_run(s, a, m, tmp);
    sort_run(s, a + m * z, n - m, tmp + m * z);
    if (compare_at(s, a + (m - 1) * z, a + m * z) > 0) /* else already in order */
        merge(s, a, m, n, tmp);
}

void sort_ctx(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *, void *),
              void *ctx)
{
    if (n < 2 || size == 0)
        return;
    if (n > SIZE_MAX / size)
        abort(); /* no array of that many elements can exist */
    struct sorter s = {size, cmp, ctx};
    char *tmp = xmalloc(n * size);
    sort_run(&s, base, n, tmp);
    free(tmp);
}
