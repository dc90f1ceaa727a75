/* test_strpool: copies are exact and NUL-terminated, stay put while the
 * pool grows over many blocks, a string larger than a block gets a block of
 * its own, raw allocations do not overlap, and an empty pool frees. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/strpool.h"

static void test_many_strings_stay_put(void **state)
{
    (void)state;
    struct strpool p;
    strpool_init(&p);
    enum { N = 20000 }; /* about 400 KB: several blocks */
    char **got = malloc(N * sizeof *got);
    char want[32];
    for (int i = 0; i < N; i++) {
        int len = snprintf(want, sizeof want, "folder/%07d.md", i);
        got[i] = strpool_add(&p, want, (size_t)len);
    }
    for (int i = 0; i < N; i++) {
        snprintf(want, sizeof want, "folder/%07d.md", i);
        assert_string_equal(got[i], want);
    }
    free(got);
    strpool_free(&p);
    assert_null(p.head);
}

static void test_part_of_a_string_and_empty(void **state)
{
    (void)state;
    struct strpool p;
    strpool_init(&p);
    char *a = strpool_add(&p, "Arsenal v Chelsea", 7);
    char *e = strpool_add(&p, "", 0);
    assert_string_equal(a, "Arsenal");
    assert_string_equal(e, "");
    assert_true(e > a + 7); /* the terminator of a is its own */
    strpool_free(&p);
}

static void test_larger_than_a_block(void **state)
{
    (void)state;
    struct strpool p;
    strpool_init(&p);
    char *before = strpool_add(&p, "before", 6);
    size_t big = 200 * 1024;
    char *text = malloc(big);
    memset(text, 'k', big);
    char *copy = strpool_add(&p, text, big);
    char *after = strpool_add(&p, "after", 5);
    assert_memory_equal(copy, text, big);
    assert_int_equal(copy[big], '\0');
    assert_string_equal(before, "before");
    assert_string_equal(after, "after");
    free(text);
    strpool_free(&p);
}

static void test_alloc_does_not_overlap(void **state)
{
    (void)state;
    struct strpool p;
    strpool_init(&p);
    char *x = strpool_alloc(&p, 5);
    char *y = strpool_alloc(&p, 3);
    memcpy(x, "abcde", 5);
    memcpy(y, "xyz", 3);
    assert_memory_equal(x, "abcde", 5);
    assert_memory_equal(y, "xyz", 3);
    strpool_free(&p);
    strpool_free(&p); /* twice, or never used: nothing to free */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_strings_stay_put),
        cmocka_unit_test(test_part_of_a_string_and_empty),
        cmocka_unit_test(test_larger_than_a_block),
        cmocka_unit_test(test_alloc_does_not_overlap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
