/* cache_churn: the helper of tests/cli/test_cache_kill.sh. `write DIR [N]`
 * saves two record sets, A and B, to the cache in DIR in turn, forever or N
 * times, starting with B when the cache holds as many records as A, else
 * with A; the script SIGKILLs it at random moments. `verify DIR` prints what
 * the cache file holds: A or B (every record of the set, equal field by
 * field, and nothing else), absent, or "bad ..." with exit status 1.
 * `path DIR` prints the cache file's path. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../unit/cache_helpers.h"
#include "core/cache/cache.h"

enum { KEY = 7, SET_A = 1, SET_B = 2, N_A = 1000, N_B = 700 };
static const char *const roots[] = {"/churn"};

static size_t set_size(unsigned set)
{
    return set == SET_A ? N_A : N_B;
}

/* Record i of a set: its path, and an mtime that differs between sets. */
static void record(unsigned set, size_t i, char *path, size_t n, int64_t *mtime)
{
    snprintf(path, n, "/churn/%zu.md", i);
    *mtime = (int64_t)i * 1000 + set;
}

static bool save_set(const char *dir, unsigned set)
{
    struct cache *c = cache_open(dir, roots, 1, KEY);
    for (size_t i = 0; i < set_size(set); i++) {
        struct extraction x;
        char path[64];
        int64_t mtime;
        cache_synth(&x, set, i);
        record(set, i, path, sizeof path, &mtime);
        cache_store(c, path, i, mtime, &x);
        extraction_free(&x);
    }
    struct tl_error err;
    bool ok = cache_save(c, &err);
    if (!ok)
        fprintf(stderr, "cache_churn: %s\n", err.msg);
    cache_free(c);
    return ok;
}

/* How many records of a set hit with exactly their data. */
static size_t set_hits(const struct cache *c, unsigned set)
{
    size_t n = 0;
    for (size_t i = 0; i < set_size(set); i++) {
        struct extraction want, got;
        char path[64];
        int64_t mtime;
        cache_synth(&want, set, i);
        record(set, i, path, sizeof path, &mtime);
        if (cache_lookup(c, path, i, mtime, &got))
            n += cache_extraction_equal(&want, &got);
        extraction_free(&want);
        extraction_free(&got);
    }
    return n;
}

/* 'A', 'B', '-' for absent or '?' for anything else. */
static char state(const char *dir, size_t *count, size_t *a, size_t *b)
{
    struct cache *c = cache_open(dir, roots, 1, KEY);
    bool absent = access(cache_file(c), F_OK) != 0;
    *count = cache_count(c);
    *a = set_hits(c, SET_A);
    *b = set_hits(c, SET_B);
    cache_free(c);
    if (absent)
        return '-';
    if (*count == N_A && *a == N_A && !*b)
        return 'A';
    if (*count == N_B && *b == N_B && !*a)
        return 'B';
    return '?';
}

static int churn(const char *dir, long saves)
{
    struct cache *c = cache_open(dir, roots, 1, KEY);
    unsigned set = cache_count(c) == N_A ? SET_B : SET_A;
    cache_free(c);
    for (long i = 0; saves < 0 || i < saves; i++) {
        if (!save_set(dir, set))
            return 1;
        set = set == SET_A ? SET_B : SET_A;
    }
    return 0;
}

static int verify(const char *dir)
{
    size_t count, a, b;
    char s = state(dir, &count, &a, &b);
    if (s == '?') {
        printf("bad: %zu records, %zu of A and %zu of B hit\n", count, a, b);
        return 1;
    }
    puts(s == '-' ? "absent" : s == 'A' ? "A" : "B");
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "verify"))
        return verify(argv[2]);
    if ((argc == 3 || argc == 4) && !strcmp(argv[1], "write"))
        return churn(argv[2], argc == 4 ? atol(argv[3]) : -1);
    if (argc == 3 && !strcmp(argv[1], "path")) {
        struct cache *c = cache_open(argv[2], roots, 1, KEY);
        puts(cache_file(c));
        cache_free(c);
        return 0;
    }
    fprintf(stderr, "usage: cache_churn write DIR [SAVES] | verify DIR | path DIR\n");
    return 2;
}
