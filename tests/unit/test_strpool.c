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

/* strpool_clear keeps one block, empty: strings added after it land where
 * the first ones did; a pool cleared over several blocks, or never used,
 * frees (the others are freed by the clear: the sanitizer build's leak
 * check sees it). */
static void test_clear_keeps_a_block(void **state)
{
    (void)state;
    struct strpool p;
    strpool_init(&p);
    strpool_clear(&p); /* nothing yet: nothing to keep */
    assert_null(p.head);
    char *first = strpool_add(&p, "Arsenal", 7);
    for (int round = 0; round < 3; round++) {
        strpool_clear(&p);
        assert_non_null(p.head);
        char *again = strpool_add(&p, "Chelsea", 7);
        assert_ptr_equal(again, first);
        assert_string_equal(again, "Chelsea");
    }
    char text[1000];
    memset(text, 'k', sizeof text);
    for (int i = 0; i < 300; i++) /* about 300 KB: several blocks */
        strpool_add(&p, text, sizeof text);
    strpool_clear(&p);
    assert_non_null(p.head);
    char *last = strpool_add(&p, "Spurs", 5);
    assert_string_equal(last, "Spurs");
    strpool_free(&p);
    assert_null(p.head);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_many_strings_stay_put),
        cmocka_unit_test(test_part_of_a_string_and_empty),
        cmocka_unit_test(test_larger_than_a_block),
        cmocka_unit_test(test_alloc_does_not_overlap),
        cmocka_unit_test(test_clear_keeps_a_block),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
