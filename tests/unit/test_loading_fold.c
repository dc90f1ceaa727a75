/* test_loading_fold: the reader's fold of a load under way (src/ui/
 * loading.c) on a warm start that takes the stored index. Stopped before
 * its last result, every extraction before it attached to the stored
 * index and none in the index yet, the list's club counts and money marks
 * are already those of a fresh load, while an opened article's extraction
 * waits for the index (app_extraction_state); the load completed (the
 * stored index dropped by the changed last file), every article has
 * landed with the same marks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/pipeline/pipeline.h"
#include "ui/app.h"
#include "ui/loading.h"
#include "warm_dir.h"

static char samples[1024];

static void open_fresh(struct pipeline *p, const char *in, const char *cache)
{
    struct pipeline_options opt = {.threads = 2, .cache_dir = cache};
    struct tl_error err;
    char *paths[] = {(char *)in};
    assert_true(pipeline_open(p, paths, 1, &opt, &err));
}

/* Clubs among an extraction's entities, as the list counts them. */
static unsigned clubs_of(const struct extraction *x)
{
    unsigned n = 0;
    for (size_t e = 0; e < x->nentities; e++)
        n += x->entities[e].kind == ENTITY_CLUB;
    return n;
}

static bool money_of(const struct extraction *x)
{
    for (size_t f = 0; f < x->nfacts; f++)
        if ((x->facts[f].kind == FACT_FEE || x->facts[f].kind == FACT_WAGE ||
             x->facts[f].kind == FACT_RELEASE_CLAUSE) &&
            x->facts[f].has_value)
            return true;
    return false;
}

/* Articles [0, n) have the marks of `fresh`'s extractions; returns how many
 * have a club or money (so that the check can fail). */
static size_t assert_marks(const struct app *a, const struct pipeline *fresh, size_t n)
{
    size_t with_clubs = 0;
    for (size_t i = 0; i < n; i++) {
        const struct extraction *x = &fresh->index.x[i];
        unsigned clubs = clubs_of(x);
        assert_int_equal(a->nclubs[i], clubs > 255 ? 255 : clubs);
        assert_int_equal(a->money[i], money_of(x));
        with_clubs += clubs > 0 || money_of(x);
    }
    return with_clubs;
}

static void test_marks_folded_in_before_the_index_is_complete(void **state)
{
    (void)state;
    struct warm_dir w;
    warm_dir_make(&w, "fold", samples);
    struct pipeline fresh, p;
    open_fresh(&fresh, w.in, w.cache); /* cold: writes the stored index */
    size_t n = fresh.corpus.narticles;
    warm_dir_start_before_last(&w, &p, fresh.corpus.articles[n - 1]->path, n);
    assert_int_equal(p.corpus.narticles, n - 1);
    assert_int_equal(p.index.narticles, 0); /* nothing has landed */
    struct app a;
    app_init(&a, &p); /* folds what was taken */
    assert_int_equal(a.nknown, n - 1);
    assert_true(assert_marks(&a, &fresh, n - 1) > 0);
    for (size_t i = 0; i < n - 1; i++) {
        assert_int_equal(app_extraction_state(&a, i), EXTRACTION_WAITING);
        assert_int_equal(app_extraction(&a, i)->nentities, 0);
    }
    pipeline_finish(&p);
    assert_false(p.index_stored);
    assert_true(loading_fold(&a));
    assert_int_equal(a.nknown, n);
    assert_marks(&a, &fresh, n - 1); /* the last one changed */
    for (size_t i = 0; i < n; i++)
        assert_int_equal(app_extraction_state(&a, i), EXTRACTION_LANDED);
    app_free(&a);
    pipeline_close(&p);
    pipeline_close(&fresh);
    warm_dir_remove(&w);
}

int main(void)
{
    const char *src = getenv("TOUCHLINE_SOURCE_DIR");
    snprintf(samples, sizeof samples, "%s/samples", src ? src : ".");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marks_folded_in_before_the_index_is_complete),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
