/* test_facts_lazy_jit: the fact patterns are JIT-compiled on their first
 * use, and extractor threads share them: several threads that start on one
 * fresh extractor at once (so that they race for the first compile of every
 * pattern) each find the same facts as one thread alone. Under ThreadSanitizer
 * it also checks that no thread matches a pattern while another compiles it. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "extract_helpers.h"

#define THREADS 4

static const char title[] = "Rice joins Arsenal for 105m";
static const char body[] =
    "Arsenal have signed Declan Rice from West Ham for a British record fee of 105m pounds. "
    "The 24-year-old midfielder, who has 43 caps for England, signed a five-year contract "
    "until 2028 on wages of 240,000 pounds a week. He made 245 appearances for West Ham. "
    "Chelsea were also interested, the BBC understands.";

struct worker {
    struct fixture *shared; /* the kb and extractor all workers use */
    pthread_barrier_t *start;
    size_t nfacts;
    size_t nentities;
};

static void *work(void *arg)
{
    struct worker *w = arg;
    struct fixture f = *w->shared; /* the same extractor, its own article and result */
    f.a = NULL;
    memset(&f.x, 0, sizeof f.x);
    pthread_barrier_wait(w->start);
    fixture_run(&f, title, body);
    w->nfacts = f.x.nfacts;
    w->nentities = f.x.nentities;
    fixture_clear(&f);
    return NULL;
}

static void test_threads_share_the_first_compile(void **state)
{
    (void)state;
    struct fixture alone;
    assert_true(fixture_open(&alone));
    fixture_run(&alone, title, body);
    size_t nfacts = alone.x.nfacts, nentities = alone.x.nentities;
    assert_true(nfacts >= 4); /* the text has a fee, a wage, a contract, caps... */
    fixture_close(&alone);

    struct fixture shared;
    assert_true(fixture_open(&shared)); /* a fresh extractor: no pattern compiled yet */
    pthread_barrier_t start;
    pthread_barrier_init(&start, NULL, THREADS);
    struct worker w[THREADS];
    pthread_t t[THREADS];
    for (int i = 0; i < THREADS; i++) {
        w[i] = (struct worker){&shared, &start, 0, 0};
        assert_int_equal(pthread_create(&t[i], NULL, work, &w[i]), 0);
    }
    for (int i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(w[i].nfacts, nfacts);
        assert_int_equal(w[i].nentities, nentities);
    }
    pthread_barrier_destroy(&start);
    fixture_close(&shared);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_share_the_first_compile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
