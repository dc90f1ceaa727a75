/* test_sort: sort_ctx against a plain insertion sort on generated arrays
 * (every length up to 70, then long ones, few and many distinct keys),
 * stability, the context argument, odd element sizes, and 0 or 1 element. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/base/sort.h"

/* A key and the position it started at, to check stability. */
struct item {
    int key;
    unsigned pos;
};

static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1103515245u + 12345u;
    return *state >> 8;
}

/* Orders by key, ascending or (*(int *)ctx < 0) descending. */
static int by_key(const void *pa, const void *pb, void *ctx)
{
    const struct item *a = pa, *b = pb;
    int dir = *(const int *)ctx;
    return dir * ((a->key > b->key) - (a->key < b->key));
}

/* What a stable sort must give: an insertion sort, obviously right. */
static void reference_sort(struct item *v, size_t n, int dir)
{
    for (size_t i = 1; i < n; i++) {
        struct item t = v[i];
        size_t j = i;
        while (j > 0 && by_key(&v[j - 1], &t, &dir) > 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = t;
    }
}

static void check_one(size_t n, int distinct, int dir, uint32_t seed)
{
    struct item *got = malloc((n ? n : 1) * sizeof *got);
    struct item *want = malloc((n ? n : 1) * sizeof *want);
    for (size_t i = 0; i < n; i++)
        got[i] = (struct item){(int)(next_random(&seed) % (uint32_t)distinct) - distinct / 2,
                               (unsigned)i};
    memcpy(want, got, n * sizeof *got);
    sort_ctx(got, n, sizeof *got, by_key, &dir);
    reference_sort(want, n, dir);
    for (size_t i = 0; i < n; i++)
        if (got[i].key != want[i].key || got[i].pos != want[i].pos)
            fail_msg("n %zu, %d keys, dir %d: element %zu is %d@%u, want %d@%u", n, distinct, dir,
                     i, got[i].key, got[i].pos, want[i].key, want[i].pos);
    free(got);
    free(want);
}

static void test_matches_a_stable_sort(void **state)
{
    (void)state;
    for (size_t n = 0; n <= 70; n++)
        for (int dir = -1; dir <= 1; dir += 2) {
            check_one(n, 3, dir, (uint32_t)n + 1);
            check_one(n, 1000, dir, (uint32_t)n + 7);
        }
    check_one(5000, 10, 1, 42);
    check_one(5000, 1 << 20, -1, 43);
    check_one(4097, 2, 1, 44);
}

static void test_sorted_and_reversed_input(void **state)
{
    (void)state;
    int up = 1;
    struct item v[300];
    for (unsigned i = 0; i < 300; i++)
        v[i] = (struct item){300 - (int)i, i};
    sort_ctx(v, 300, sizeof *v, by_key, &up);
    for (unsigned i = 0; i < 300; i++)
        assert_int_equal(v[i].key, (int)i + 1);
    sort_ctx(v, 300, sizeof *v, by_key, &up); /* already sorted: unchanged */
    for (unsigned i = 0; i < 300; i++)
        assert_int_equal(v[i].pos, 299 - i);
}

/* Three-byte elements, compared through a table in the context. */
static int by_rank(const void *pa, const void *pb, void *ctx)
{
    const int *rank = ctx;
    int a = rank[((const unsigned char *)pa)[0]], b = rank[((const unsigned char *)pb)[0]];
    return (a > b) - (a < b);
}

static void test_odd_size_and_context_table(void **state)
{
    (void)state;
    int rank[256];
    for (int i = 0; i < 256; i++)
        rank[i] = (i * 37) % 256; /* a permutation of 0..255 */
    unsigned char v[256][3];
    for (int i = 0; i < 256; i++) {
        v[i][0] = (unsigned char)i;
        v[i][1] = (unsigned char)(i ^ 0x5a);
        v[i][2] = (unsigned char)~i;
    }
    sort_ctx(v, 256, 3, by_rank, rank);
    for (int i = 0; i < 256; i++) {
        assert_int_equal(rank[v[i][0]], i);
        assert_int_equal(v[i][1], v[i][0] ^ 0x5a); /* elements move whole */
        assert_int_equal(v[i][2], (unsigned char)~v[i][0]);
    }
}

static int never_called(const void *a, const void *b, void *ctx)
{
    (void)a, (void)b, (void)ctx;
    fail_msg("no comparison is needed for fewer than two elements");
    return 0;
}

static void test_empty_and_single(void **state)
{
    (void)state;
    int one = 5;
    sort_ctx(NULL, 0, sizeof one, never_called, NULL);
    sort_ctx(&one, 1, sizeof one, never_called, NULL);
    assert_int_equal(one, 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matches_a_stable_sort),
        cmocka_unit_test(test_sorted_and_reversed_input),
        cmocka_unit_test(test_odd_size_and_context_table),
        cmocka_unit_test(test_empty_and_single),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
