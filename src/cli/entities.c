/* cli/entities: `touchline entities [--kind KIND] PATH...`, a table of
 * entity, kind, articles and mentions, most mentioned first. */
#include "cli/cli.h"
#include "core/base/sort.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int compare_by_mentions(const void *pa, const void *pb, void *ctx)
{
    const struct index *ix = ctx;
    const struct index_entity *a = &ix->entities[*(const int *)pa];
    const struct index_entity *b = &ix->entities[*(const int *)pb];
    if (a->npostings != b->npostings)
        return a->npostings < b->npostings ? 1 : -1;
    if (a->narticles != b->narticles)
        return a->narticles < b->narticles ? 1 : -1;
    return strcmp(a->name, b->name);
}

int cmd_entities(int argc, char **argv, const struct startup_globals *g)
{
    static const struct option opts[] = {
        {"kind", required_argument, NULL, 'k'}, {"help", no_argument, NULL, 'h'}, {0}};
    int kind = -1, ch;
    optind = 0;
    while ((ch = cli_next_option("entities", argc, argv, "k:h", opts)) != -1) {
        enum entity_kind k;
        if (ch == 'k' && entity_kind_parse(optarg, &k)) {
            kind = (int)k;
        } else if (ch == 'k') {
            return startup_usage_error("entities: unknown kind '%s' (expected person, club, "
                                       "national_team, competition or media)",
                                       optarg);
        } else if (ch == 'h') {
            puts("usage: touchline entities [--kind KIND] PATH...\n"
                 "Entity, kind, articles and mentions, tab-separated, most mentioned first.");
            return EXIT_OK;
        } else {
            return EXIT_USAGE;
        }
    }
    if (optind >= argc)
        return startup_usage_error("entities: expected at least one PATH");
    struct pipeline p;
    if (!cli_open_pipeline(&p, argv + optind, argc - optind, g))
        return EXIT_USAGE;
    int *order = xmalloc((p.index.nentities ? p.index.nentities : 1) * sizeof *order);
    size_t n = 0;
    for (size_t i = 0; i < p.index.nentities; i++)
        if ((kind < 0 || (int)p.index.entities[i].kind == kind) &&
            p.index.entities[i].same_as < 0) /* else counted in its person */
            order[n++] = (int)i;
    sort_ctx(order, n, sizeof *order, compare_by_mentions, &p.index);
    for (size_t i = 0; i < n; i++) {
        const struct index_entity *e = &p.index.entities[order[i]];
        printf("%s\t%s\t%zu\t%zu\n", e->name, entity_kind_name(e->kind), e->narticles,
               e->npostings);
    }
    free(order);
    int status = cli_status(&p.corpus, n > 0);
    pipeline_close(&p);
    return status;
}
