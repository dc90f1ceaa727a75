/* cli/load: turning command-line paths into a corpus or a full pipeline, and
 * usage errors. */
#include "cli.h"

#include <stdarg.h>
#include <stdio.h>

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

bool cli_open_pipeline(struct pipeline *p, char **paths, int npaths, const struct cli_globals *g)
{
    const char *kb[1] = {g ? g->kb_file : NULL};
    struct pipeline_options opt = {.kb_files = kb, .nkb_files = kb[0] ? 1 : 0};
    struct tl_error err;
    if (!pipeline_open(p, paths, (size_t)npaths, &opt, &err)) {
        fprintf(stderr, "touchline: %s\n", err.msg);
        return false;
    }
    for (size_t i = 0; i < p->corpus.nproblems; i++)
        fprintf(stderr, "touchline: %s%s\n", p->corpus.problems[i].warning ? "warning: " : "",
                p->corpus.problems[i].message);
    return true;
}

int cli_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("touchline: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\n", stderr);
    va_end(ap);
    return EXIT_USAGE;
}
