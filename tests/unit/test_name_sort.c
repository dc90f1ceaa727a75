/* test_name_sort: name_sort against qsort with strcmp on generated names:
 * a folder's numbered files, names alike in their first eight bytes and
 * longer, shorter than eight bytes and prefixes of each other, bytes above
 * 0x7f (strcmp compares them unsigned), every length up to 40 names, one
 * large folder, and 0 or 1 name. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/name_sort.h"

static uint32_t next_random(uint32_t *state)
{
    *state = *state * 1103515245u + 12345u;
    return *state >> 8;
}

static int by_strcmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Sorts a copy of names both ways and compares the strings in order, and
 * that the result holds the same pointers (a permutation of the input). */
static void check_names(const char **names, size_t n)
{
    const char **got = malloc((n ? n : 1) * sizeof *got);
    const char **want = malloc((n ? n : 1) * sizeof *want);
    memcpy(got, names, n * sizeof *got);
    memcpy(want, names, n * sizeof *want);
    name_sort(got, n);
    qsort(want, n, sizeof *want, by_strcmp);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(got[i], want[i]) != 0)
            fail_msg("n=%zu at %zu: got '%s', want '%s'", n, i, got[i], want[i]);
        size_t seen = 0;
        for (size_t j = 0; j < n; j++)
            seen += names[j] == got[i];
        assert_true(seen >= 1);
    }
    free(got);
    free(want);
}

/* n random names over `alphabet`, each `min` to `max` bytes long, after
 * `prefix`; stored one after the other in `store`. */
static void make_names(const char **names, char *store, size_t n, const char *prefix,
                       const char *alphabet, size_t min, size_t max, uint32_t seed)
{
    size_t na = strlen(alphabet), np = strlen(prefix);
    for (size_t i = 0; i < n; i++) {
        size_t len = min + next_random(&seed) % (max - min + 1);
        memcpy(store, prefix, np);
        for (size_t k = 0; k < len; k++)
            store[np + k] = alphabet[next_random(&seed) % na];
        store[np + len] = '\0';
        names[i] = store;
        store += np + len + 1;
    }
}

static void test_numbered_folder(void **state)
{
    (void)state;
    enum { N = 1002 };
    static char store[N][16];
    const char *names[N];
    uint32_t seed = 7;
    for (size_t i = 0; i < N; i++) {
        snprintf(store[i], sizeof store[i], "%07zu.%s", i, i % 3 ? "md" : "txt");
        names[i] = store[i];
    }
    for (size_t i = N - 1; i > 0; i--) { /* the order readdir might give */
        size_t j = next_random(&seed) % (i + 1);
        const char *t = names[i];
        names[i] = names[j];
        names[j] = t;
    }
    check_names(names, N);
}

static void test_shared_prefixes_and_lengths(void **state)
{
    (void)state;
    static char store[64 * 1024];
    const char *names[600];
    /* alike in their first eight bytes, then differing */
    make_names(names, store, 200, "article-", "ab", 0, 6, 1);
    check_names(names, 200);
    /* short names, many of them prefixes of others, and duplicates */
    make_names(names, store, 300, "", "abc", 0, 9, 2);
    check_names(names, 300);
    /* bytes above 0x7f sort after ASCII, as unsigned */
    make_names(names, store, 300, "", "a\x7f\x80\xc3\xa9\xffZ0", 1, 12, 3);
    check_names(names, 300);
    /* every count up to 40 */
    for (size_t n = 0; n <= 40; n++) {
        make_names(names, store, n, "x", "0189.", 3, 11, 100 + (uint32_t)n);
        check_names(names, n);
    }
}

static void test_large_folder(void **state)
{
    (void)state;
    enum { N = 20000 };
    char *store = malloc(N * 24);
    const char **names = malloc(N * sizeof *names);
    make_names(names, store, N, "", "abcdefghijklmnopqrstuvwxyz-._0123456789", 1, 20, 4);
    check_names(names, N);
    free(names);
    free(store);
}

static void test_empty_and_single(void **state)
{
    (void)state;
    const char *one[1] = {"only.md"};
    name_sort(NULL, 0);
    name_sort(one, 1);
    assert_string_equal(one[0], "only.md");
    const char *two[2] = {"b", "a"};
    name_sort(two, 2);
    assert_string_equal(two[0], "a");
    assert_string_equal(two[1], "b");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_numbered_folder),
        cmocka_unit_test(test_shared_prefixes_and_lengths),
        cmocka_unit_test(test_large_folder),
        cmocka_unit_test(test_empty_and_single),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
