/* warm_dir: a folder for the tests of warm starts (test_stored_index.c,
 * test_loading_fold.c): a copy of the samples dated long ago, a cache
 * folder beside it, and a warm load stopped before its last result.
 * Include after cmocka.h. */
#ifndef TOUCHLINE_TEST_WARM_DIR_H
#define TOUCHLINE_TEST_WARM_DIR_H

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/pipeline/pipeline.h"
#include "core/pipeline/pipeline_cache.h"

struct warm_dir {
    char dir[64];   /* made for the test, removed by warm_dir_remove */
    char in[80];    /* dir/in: the copy of the samples */
    char cache[96]; /* dir/touchline-cache */
};

static inline void warm_dir_run(const char *cmd)
{
    assert_int_equal(system(cmd), 0);
}

/* A fresh folder /tmp/touchline-<tag>-XXXXXX holding a copy of the samples
 * (the files in `samples`) in its in/, every file dated long ago. */
static inline void warm_dir_make(struct warm_dir *w, const char *tag, const char *samples)
{
    snprintf(w->dir, sizeof w->dir, "/tmp/touchline-%s-XXXXXX", tag);
    assert_non_null(mkdtemp(w->dir));
    snprintf(w->in, sizeof w->in, "%s/in", w->dir);
    snprintf(w->cache, sizeof w->cache, "%s/touchline-cache", w->dir);
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "mkdir -p '%s' && cp '%s'/*.md '%s'/*.txt '%s/' && touch -d '2024-01-01 12:00' '%s'/*",
             w->in, samples, samples, w->in, w->in);
    warm_dir_run(cmd);
}

static inline void warm_dir_remove(const struct warm_dir *w)
{
    char cmd[256];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", w->dir);
    warm_dir_run(cmd);
}

/* Takes results until p has taken n in all, waiting for them. */
static inline void warm_dir_take_until(struct pipeline *p, size_t n)
{
    struct timespec nap = {0, 1000 * 1000};
    while (p->taken < n)
        if (!pipeline_take(p, n - p->taken))
            nanosleep(&nap, NULL);
}

/* With the cache primed (a load of w->in that wrote its stored index), the
 * last of the `n` articles is changed and a warm start begun (not in the
 * background: every result attached to the stored index) and stopped
 * before its last result, the stored index not dropped yet. */
static inline void warm_dir_start_before_last(const struct warm_dir *w, struct pipeline *p,
                                              const char *last, size_t n)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "printf '\\nArsenal have signed Declan Rice from West Ham.\\n' >> '%s' && "
             "touch -d '2024-02-01 12:00' '%s'",
             last, last);
    warm_dir_run(cmd);
    struct pipeline_options opt = {.threads = 2, .cache_dir = w->cache};
    struct tl_error err;
    char *paths[] = {(char *)w->in};
    assert_true(pipeline_start(p, paths, 1, &opt, &err));
    pipeline_cache_wait(p->pcache, 1e9);
    warm_dir_take_until(p, n - 1);
    assert_true(p->from_image);
}

#endif
