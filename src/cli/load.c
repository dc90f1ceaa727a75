/* cli/load: turning command-line paths into a corpus or a full pipeline, and
 * usage errors. */
#include "cli/cli.h"
#include "core/cache/cache.h"
#include "core/index/lookup.h"

#include "core/base/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int cli_next_option(const char *cmd, int argc, char **argv, const char *shortopts,
                    const struct option *longopts)
{
    char spec[64];
    snprintf(spec, sizeof spec, ":%s", shortopts);
    opterr = 0;
    int ch = getopt_long(argc, argv, spec, longopts, NULL);
    if (ch != '?' && ch != ':')
        return ch;
    const char *arg = argv[optind - 1];
    bool is_long = !strncmp(arg, "--", 2);
    if (ch == ':') {
        const char *name = NULL;
        for (const struct option *o = longopts; o && o->name && !name; o++)
            if (o->val == optopt)
                name = o->name;
        if (name)
            startup_usage_error("%s: option '--%s' needs a value; try 'touchline %s --help'", cmd,
                                name, cmd);
        else
            startup_usage_error("%s: option '%s' needs a value; try 'touchline %s --help'", cmd,
                                arg, cmd);
    } else if (is_long || !optopt) {
        startup_usage_error("%s: unknown option '%s'; try 'touchline %s --help'", cmd, arg, cmd);
    } else {
        startup_usage_error("%s: unknown option '-%c'; try 'touchline %s --help'", cmd, optopt,
                            cmd);
    }
    return '?';
}

int cli_status(const struct corpus *c, bool found)
{
    for (size_t i = 0; i < c->nproblems; i++)
        if (!c->problems[i].warning)
            return EXIT_NOTHING;
    return found ? EXIT_OK : EXIT_NOTHING;
}

void cli_no_entity(const char *cmd, const struct index *ix, int kind, const char *name)
{
    int best[3];
    size_t n = index_suggest(ix, kind, name, best, 3);
    fprintf(stderr, "touchline: %s: no %s called '%s' in these articles", cmd,
            kind >= 0 ? entity_kind_name((enum entity_kind)kind) : "entity", name);
    for (size_t i = 0; i < n; i++)
        fprintf(stderr, "%s%s", i ? ", " : "; did you mean: ", ix->entities[best[i]].name);
    fputc('\n', stderr);
}
