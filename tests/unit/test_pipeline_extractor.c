/* test_pipeline_extractor: the pipeline's extractor is built on first use
 * (lazy_extractor.h). Threads that ask for it at once all wait for the one
 * build and get the same extractor (CI runs this under ThreadSanitizer),
 * also when it builds the built-in KB itself (a pipeline without KB
 * files builds none before its first extraction); a
 * load that needs no extraction (an empty folder, or every article a cache
 * hit) never builds it; a bad KB file still stops pipeline_start with
 * path:line:col, before any worker runs. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/pipeline/lazy_extractor.h"
#include "core/pipeline/pipeline.h"

enum { RACERS = 4 };

static char samples[4096];

struct race {
    struct lazy_extractor *lx;
    pthread_barrier_t *go;
    const struct extractor *got;
};

static void *racer(void *arg)
{
    struct race *r = arg;
    pthread_barrier_wait(r->go);
    r->got = lazy_extractor_get(r->lx);
    return NULL;
}

/* RACERS threads ask lx for its extractor at once: one build, the same
 * extractor for all. */
static void race_for(struct lazy_extractor *lx)
{
    assert_false(lazy_extractor_built(lx));
    pthread_barrier_t go;
    pthread_barrier_init(&go, NULL, RACERS);
    pthread_t t[RACERS];
    struct race r[RACERS];
    for (size_t i = 0; i < RACERS; i++) {
        r[i] = (struct race){lx, &go, NULL};
        assert_int_equal(pthread_create(&t[i], NULL, racer, &r[i]), 0);
    }
    for (size_t i = 0; i < RACERS; i++)
        pthread_join(t[i], NULL);
    assert_true(lazy_extractor_built(lx));
    for (size_t i = 0; i < RACERS; i++) {
        assert_non_null(r[i].got);
        assert_ptr_equal(r[i].got, r[0].got);
    }
    assert_ptr_equal(lazy_extractor_get(lx), r[0].got);
    pthread_barrier_destroy(&go);
}

/* Racers on an extractor over a given KB, and on one that builds the
 * built-in KB itself (the pipeline's without KB files): one build each. */
static void test_racers_share_one_build(void **state)
{
    (void)state;
    struct tl_error err;
    struct kb *kb = kb_new_builtin(&err);
    assert_non_null(kb);
    for (int own = 0; own < 2; own++) {
        struct lazy_extractor *lx = own ? lazy_extractor_new_builtin() : lazy_extractor_new(kb);
        race_for(lx);
        lazy_extractor_free(lx);
    }
    kb_free(kb);
}

static void test_unused_is_freed(void **state)
{
    (void)state;
    struct tl_error err;
    struct kb *kb = kb_new_builtin(&err);
    assert_non_null(kb);
    lazy_extractor_free(lazy_extractor_new(kb));
    lazy_extractor_free(lazy_extractor_new_builtin());
    lazy_extractor_free(NULL);
    kb_free(kb);
}

static char *make_dir(void)
{
    char *dir = strdup("/tmp/touchline-lazy-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return dir;
}

static void remove_dir(char *dir)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
    free(dir);
}

static void test_empty_folder_builds_nothing(void **state)
{
    (void)state;
    char *dir = make_dir();
    char *paths[] = {dir};
    struct pipeline_options opt = {.threads = 2};
    struct pipeline p;
    struct tl_error err;
    assert_true(pipeline_open(&p, paths, 1, &opt, &err));
    assert_int_equal(p.corpus.narticles, 0);
    assert_false(lazy_extractor_built(p.extractor));
    assert_null(p.kb); /* no KB files: the built-in one waits for the extractor */
    pipeline_close(&p);
    remove_dir(dir);
}

/* The samples twice with a cache: the first load extracts (and so builds
 * the extractor), the second takes every article from the cache and never
 * builds it, with the same results. */
static void test_cache_hits_build_nothing(void **state)
{
    (void)state;
    char *cache = make_dir();
    size_t entities[2] = {0, 0};
    for (int round = 0; round < 2; round++) {
        char *paths[] = {samples};
        struct pipeline_options opt = {.threads = 2, .background = true, .cache_dir = cache};
        struct pipeline p;
        struct tl_error err;
        assert_true(pipeline_start(&p, paths, 1, &opt, &err));
        pipeline_finish(&p);
        assert_null(pipeline_warning(&p));
        assert_true(p.corpus.narticles > 0);
        if (round == 0) {
            assert_int_equal(p.cache_hits, 0);
            assert_true(lazy_extractor_built(p.extractor));
        } else {
            assert_int_equal(p.cache_hits, p.corpus.narticles);
            assert_false(lazy_extractor_built(p.extractor));
        }
        entities[round] = p.index.nentities;
        pipeline_close(&p);
    }
    assert_true(entities[0] > 0);
    assert_int_equal(entities[0], entities[1]);
    remove_dir(cache);
}

/* A bad KB file is read and checked on the caller's thread: the start
 * fails with where and what, and nothing runs. */
static void test_bad_kb_stops_start(void **state)
{
    (void)state;
    char *dir = make_dir();
    char kb[256];
    snprintf(kb, sizeof kb, "%s/kb.yaml", dir);
    FILE *f = fopen(kb, "w");
    assert_non_null(f);
    fputs("entities:\n  - name: [unclosed\n", f);
    fclose(f);
    char *paths[] = {samples};
    const char *kbs[] = {kb};
    struct pipeline_options opt = {.kb_files = kbs, .nkb_files = 1, .background = true};
    struct pipeline p;
    struct tl_error err;
    assert_false(pipeline_start(&p, paths, 1, &opt, &err));
    assert_non_null(strstr(err.msg, kb));
    assert_null(p.stream);
    remove_dir(dir);
}

int main(void)
{
    const char *src = getenv("TOUCHLINE_SOURCE_DIR");
    snprintf(samples, sizeof samples, "%s/samples", src ? src : ".");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_racers_share_one_build),
        cmocka_unit_test(test_unused_is_freed),
        cmocka_unit_test(test_empty_folder_builds_nothing),
        cmocka_unit_test(test_cache_hits_build_nothing),
        cmocka_unit_test(test_bad_kb_stops_start),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
