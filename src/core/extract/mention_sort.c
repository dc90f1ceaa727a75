/* mention_sort: a doc's mentions by first token, as the merge of their
 * sorted runs (see mention_sort.h). */
#include "core/extract/mention_sort.h"
#include "core/extract/extract_doc.h"

#include <stdlib.h>
#include <string.h>

/* More runs than this and qsort is cheaper than merging one at a time. */
enum { MENTION_SORT_MAX_RUNS = 64 };

static int compare_mentions(const void *pa, const void *pb)
{
    const struct doc_mention *a = pa, *b = pb;
    return a->tok < b->tok ? -1 : a->tok > b->tok;
}

/* Merges the sorted runs m[0, mid) and m[mid, n) in place, with the
 * shorter one copied to `tmp` first: forward when it is the first run,
 * backward when it is the second. Only the mentions of the longer run that
 * fall among the shorter one's move. */
static void merge_runs(struct doc_mention *m, size_t mid, size_t n, struct doc_mention *tmp)
{
    if (mid <= n - mid) {
        memcpy(tmp, m, mid * sizeof *m);
        size_t i = 0, j = mid, out = 0;
        while (i < mid)
            m[out++] = j < n && m[j].tok < tmp[i].tok ? m[j++] : tmp[i++];
    } else {
        memcpy(tmp, m + mid, (n - mid) * sizeof *m);
        size_t i = mid, j = n - mid, out = n;
        while (j > 0)
            m[--out] = i > 0 && m[i - 1].tok > tmp[j - 1].tok ? m[--i] : tmp[--j];
    }
}

/* The start of the sorted run that ends at `end` (exclusive, end > 0). */
static size_t run_start(const struct doc_mention *m, size_t end)
{
    size_t s = end - 1;
    while (s > 0 && m[s - 1].tok < m[s].tok)
        s--;
    return s;
}

void mention_sort(struct doc_mention *m, size_t n, struct doc_mention *tmp)
{
    if (n < 2)
        return;
    size_t start = run_start(m, n); /* m[start, n) is sorted */
    for (int runs = 1; start > 0; runs++) {
        if (runs > MENTION_SORT_MAX_RUNS) {
            qsort(m, n, sizeof *m, compare_mentions);
            return;
        }
        size_t run = run_start(m, start); /* the run before: m[run, start) */
        merge_runs(m + run, start - run, n - run, tmp);
        start = run;
    }
}
