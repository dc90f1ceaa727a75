/* cli/load: turning command-line paths into a corpus or a full pipeline, and
 * usage errors. */
#include "cli/cli.h"
#include "core/cache/cache.h"

#include "core/base/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

bool cli_load_corpus(struct corpus *c, char **paths, int npaths)
{
    for (int i = 0; i < npaths; i++) {
        struct tl_error err;
        if (!corpus_load_path(c, paths[i], &err)) {
            fprintf(stderr, "touchline: %s\n", err.msg);
            return false;
        }
    }
    for (size_t i = 0; i < c->nproblems; i++)
        fprintf(stderr, "touchline: %s%s\n", c->problems[i].warning ? "warning: " : "",
                c->problems[i].message);
    return true;
}

size_t cli_default_paths(const struct startup_globals *g, char ***out)
{
    *out = NULL;
    struct config *cfg = startup_load_config(g);
    if (!cfg)
        return 0;
    size_t n = startup_default_paths(cfg, out);
    config_free(cfg);
    return n;
}

bool cli_open_pipeline(struct pipeline *p, char **paths, int npaths,
                       const struct startup_globals *g)
{
    struct config *cfg = startup_load_config(g);
    if (!cfg)
        return false;
    struct tl_error err;
    bool ok = startup_pipeline_start(p, paths, (size_t)npaths, cfg, g, g ? g->kb_file : NULL, false,
                                     &err);
    config_free(cfg);
    if (ok)
        pipeline_finish(p);
    if (ok && pipeline_warning(p))
        fprintf(stderr, "touchline: warning: cache not written: %s\n", pipeline_warning(p));
    if (!ok) {
        fprintf(stderr, "touchline: %s\n", err.msg);
        return false;
    }
    for (size_t i = 0; i < p->corpus.nproblems; i++)
        fprintf(stderr, "touchline: %s%s\n", p->corpus.problems[i].warning ? "warning: " : "",
                p->corpus.problems[i].message);
    return true;
}
