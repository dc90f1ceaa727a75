/* pipeline_helpers: for the tests that load a corpus through the pipeline
 * two ways (test_pipeline.c, test_cache_lend.c) and compare what came out.
 * Include after cmocka.h. */
#ifndef TOUCHLINE_TEST_PIPELINE_HELPERS_H
#define TOUCHLINE_TEST_PIPELINE_HELPERS_H

#include "core/base/buf.h"
#include "core/index/export.h"
#include "core/pipeline/pipeline.h"

/* The two loads hold as many articles, and each exports the same JSON. */
static inline void assert_same_exports(const struct pipeline *a, const struct pipeline *b)
{
    assert_int_equal(a->corpus.narticles, b->corpus.narticles);
    struct buf ja, jb;
    buf_init(&ja);
    buf_init(&jb);
    for (size_t i = 0; i < a->corpus.narticles; i++) {
        buf_reset(&ja);
        buf_reset(&jb);
        export_article_json(&ja, &a->index, i, false);
        export_article_json(&jb, &b->index, i, false);
        assert_string_equal(ja.data, jb.data);
    }
    buf_free(&ja);
    buf_free(&jb);
}

#endif
