/* pipeline: load, extract and index in one call (see pipeline.h). */
#include "pipeline.h"

#include <string.h>

static bool build_kb(struct pipeline *p, const struct pipeline_options *opt,
                     struct tl_error *err)
{
    p->kb = kb_new_builtin(err);
    if (!p->kb)
        return false;
    for (size_t i = 0; opt && i < opt->nkb_files; i++)
        if (!kb_merge_file(p->kb, opt->kb_files[i], err))
            return false;
    p->extractor = extractor_new(p->kb, err);
    return p->extractor != NULL;
}

static bool build_boilerplate(struct pipeline *p, const struct pipeline_options *opt,
                              struct tl_error *err)
{
    p->boilerplate = boilerplate_new();
    for (size_t i = 0; opt && i < opt->nboilerplate; i++)
        if (!boilerplate_add(p->boilerplate, opt->boilerplate[i], err))
            return false;
    return true;
}

bool pipeline_open(struct pipeline *p, char *const *paths, size_t npaths,
                   const struct pipeline_options *opt, struct tl_error *err)
{
    memset(p, 0, sizeof *p);
    if (!build_boilerplate(p, opt, err) || !build_kb(p, opt, err)) {
        pipeline_close(p);
        return false;
    }
    corpus_init(&p->corpus, p->boilerplate);
    for (size_t i = 0; i < npaths; i++) {
        if (!corpus_load_path(&p->corpus, paths[i], err)) {
            pipeline_close(p);
            return false;
        }
    }
    index_init(&p->index, &p->corpus);
    for (size_t i = 0; i < p->corpus.narticles; i++) {
        struct extraction x;
        extractor_run(p->extractor, p->corpus.articles[i], &x);
        index_add(&p->index, i, &x);
    }
    return true;
}

void pipeline_close(struct pipeline *p)
{
    if (p->index.x)
        index_free(&p->index);
    corpus_free(&p->corpus);
    extractor_free(p->extractor);
    kb_free(p->kb);
    boilerplate_free(p->boilerplate);
    memset(p, 0, sizeof *p);
}
