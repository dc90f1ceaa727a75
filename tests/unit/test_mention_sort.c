/* test_mention_sort: mentions made of sorted runs (one, a few, more than
 * the merge takes, one per mention) come out sorted by first token, each
 * whole, as qsort sorts them. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/extract/extract_doc.h"
#include "core/extract/mention_sort.h"

enum { MAX_MENTIONS = 300 };

static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1664525u + 1013904223u;
    return *state >> 8;
}

static int by_tok(const void *pa, const void *pb)
{
    const struct doc_mention *a = pa, *b = pb;
    return a->tok < b->tok ? -1 : a->tok > b->tok;
}

static int by_tok_down(const void *pa, const void *pb)
{
    return by_tok(pb, pa);
}

/* n mentions with distinct first tokens, shuffled, then cut into about
 * `runs` pieces of random lengths, each sorted; each mention's other fields
 * are made from its token. */
static void make_runs(struct doc_mention *m, size_t n, size_t runs, uint32_t *rnd)
{
    for (size_t i = 0; i < n; i++) {
        size_t tok = 3 * i + next_random(rnd) % 3;
        m[i] = (struct doc_mention){tok, tok + 1 + tok % 4, (int)(tok * 7 % 1000), tok % 5 == 0};
    }
    for (size_t i = n; i > 1; i--) {
        size_t k = next_random(rnd) % i;
        struct doc_mention x = m[i - 1];
        m[i - 1] = m[k];
        m[k] = x;
    }
    for (size_t at = 0; at < n;) {
        size_t len = 1 + next_random(rnd) % (2 * n / runs + 1);
        if (len > n - at)
            len = n - at;
        qsort(m + at, len, sizeof *m, by_tok);
        at += len;
    }
}

/* Sorts a copy of m with mention_sort and one with qsort: the same. */
static void assert_sorts(const struct doc_mention *m, size_t n)
{
    struct doc_mention got[MAX_MENTIONS], want[MAX_MENTIONS], tmp[MAX_MENTIONS];
    memcpy(got, m, n * sizeof *m);
    memcpy(want, m, n * sizeof *m);
    memset(tmp, 0xa5, sizeof tmp);
    mention_sort(got, n, tmp);
    qsort(want, n, sizeof *want, by_tok);
    for (size_t i = 0; i < n; i++) {
        assert_int_equal(got[i].tok, want[i].tok);
        assert_int_equal(got[i].tok_end, want[i].tok_end);
        assert_int_equal(got[i].entity, want[i].entity);
        assert_int_equal(got[i].weak, want[i].weak);
    }
}

static void test_runs_of_every_kind(void **state)
{
    (void)state;
    uint32_t rnd = 12345;
    struct doc_mention m[MAX_MENTIONS];
    for (size_t n = 0; n <= MAX_MENTIONS; n += n < 40 ? 1 : 37)
        for (size_t runs = 1; runs <= 150; runs += runs < 10 ? 1 : 20)
            for (int round = 0; round < 3; round++) {
                make_runs(m, n, runs, &rnd);
                assert_sorts(m, n);
            }
}

/* One long run and a few short ones after it, before it, or both: the
 * shape the extractor makes, with the copy taken of either side. */
static void test_long_run_and_short_ones(void **state)
{
    (void)state;
    uint32_t rnd = 777;
    struct doc_mention m[MAX_MENTIONS];
    for (size_t nlong = 0; nlong <= 200; nlong += 25)
        for (size_t nshort = 1; nshort <= 12; nshort++)
            for (int where = 0; where < 3; where++) {
                size_t n = nlong + 3 * nshort;
                make_runs(m, n, 1, &rnd); /* one sorted run */
                /* the short runs: three sorted pieces taken out and put back
                 * at the start, the end, or both */
                struct doc_mention shorts[3 * 12];
                for (size_t s = 0; s < 3 * nshort; s++) {
                    size_t k = next_random(&rnd) % (n - s);
                    shorts[s] = m[k];
                    memmove(m + k, m + k + 1, (n - s - k - 1) * sizeof *m);
                }
                for (int piece = 0; piece < 3; piece++)
                    qsort(shorts + piece * nshort, nshort, sizeof *shorts, by_tok);
                size_t rest = n - 3 * nshort;
                if (where == 0) {
                    memmove(m + 3 * nshort, m, rest * sizeof *m);
                    memcpy(m, shorts, 3 * nshort * sizeof *m);
                } else if (where == 1) {
                    memcpy(m + rest, shorts, 3 * nshort * sizeof *m);
                } else {
                    memmove(m + nshort, m, rest * sizeof *m);
                    memcpy(m, shorts, nshort * sizeof *m);
                    memcpy(m + nshort + rest, shorts + nshort, 2 * nshort * sizeof *m);
                }
                assert_sorts(m, n);
            }
}

/* Descending: one run per mention, more than the merge takes. */
static void test_descending(void **state)
{
    (void)state;
    uint32_t rnd = 99;
    struct doc_mention m[MAX_MENTIONS];
    for (size_t n = 0; n <= MAX_MENTIONS; n += 13) {
        make_runs(m, n, 1, &rnd);
        qsort(m, n, sizeof *m, by_tok_down);
        assert_sorts(m, n);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_runs_of_every_kind),
        cmocka_unit_test(test_long_run_and_short_ones),
        cmocka_unit_test(test_descending),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
