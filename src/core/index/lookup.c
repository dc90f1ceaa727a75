/* lookup: "did you mean" candidates for a name (see lookup.h). */
#include "core/index/lookup.h"
#include "core/base/fold.h"
#include "core/base/suggest.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

struct candidate {
    int entity;
    size_t distance, narticles;
};

static int compare_candidates(const void *pa, const void *pb)
{
    const struct candidate *a = pa, *b = pb;
    if (a->distance != b->distance)
        return a->distance < b->distance ? -1 : 1;
    if (a->narticles != b->narticles)
        return a->narticles > b->narticles ? -1 : 1;
    return a->entity - b->entity;
}

/* The smallest edit distance from the folded query to the entity's folded
 * name and forms. */
static size_t entity_distance(const struct index_entity *e, const char *q)
{
    char *name = fold_text(e->name, strlen(e->name));
    size_t best = suggest_distance(q, name);
    free(name);
    for (size_t f = 0; f < e->nforms; f++) {
        size_t d = suggest_distance(q, e->forms[f]);
        best = d < best ? d : best;
    }
    return best;
}

size_t index_suggest(const struct index *ix, int kind, const char *name, int *out, size_t max)
{
    size_t n = index_search(ix, kind, name, out, max);
    if (n || !max)
        return n;
    char *q = fold_text(name, strlen(name));
    size_t len = strlen(q), limit = len <= 4 ? 1 : len <= 8 ? 2 : 3;
    struct candidate *c = xmalloc((ix->nentities + 1) * sizeof *c);
    size_t nc = 0;
    for (size_t i = 0; i < ix->nentities; i++) {
        const struct index_entity *e = &ix->entities[i];
        if (kind >= 0 && (int)e->kind != kind)
            continue;
        size_t d = entity_distance(e, q);
        if (d <= limit && d < len)
            c[nc++] = (struct candidate){(int)i, d, e->narticles};
    }
    qsort(c, nc, sizeof *c, compare_candidates);
    for (n = 0; n < nc && n < max; n++)
        out[n] = c[n].entity;
    free(c);
    free(q);
    return n;
}
