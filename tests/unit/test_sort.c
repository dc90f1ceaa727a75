/* test_sort: sort_ctx orders by a comparator that reads its context, is
 * stable, and handles the empty, the single and the long (merged) cases. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/base/sort.h"

struct item {
    int key, seq;
};

/* Sorts by rank[key]: the context is the rank table. */
static int by_rank(const void *pa, const void *pb, void *ctx)
{
    const int *rank = ctx;
    int a = rank[((const struct item *)pa)->key], b = rank[((const struct item *)pb)->key];
    return a < b ? -1 : a > b;
}

static void test_sort_ctx(void **state)
{
    (void)state;
    int rank[7] = {6, 5, 4, 3, 2, 1, 0}; /* key 6 first */
    enum { N = 1000 };
    static struct item v[N];
    for (int i = 0; i < N; i++)
        v[i] = (struct item){(i * 37) % 7, i};
    sort_ctx(v, N, sizeof *v, by_rank, rank);
    for (int i = 1; i < N; i++) {
        assert_true(rank[v[i - 1].key] <= rank[v[i].key]);
        if (v[i - 1].key == v[i].key)
            assert_true(v[i - 1].seq < v[i].seq); /* stable */
    }
    sort_ctx(v, 0, sizeof *v, by_rank, rank);
    struct item one = {3, 0};
    sort_ctx(&one, 1, sizeof one, by_rank, rank);
    assert_int_equal(one.key, 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_sort_ctx)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
