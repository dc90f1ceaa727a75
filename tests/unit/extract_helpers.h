/* extract_helpers: runs the real extractor (built-in KB) on a short text in
 * unit tests, and looks up entities and facts in the result. */
#ifndef TOUCHLINE_TEST_EXTRACT_HELPERS_H
#define TOUCHLINE_TEST_EXTRACT_HELPERS_H

#include <stdbool.h>
#include <string.h>

#include "core/load/article.h"
#include "core/extract/extract.h"

struct fixture {
    struct kb *kb;
    struct extractor *ex;
    struct boilerplate *bp;
    struct article *a;
    struct extraction x;
};

/* The built-in KB and an extractor, once per test group. */
static inline bool fixture_open(struct fixture *f)
{
    struct tl_error err;
    memset(f, 0, sizeof *f);
    f->kb = kb_new_builtin(&err);
    f->ex = f->kb ? extractor_new(f->kb, &err) : NULL;
    f->bp = boilerplate_new();
    return f->ex != NULL;
}

static inline void fixture_clear(struct fixture *f)
{
    extraction_free(&f->x);
    article_free(f->a);
    f->a = NULL;
}

static inline void fixture_close(struct fixture *f)
{
    fixture_clear(f);
    extractor_free(f->ex);
    kb_free(f->kb);
    boilerplate_free(f->bp);
}

/* Extracts "Title\n\nbody" (a plain-text article). */
static inline void fixture_run(struct fixture *f, const char *title, const char *body)
{
    fixture_clear(f);
    size_t n = strlen(title) + strlen(body) + 3;
    char *text = malloc(n);
    snprintf(text, n, "%s\n\n%s", title, body);
    struct tl_error err;
    f->a = article_parse("test.txt", text, strlen(text), 0, f->bp, &err);
    free(text);
    extractor_run(f->ex, f->a, &f->x);
}

/* Index of the entity with this name and kind, or -1. */
static inline int fixture_entity(const struct fixture *f, enum entity_kind kind, const char *name)
{
    for (size_t i = 0; i < f->x.nentities; i++)
        if (f->x.entities[i].kind == kind && !strcmp(f->x.entities[i].name, name))
            return (int)i;
    return -1;
}

/* The first fact of a kind and value, or NULL. */
static inline const struct fact *fixture_fact(const struct fixture *f, enum fact_kind kind,
                                              double value)
{
    for (size_t i = 0; i < f->x.nfacts; i++)
        if (f->x.facts[i].kind == kind && f->x.facts[i].has_value && f->x.facts[i].value == value)
            return &f->x.facts[i];
    return NULL;
}

/* How many facts of a kind there are. */
static inline size_t fixture_count(const struct fixture *f, enum fact_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < f->x.nfacts; i++)
        n += f->x.facts[i].kind == kind;
    return n;
}

/* The name of entity `e` of the extraction, or "" for none. */
static inline const char *fixture_name(const struct fixture *f, int e)
{
    return e >= 0 && (size_t)e < f->x.nentities ? f->x.entities[e].name : "";
}

#endif
