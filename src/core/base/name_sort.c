/* name_sort: a radix sort on each name's first eight bytes, then strcmp
 * among names that share them (see name_sort.h). The names of a folder
 * often share a long prefix ("0000123.md"), where a comparison sort spends
 * most of its time in strcmp walking the common bytes: here each name is
 * read once for its key, and only the byte positions where the keys differ
 * take a counting pass. */
#include "core/base/name_sort.h"
#include "core/base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { KEY_BYTES = 8 };

struct keyed {
    uint64_t key; /* the first eight bytes, big-endian, zero after the NUL */
    const char *name;
};

/* The key orders as strcmp does on the first eight bytes: byte by byte as
 * unsigned values, a shorter name (its NUL, then zeros) first. */
static uint64_t key_of(const char *s)
{
    unsigned char b[KEY_BYTES] = {0};
    memcpy(b, s, strnlen(s, KEY_BYTES));
    uint64_t key = 0;
    for (int i = 0; i < KEY_BYTES; i++)
        key = key << 8 | b[i];
    return key;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Least significant byte first, one stable counting pass per byte
 * position at which the keys are not all alike (a folder's numbered names
 * differ in two or three); returns the buffer that holds the result (v or
 * tmp). */
static struct keyed *radix_keys(struct keyed *v, struct keyed *tmp, size_t n)
{
    uint64_t varying = 0;
    for (size_t i = 1; i < n; i++)
        varying |= v[i].key ^ v[0].key;
    for (int shift = 0; shift < 8 * KEY_BYTES; shift += 8) {
        if (!((varying >> shift) & 0xff))
            continue;
        size_t count[256] = {0};
        for (size_t i = 0; i < n; i++)
            count[(v[i].key >> shift) & 0xff]++;
        size_t at = 0;
        for (int d = 0; d < 256; d++) {
            size_t c = count[d];
            count[d] = at;
            at += c;
        }
        for (size_t i = 0; i < n; i++)
            tmp[count[(v[i].key >> shift) & 0xff]++] = v[i];
        struct keyed *t = v;
        v = tmp;
        tmp = t;
    }
    return v;
}

void name_sort(const char **names, size_t n)
{
    if (n < 2)
        return;
    struct keyed *v = xmalloc(2 * n * sizeof *v);
    for (size_t i = 0; i < n; i++)
        v[i] = (struct keyed){key_of(names[i]), names[i]};
    struct keyed *sorted = radix_keys(v, v + n, n);
    for (size_t i = 0; i < n; i++)
        names[i] = sorted[i].name;
    /* Names alike in their first eight bytes: in order by the rest. A key
     * whose last byte is zero ends within it, so those names are equal. */
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i + 1; j < n && sorted[j].key == sorted[i].key; j++)
            ;
        if (j - i > 1 && (sorted[i].key & 0xff))
            qsort(names + i, j - i, sizeof *names, compare_names);
    }
    free(v);
}
